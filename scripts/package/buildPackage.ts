/** One SCORM package (zip bytes) from a checked build and a manifest. */
import { readFileSync } from 'node:fs';
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { ScormVersion } from '../../src/lms/index.ts';
import { cmi5CourseStructure, DEFAULT_CMI5_BASE } from './cmi5.ts';
import { type BuildFile, checkBuild } from './collect.ts';
import { type ManifestInput, SCHEMA_FILES, scorm12Manifest, scorm2004Manifest } from './manifest.ts';

/** One scenario to open straight away, instead of the whole library's menu. */
export interface SingleScenario {
  readonly scenario: string;
  readonly model: string;
  readonly mode: 'practice' | 'assessment';
}

/** What a zip is for: SCORM 1.2, SCORM 2004 4th edition, or a cmi5 course. */
export type PackageKind = ScormVersion | 'cmi5';

export interface PackageRequest {
  readonly version: PackageKind;
  readonly files: readonly BuildFile[];
  readonly title: string;
  readonly identifier: string;
  readonly single?: SingleScenario;
  /** cmi5 only: the IRI course and AU ids are made under. */
  readonly cmi5Base?: string;
  /** cmi5 only: one line about the course. */
  readonly description?: string;
}

export class PackageError extends Error {}

/** The deep link's query for a single-scenario package (see src/game/run/deepLink.ts). */
export function launchParameters(single: SingleScenario): string {
  return `?${new URLSearchParams({ scenario: single.scenario, model: single.model, mode: single.mode }).toString()}`;
}

export function manifestFor(request: PackageRequest & { version: ScormVersion }): string {
  const input: ManifestInput = {
    identifier: request.identifier,
    title: request.title,
    launch: 'index.html',
    files: request.files.map((file) => file.path),
    ...(request.single === undefined ? {} : { parameters: launchParameters(request.single) }),
  };
  return request.version === '1.2' ? scorm12Manifest(input) : scorm2004Manifest(input);
}

export function courseStructureFor(request: PackageRequest): string {
  return cmi5CourseStructure({
    base: request.cmi5Base ?? DEFAULT_CMI5_BASE,
    identifier: request.identifier,
    title: request.title,
    description: request.description ?? request.title,
    url: `index.html${request.single === undefined ? '' : launchParameters(request.single)}`,
    mode: request.single?.mode ?? 'library',
  });
}

/** The zip: imsmanifest.xml and the ADL/IMS schema files (or cmi5.xml) at the root, then the build as it is. */
export function buildPackage(request: PackageRequest): Uint8Array {
  const problems = checkBuild(request.files);
  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  const entries: Zippable = {};
  if (request.version === 'cmi5') {
    entries['cmi5.xml'] = strToU8(courseStructureFor(request));
  } else {
    entries['imsmanifest.xml'] = strToU8(manifestFor({ ...request, version: request.version }));
    const folder = request.version === '1.2' ? 'scorm12' : 'scorm2004';
    for (const schema of SCHEMA_FILES[request.version]) {
      entries[schema] = new Uint8Array(
        readFileSync(new URL(`./schemas/${folder}/${schema}`, import.meta.url)),
      );
    }
  }
  for (const file of request.files) {
    if (file.path in entries)
      throw new PackageError(`the build has a file named ${file.path}, which the package needs`);
    entries[file.path] = file.data;
  }
  // A fixed date keeps the zip byte-for-byte the same for the same build.
  return zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
}
