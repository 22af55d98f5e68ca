/**
 * `npm run package [-- --scenario ID --model ID --mode assessment] [--version 1.2|2004]
 *  [--dist DIR] [--skip-build] [--out DIR]`
 *
 * Builds the app with relative asset paths (Vite `base: './'`) into dist/ (or
 * --dist DIR; --skip-build takes the build already there) and writes a SCORM
 * 1.2 and a SCORM 2004 4th edition zip to <dist>/packages/ (or --out DIR).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  PROJECT_ROOT,
  readCatalogue,
  readScenarioFile,
  SCENARIOS_DIR,
  yamlFilesUnder,
} from '../../src/cli/files.ts';
import type { ScormVersion } from '../../src/lms/index.ts';
import { buildPackage, PackageError, type SingleScenario } from './buildPackage.ts';
import { collectBuild } from './collect.ts';

const USAGE = `usage: npm run package [-- --scenario ID --model ID --mode practice|assessment] [--version 1.2|2004] [--dist DIR] [--skip-build] [--out DIR]`;

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
  const versions: ScormVersion[] =
    args.version === undefined ? ['1.2', '2004'] : args.version === '1.2' ? ['1.2'] : ['2004'];
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
  const out = path.resolve(args.out ?? path.join(dist, 'packages'));
  const { files, dropped } = collectBuild(dist);
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
      });
      const file = path.join(out, `${safeFileName(name)}-scorm${version === '1.2' ? '12' : '2004'}.zip`);
      writeFileSync(file, zip);
      console.log(
        `SCORM ${version}: ${path.relative(process.cwd(), file)} (${files.length} files, ${kb(zip.length)})`,
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
      dist: { type: 'string' },
      'skip-build': { type: 'boolean' },
      out: { type: 'string' },
    },
    strict: true,
  });
  if (values.version !== undefined && values.version !== '1.2' && values.version !== '2004') {
    throw new Error(`--version must be 1.2 or 2004, not ${values.version}`);
  }
  if (values.mode !== undefined && values.mode !== 'practice' && values.mode !== 'assessment') {
    throw new Error(`--mode must be practice or assessment, not ${values.mode}`);
  }
  if (values.scenario === undefined && (values.model !== undefined || values.mode !== undefined)) {
    throw new Error('--model and --mode need --scenario');
  }
  return values;
}

/** The one scenario asked for, checked against scenarios/ and models/; a message when it can't be. */
function resolveSingle(args: ReturnType<typeof parse>): (SingleScenario & { title: string }) | null | string {
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
  return { scenario: found.id, model: model.id, mode, title: found.title };
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
