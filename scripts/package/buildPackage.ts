/** One SCORM package (zip bytes) from a checked build and a manifest. */
import { readFileSync } from 'node:fs';
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { ScormVersion } from '../../src/lms/index.ts';
import { type BuildFile, checkBuild } from './collect.ts';
import { type ManifestInput, SCHEMA_FILES, scorm12Manifest, scorm2004Manifest } from './manifest.ts';

/** One scenario to open straight away, instead of the whole library's menu. */
export interface SingleScenario {
  readonly scenario: string;
  readonly model: string;
  readonly mode: 'practice' | 'assessment';
}

export interface PackageRequest {
  readonly version: ScormVersion;
  readonly files: readonly BuildFile[];
  readonly title: string;
  readonly identifier: string;
  readonly single?: SingleScenario;
}

export class PackageError extends Error {}

/** The deep link's query for a single-scenario package (see src/game/session/deepLink.ts). */
export function launchParameters(single: SingleScenario): string {
  return `?${new URLSearchParams({ scenario: single.scenario, model: single.model, mode: single.mode }).toString()}`;
}

export function manifestFor(request: PackageRequest): string {
  const input: ManifestInput = {
    identifier: request.identifier,
    title: request.title,
    launch: 'index.html',
    files: request.files.map((file) => file.path),
    ...(request.single === undefined ? {} : { parameters: launchParameters(request.single) }),
  };
  return request.version === '1.2' ? scorm12Manifest(input) : scorm2004Manifest(input);
}

/** The zip: imsmanifest.xml and the ADL/IMS schema files at the root, then the build as it is. */
export function buildPackage(request: PackageRequest): Uint8Array {
  const problems = checkBuild(request.files);
  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  const entries: Zippable = { 'imsmanifest.xml': strToU8(manifestFor(request)) };
  const folder = request.version === '1.2' ? 'scorm12' : 'scorm2004';
  for (const schema of SCHEMA_FILES[request.version]) {
    entries[schema] = new Uint8Array(readFileSync(new URL(`./schemas/${folder}/${schema}`, import.meta.url)));
  }
  for (const file of request.files) {
    if (file.path in entries)
      throw new PackageError(`the build has a file named ${file.path}, which the package needs`);
    entries[file.path] = file.data;
  }
  // A fixed date keeps the zip byte-for-byte the same for the same build.
  return zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
}
