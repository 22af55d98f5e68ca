/**
 * `npm run package [-- --scenario ID --model ID --mode assessment] [--version 1.2|2004]
 *  [--dist DIR] [--skip-build] [--out DIR]`
 *
 * Builds the app with relative asset paths (Vite `base: './'`) into dist/ (or
 * --dist DIR; --skip-build takes the build already there) and writes a SCORM
 * 1.2, a SCORM 2004 4th edition and a cmi5 zip to <dist>/packages/ (or --out DIR).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  PROJECT_ROOT,
  readCatalogue,
  readScenarioFile,
  SCENARIOS_DIR,
  yamlFilesUnder,
} from '../../src/cli/files.ts';
import { buildPackage, PackageError, type PackageKind, type SingleScenario } from './buildPackage.ts';
import { collectBuild } from './collect.ts';

const USAGE = `usage: npm run package [-- --scenario ID --model ID --mode practice|assessment] [--version 1.2|2004|cmi5] [--cmi5-base IRI] [--lms-config FILE] [--dist DIR] [--skip-build] [--out DIR]`;

export async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const single = resolveSingle(args);
  if (typeof single === 'string') {
    console.error(single);
    return 1;
  }
  // The tutor's file is checked before the build, so a mistake in it costs no build.
  const config = args['lms-config'] === undefined ? null : readLmsConfig(args['lms-config']);
  if (typeof config === 'string') {
    console.error(config);
    return 1;
  }
  const versions: PackageKind[] = args.version === undefined ? ['1.2', '2004', 'cmi5'] : [args.version];
  const dist = path.resolve(args.dist ?? path.join(PROJECT_ROOT, 'dist'));
  if (args['skip-build'] !== true) {
    const { build } = await import('vite');
    await build({
      root: PROJECT_ROOT,
      base: './',
      logLevel: 'warn',
      build: { outDir: dist, emptyOutDir: true },
    });
  }
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(
      `No build in ${dist} (no index.html): run \`npm run package\` without --skip-build, which builds first, or give --dist the folder \`vite build\` wrote.`,
    );
    return 1;
  }
  const out = path.resolve(args.out ?? path.join(dist, 'packages'));
  const { files, dropped } = collectBuild(dist);
  if (config !== null) {
    files.push({ path: 'lms-config.json', data: config.bytes });
    console.log(
      config.lrs
        ? 'Added lms-config.json: anyone who opens the package can read its LRS key, so give it write-only rights.'
        : 'Added lms-config.json.',
    );
  }
  if (dropped.length > 0) console.log(`Left out (service worker): ${dropped.join(', ')}`);
  const name =
    single === null
      ? 'complaint-handling-simulator'
      : `chs-${single.scenario}-${single.model}-${single.mode}`;
  mkdirSync(out, { recursive: true });
  for (const version of versions) {
    try {
      const zip = buildPackage({
        version,
        files,
        identifier: name,
        title:
          single === null
            ? 'Complaint Handling Simulator'
            : `${single.title} (${single.model}, ${single.mode})`,
        ...(single === null ? {} : { single }),
        ...(args['cmi5-base'] === undefined ? {} : { cmi5Base: args['cmi5-base'] }),
        description:
          single === null
            ? 'Practise handling customer complaints with the LASS, LAST and HEAT models.'
            : single.summary,
      });
      const file = path.join(out, `${safeFileName(name)}-${SUFFIX[version]}.zip`);
      writeFileSync(file, zip);
      console.log(
        `${LABEL[version]}: ${path.relative(process.cwd(), file)} (${files.length} files, ${kb(zip.length)})`,
      );
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      console.error(`Cannot package ${dist}:\n${error.message}`);
      return 1;
    }
  }
  return 0;
}

function parse(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scenario: { type: 'string' },
      model: { type: 'string' },
      mode: { type: 'string' },
      version: { type: 'string' },
      'cmi5-base': { type: 'string' },
      'lms-config': { type: 'string' },
      dist: { type: 'string' },
      'skip-build': { type: 'boolean' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const version = values.version as PackageKind | undefined;
  if (version !== undefined && !Object.hasOwn(SUFFIX, version)) {
    throw new Error(`--version must be 1.2, 2004 or cmi5, not ${version}`);
  }
  if (values['cmi5-base'] !== undefined && !/^https?:\/\/\S+$/.test(values['cmi5-base'])) {
    throw new Error('--cmi5-base must be an http(s) address');
  }
  if (values.mode !== undefined && values.mode !== 'practice' && values.mode !== 'assessment') {
    throw new Error(`--mode must be practice or assessment, not ${values.mode}`);
  }
  if (values.scenario === undefined && (values.model !== undefined || values.mode !== undefined)) {
    throw new Error('--model and --mode need --scenario');
  }
  return { ...values, version };
}

/** The one scenario asked for, checked against scenarios/ and models/; a message when it can't be. */
function resolveSingle(
  args: ReturnType<typeof parse>,
): (SingleScenario & { title: string; summary: string }) | null | string {
  if (args.scenario === undefined) return null;
  const cwd = process.cwd();
  const { catalogue } = readCatalogue(cwd);
  const found = yamlFilesUnder(SCENARIOS_DIR)
    .map((file) => readScenarioFile(file, catalogue, cwd).scenario)
    .find((scenario) => scenario?.id === args.scenario);
  if (found === undefined || found === null) return `No scenario with id '${args.scenario}' in scenarios/.`;
  const wanted = args.model ?? found.models[0];
  const model = [...catalogue.models.values()].find((m) => m.id === wanted || m.id === wanted?.toUpperCase());
  if (model === undefined) {
    return `No model '${wanted}': choose one of ${[...catalogue.models.keys()].join(', ')}.`;
  }
  const mode = args.mode === 'practice' ? 'practice' : 'assessment';
  return { scenario: found.id, model: model.id, mode, title: found.title, summary: found.summary };
}

const SUFFIX: Record<PackageKind, string> = { '1.2': 'scorm12', '2004': 'scorm2004', cmi5: 'cmi5' };
const LABEL: Record<PackageKind, string> = { '1.2': 'SCORM 1.2', '2004': 'SCORM 2004', cmi5: 'cmi5' };

/**
 * The tutor's settings for a package (see docs/lms.md), checked before they are shipped: an `xapi`
 * block (an LRS beside SCORM), a `sayIt` block ("say it your way" in Assessment, typed text in
 * statements), or both. A file with neither, or with a block the game would not understand, is
 * refused with what to write instead, so a tutor never ships settings that silently do nothing.
 */
function readLmsConfig(file: string): { readonly bytes: Uint8Array; readonly lrs: boolean } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return `Cannot read ${file}: ${(error as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return `${file} must be a JSON object such as { "xapi": { … } } or { "sayIt": { "assessment": true } }`;
  const config = parsed as Record<string, unknown>;
  const unknown = Object.keys(config).filter((key) => key !== 'xapi' && key !== 'sayIt');
  if (unknown.length > 0)
    return `${file}: the game does not read ${unknown.map((k) => `"${k}"`).join(', ')}; it reads "xapi" and "sayIt" (docs/lms.md)`;
  if (config.xapi === undefined && config.sayIt === undefined)
    return `${file} has no settings: add { "xapi": { "endpoint": "https://…", "auth": "Basic …" } } or { "sayIt": { "assessment": true } }`;
  if (config.xapi !== undefined) {
    const xapi = config.xapi as { endpoint?: unknown; auth?: unknown } | null;
    if (
      typeof xapi?.endpoint !== 'string' ||
      !/^https?:\/\//.test(xapi.endpoint) ||
      typeof xapi.auth !== 'string'
    )
      return `${file} needs { "xapi": { "endpoint": "https://…", "auth": "Basic …" } }`;
  }
  if (config.sayIt !== undefined) {
    const sayIt = config.sayIt;
    const fields =
      typeof sayIt === 'object' && sayIt !== null && !Array.isArray(sayIt) ? Object.entries(sayIt) : null;
    const wrong = fields?.filter(
      ([key, value]) => !['assessment', 'recordText'].includes(key) || typeof value !== 'boolean',
    );
    if (fields === null || (wrong?.length ?? 0) > 0)
      return `${file}: "sayIt" takes only true or false for "assessment" and "recordText", e.g. { "sayIt": { "assessment": true } }`;
  }
  return {
    bytes: new TextEncoder().encode(`${JSON.stringify(parsed, null, 2)}\n`),
    lrs: config.xapi !== undefined,
  };
}

function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/package/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
