/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition: one organisation,
 * one item, one SCO resource listing every file of the build.
 *
 * No mastery score (1.2 `adlcp:masteryscore`) and no `imsss:minNormalizedMeasure`:
 * the simulator decides pass or fail itself (a critical fault fails whatever
 * the percent), and an LMS told a mastery score would overrule it.
 */

export interface ManifestInput {
  /** The package's identifier (an xsd:ID once made safe). */
  readonly identifier: string;
  readonly title: string;
  /** The launch file, relative to the package root. */
  readonly launch: string;
  /** Query string for the item (`?scenario=...`), or none. */
  readonly parameters?: string;
  /** Every file of the content, relative paths with `/`. */
  readonly files: readonly string[];
}

/** The schema files each version ships beside the manifest (from scripts/package/schemas/). */
export const SCHEMA_FILES = {
  '1.2': ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  '2004': [
    'imscp_v1p1.xsd',
    'adlcp_v1p3.xsd',
    'adlseq_v1p3.xsd',
    'adlnav_v1p3.xsd',
    'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd',
    'imsss_v1p0delivery.xsd',
    'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd',
    'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd',
    'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd',
    'xml.xsd',
    'datatypes.dtd',
    'XMLSchema.dtd',
  ],
} as const;

export function scorm12Manifest(input: ManifestInput): string {
  const id = xsdId(input.identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${escapeXml(input.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true"${parametersAttribute(input)}>
        <title>${escapeXml(input.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(input.launch)}">
${fileLines(input.files)}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Manifest(input: ManifestInput): string {
  const id = xsdId(input.identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${escapeXml(input.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco"${parametersAttribute(input)}>
        <title>${escapeXml(input.title)}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${escapeXml(input.launch)}">
${fileLines(input.files)}
    </resource>
  </resources>
</manifest>
`;
}

/** An xsd:ID (an NCName): letters, digits, `.`, `-`, `_`, starting with a letter or `_`. */
export function xsdId(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(safe) ? safe : `_${safe}`;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function parametersAttribute(input: ManifestInput): string {
  return input.parameters === undefined ? '' : ` parameters="${escapeXml(input.parameters)}"`;
}

function fileLines(files: readonly string[]): string {
  return files.map((file) => `      <file href="${escapeXml(encodeHref(file))}"/>`).join('\n');
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeHref(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
