import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  buildPackage,
  launchParameters,
  manifestFor,
  PackageError,
} from '../../scripts/package/buildPackage.ts';
import { type BuildFile, checkBuild, collectBuild } from '../../scripts/package/collect.ts';
import { main } from '../../scripts/package/main.ts';
import { SCHEMA_FILES } from '../../scripts/package/manifest.ts';
import type { ScormVersion } from '../../src/lms/index.ts';
import { validateManifest } from './xsd.ts';

const FIXTURE = new URL('../fixtures/lms/build/', import.meta.url).pathname;
const scratch = mkdtempSync(path.join(tmpdir(), 'chs-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cmi5Parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: false });
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['file', 'item', 'organization', 'resource'].includes(name),
});

interface Parsed {
  zip: Record<string, Uint8Array>;
  manifest: string;
  // biome-ignore lint/suspicious/noExplicitAny: the parsed XML tree is checked field by field below.
  xml: any;
}

function open(zip: Uint8Array): Parsed {
  const files = unzipSync(zip);
  const manifestBytes = files['imsmanifest.xml'];
  if (manifestBytes === undefined) throw new Error('no imsmanifest.xml at the root');
  const manifest = strFromU8(manifestBytes);
  return { zip: files, manifest, xml: parser.parse(manifest) };
}

/** Structural rules of a content package that the schema alone does not check. */
function checkStructure(version: ScormVersion, { zip, xml }: Parsed, build: readonly BuildFile[]): void {
  const manifest = xml.manifest;
  expect(manifest.metadata.schema).toBe('ADL SCORM');
  expect(String(manifest.metadata.schemaversion)).toBe(version === '1.2' ? '1.2' : '2004 4th Edition');
  const organizations = manifest.organizations;
  const organization = organizations.organization[0];
  expect(organizations['@default']).toBe(organization['@identifier']);
  const resources = manifest.resources.resource;
  expect(resources).toHaveLength(1);
  const resource = resources[0];
  expect(organization.item[0]['@identifierref']).toBe(resource['@identifier']);
  expect(resource[version === '1.2' ? '@adlcp:scormtype' : '@adlcp:scormType']).toBe('sco');
  const ids = [
    manifest['@identifier'],
    organization['@identifier'],
    organization.item[0]['@identifier'],
    resource['@identifier'],
  ];
  expect(new Set(ids).size).toBe(ids.length);
  // Every listed file is in the zip, by its decoded relative path, and every build file is listed.
  const listed = resource.file.map((f: { '@href': string }) => decodeURIComponent(f['@href']));
  for (const href of listed) {
    expect(href).not.toMatch(/^(\/|[a-z]+:)/i);
    expect(zip[href], href).toBeDefined();
  }
  expect([...listed].sort()).toEqual(build.map((f) => f.path).sort());
  expect(zip[resource['@href']]).toBeDefined();
  // The schemas sit beside the manifest; nothing else is added; no service worker.
  for (const schema of SCHEMA_FILES[version]) expect(zip[schema], schema).toBeDefined();
  expect(Object.keys(zip).sort()).toEqual(['imsmanifest.xml', ...SCHEMA_FILES[version], ...listed].sort());
  for (const name of Object.keys(zip)) expect(name).not.toMatch(/(^|\/)(sw|service-worker|registerSW)\.js$/);
}

describe('SCORM packages', { timeout: 30_000 }, () => {
  const { files } = collectBuild(FIXTURE);

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: imsmanifest.xml at the root, valid against the ADL/IMS schemas, every file listed`, async () => {
      const parsed = open(
        buildPackage({ version, files, title: 'Fixture & "friends"', identifier: '1 odd id' }),
      );
      checkStructure(version, parsed, files);
      expect(await validateManifest(version, parsed.manifest)).toEqual({ valid: true, errors: [] });
      expect(parsed.manifest).toContain('<file href="assets/sub/bg%20one.svg"/>');
      expect(parsed.xml.manifest['@identifier']).toBe('_1_odd_id');
    });

    it(`SCORM ${version}: one scenario opens straight away through the item's parameters`, async () => {
      const single = { scenario: 'faulty-kettle', model: 'LASS', mode: 'assessment' } as const;
      const parsed = open(buildPackage({ version, files, title: 'Kettle', identifier: 'k', single }));
      checkStructure(version, parsed, files);
      expect(parsed.xml.manifest.organizations.organization[0].item[0]['@parameters']).toBe(
        '?scenario=faulty-kettle&model=LASS&mode=assessment',
      );
      expect(await validateManifest(version, parsed.manifest)).toEqual({ valid: true, errors: [] });
    });
  }

  it('the schema check has teeth: a wrong element or SCORM type is refused', async () => {
    for (const version of ['1.2', '2004'] as const) {
      const manifest = manifestFor({ version, files, title: 't', identifier: 'x' });
      expect(
        (
          await validateManifest(
            version,
            manifest.replace(/<title>/, '<name>').replace(/<\/title>/, '</name>'),
          )
        ).valid,
      ).toBe(false);
      expect((await validateManifest(version, manifest.replace(/"sco"/, '"program"'))).valid).toBe(false);
    }
  });

  it('declares no mastery score, so the LMS never overrules the simulator’s pass or fail', () => {
    for (const version of ['1.2', '2004'] as const) {
      const manifest = manifestFor({ version, files, title: 't', identifier: 'x' });
      expect(manifest).not.toMatch(/masteryscore|minNormalizedMeasure|satisfiedByMeasure/i);
    }
  });

  it('refuses a build that loads files from the site root or registers a service worker', () => {
    const enc = new TextEncoder();
    const rooted: BuildFile[] = [
      { path: 'index.html', data: enc.encode('<script src="/assets/a.js"></script>') },
    ];
    expect(checkBuild(rooted)).toEqual([expect.stringContaining("build with base './'")]);
    const worker: BuildFile[] = [
      { path: 'index.html', data: enc.encode('<script src="./a.js"></script>') },
      { path: 'a.js', data: enc.encode("navigator.serviceWorker.register('./sw.js')") },
    ];
    expect(checkBuild(worker)).toEqual([expect.stringContaining('registers a service worker')]);
    expect(checkBuild([])).toEqual(['the build has no index.html at its root']);
    expect(() => buildPackage({ version: '1.2', files: rooted, title: 't', identifier: 'x' })).toThrow(
      PackageError,
    );
  });

  it('leaves service-worker files and earlier packages out of the build it collects', () => {
    const dir = path.join(scratch, 'pwa');
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(dir, 'assets', 'workbox-1234.js'), '');
    cpSync(FIXTURE, path.join(dir, 'packages'), { recursive: true });
    const { files: collected, dropped } = collectBuild(dir);
    expect(dropped.sort()).toEqual(['assets/workbox-1234.js', 'sw.js']);
    expect(collected.map((f) => f.path)).toEqual([
      'assets/app.css',
      'assets/app.js',
      'assets/sub/bg one.svg',
      'index.html',
    ]);
  });

  it('cmi5: cmi5.xml at the root, one course and one AU, structured as the cmi5 specification (section 13) requires', () => {
    const single = { scenario: 'faulty-kettle', model: 'LASS', mode: 'assessment' } as const;
    for (const request of [
      { single, title: 'Kettle & co', identifier: 'chs-faulty-kettle-LASS-assessment' },
      { title: 'Library', identifier: 'complaint-handling-simulator' },
    ]) {
      const zip = unzipSync(buildPackage({ version: 'cmi5', files, ...request }));
      const xml = zip['cmi5.xml'];
      if (xml === undefined) throw new Error('no cmi5.xml at the root');
      expect(zip['imsmanifest.xml']).toBeUndefined();
      const text = strFromU8(xml);
      const tree = cmi5Parser.parse(text);
      const structure = tree.courseStructure;
      expect(structure['@xmlns']).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
      // Element order is a sequence in the spec: course first, then AUs; title, description, url in each AU.
      expect(Object.keys(structure).filter((k) => !k.startsWith('@'))).toEqual(['course', 'au']);
      const course = structure.course;
      expect(new URL(course['@id']).protocol).toBe('https:');
      expect(course.title.langstring['@lang']).toBe('en-GB');
      const au = structure.au;
      expect(Object.keys(au).filter((k) => !k.startsWith('@'))).toEqual(['title', 'description', 'url']);
      expect(new URL(au['@id']).href).toBe(au['@id']);
      expect(au['@id']).not.toBe(course['@id']);
      expect(['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed']).toContain(
        au['@moveOn'],
      );
      expect(['AnyWindow', 'OwnWindow']).toContain(au['@launchMethod']);
      expect(au['@masteryScore']).toBeUndefined();
      const url = String(au.url);
      expect(url).not.toMatch(/^(\/|[a-z]+:)/i);
      expect(zip[url.split('?')[0] ?? '']).toBeDefined();
      if ('single' in request) {
        expect(url).toBe('index.html?scenario=faulty-kettle&model=LASS&mode=assessment');
        expect(au['@moveOn']).toBe('Passed');
        expect(course.title.langstring['#text']).toBe('Kettle & co');
      } else {
        expect(url).toBe('index.html');
        expect(au['@moveOn']).toBe('Completed');
      }
    }
  });

  it('npm run package -- --scenario faulty-kettle --model lass --mode assessment writes both zips', async () => {
    const out = path.join(scratch, 'out');
    const code = await main([
      '--dist',
      FIXTURE,
      '--skip-build',
      '--out',
      out,
      '--scenario',
      'faulty-kettle',
      '--model',
      'lass',
      '--mode',
      'assessment',
    ]);
    expect(code).toBe(0);
    expect(
      unzipSync(readFileSync(path.join(out, 'chs-faulty-kettle-LASS-assessment-cmi5.zip')))['cmi5.xml'],
    ).toBeDefined();
    for (const suffix of ['scorm12', 'scorm2004']) {
      const parsed = open(
        new Uint8Array(readFileSync(path.join(out, `chs-faulty-kettle-LASS-assessment-${suffix}.zip`))),
      );
      expect(parsed.xml.manifest.organizations.organization[0].title).toBe(
        'The kettle that gave up (LASS, assessment)',
      );
    }
    expect(launchParameters({ scenario: 'a b', model: 'M', mode: 'practice' })).toBe(
      '?scenario=a+b&model=M&mode=practice',
    );
  });

  it("--lms-config ships the tutor's xAPI settings as lms-config.json, listed in the manifest", async () => {
    const out = path.join(scratch, 'with-config');
    const config = path.join(scratch, 'lms-config.json');
    writeFileSync(
      config,
      JSON.stringify({ xapi: { endpoint: 'https://lrs.example/xapi/', auth: 'Basic eDp5' } }),
    );
    expect(
      await main([
        '--dist',
        FIXTURE,
        '--skip-build',
        '--out',
        out,
        '--version',
        '1.2',
        '--lms-config',
        config,
      ]),
    ).toBe(0);
    const parsed = open(
      new Uint8Array(readFileSync(path.join(out, 'complaint-handling-simulator-scorm12.zip'))),
    );
    expect(JSON.parse(strFromU8(parsed.zip['lms-config.json'] ?? new Uint8Array()))).toEqual({
      xapi: { endpoint: 'https://lrs.example/xapi/', auth: 'Basic eDp5' },
    });
    expect(parsed.manifest).toContain('<file href="lms-config.json"/>');
    writeFileSync(config, JSON.stringify({ xapi: { endpoint: 'ftp://x' } }));
    expect(await main(['--dist', FIXTURE, '--skip-build', '--out', out, '--lms-config', config])).toBe(1);
  });

  it('--lms-config takes "say it your way" settings alone, and refuses settings the game would not read', async () => {
    const out = path.join(scratch, 'say-it-config');
    const config = path.join(scratch, 'say-it-config.json');
    const pack = () =>
      main(['--dist', FIXTURE, '--skip-build', '--out', out, '--version', '1.2', '--lms-config', config]);
    writeFileSync(config, JSON.stringify({ sayIt: { assessment: true } }));
    expect(await pack()).toBe(0);
    const parsed = open(
      new Uint8Array(readFileSync(path.join(out, 'complaint-handling-simulator-scorm12.zip'))),
    );
    expect(JSON.parse(strFromU8(parsed.zip['lms-config.json'] ?? new Uint8Array()))).toEqual({
      sayIt: { assessment: true },
    });
    for (const bad of [{}, { sayIt: { assessment: 'yes' } }, { sayit: { assessment: true } }, []]) {
      writeFileSync(config, JSON.stringify(bad));
      expect(await pack(), JSON.stringify(bad)).toBe(1);
    }
  });

  it("says plainly when --skip-build finds no build, and checks the tutor's file before building", async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const empty = mkdtempSync(path.join(scratch, 'no-build-'));
      expect(await main(['--dist', empty, '--skip-build', '--out', path.join(scratch, 'none')])).toBe(1);
      expect(said.mock.calls.flat().join('\n')).toBe(
        `No build in ${empty} (no index.html): run \`npm run package\` without --skip-build, which builds first, or give --dist the folder \`vite build\` wrote.`,
      );
      said.mockClear();
      // A misspelt key is reported before anything is built or read from the (missing) build.
      const config = path.join(scratch, 'misspelt.json');
      writeFileSync(config, JSON.stringify({ sayit: { assessment: true } }));
      expect(await main(['--dist', empty, '--skip-build', '--lms-config', config])).toBe(1);
      expect(said.mock.calls.flat().join('\n')).toBe(
        `${config}: the game does not read "sayit"; it reads "xapi" and "sayIt" (docs/lms.md)`,
      );
    } finally {
      said.mockRestore();
    }
  });

  it('names the problem for an unknown scenario or model and for bad options', async () => {
    const out = path.join(scratch, 'bad');
    expect(await main(['--dist', FIXTURE, '--skip-build', '--out', out, '--scenario', 'nope'])).toBe(1);
    expect(
      await main([
        '--dist',
        FIXTURE,
        '--skip-build',
        '--out',
        out,
        '--scenario',
        'faulty-kettle',
        '--model',
        'XYZ',
      ]),
    ).toBe(1);
    expect(await main(['--version', '3'])).toBe(2);
    expect(await main(['--version', 'toString'])).toBe(2);
    expect(await main(['--cmi5-base', 'not a url'])).toBe(2);
    expect(await main(['--model', 'LASS'])).toBe(2);
  });
});
