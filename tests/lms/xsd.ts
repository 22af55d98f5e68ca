/** Validates a manifest against the ADL/IMS schemas the package ships, with xmllint (WebAssembly). */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { SCHEMA_FILES } from '../../scripts/package/manifest.ts';
import type { ScormVersion } from '../../src/lms/index.ts';

/** One schema that imports every namespace a manifest of that version uses. */
const DRIVERS: Record<ScormVersion, string> = {
  '1.2': driver([
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ]),
  '2004': driver([
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ]),
};

function driver(imports: readonly (readonly [string, string])[]): string {
  return `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:driver">
${imports.map(([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xsd:schema>`;
}

export async function validateManifest(
  version: ScormVersion,
  manifest: string,
): Promise<{ valid: boolean; errors: string[] }> {
  const folder = version === '1.2' ? 'scorm12' : 'scorm2004';
  const preload = SCHEMA_FILES[version].map((fileName) => ({
    fileName,
    contents: readFileSync(
      new URL(`../../scripts/package/schemas/${folder}/${fileName}`, import.meta.url),
      'utf8',
    ),
  }));
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'driver.xsd', contents: DRIVERS[version] }],
    preload,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
