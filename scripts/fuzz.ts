/**
 * `npm run fuzz [-- --seed N] [--scale N | --runs N] [--loader | --engine]`:
 * the fuzz tests of tests/fuzz with a random seed (printed, so a failure can
 * be replayed) and many more runs than `npm test` makes (default: 20 times).
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    scale: { type: 'string' },
    runs: { type: 'string' },
    loader: { type: 'boolean' },
    engine: { type: 'boolean' },
  },
});

const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const scale = values.scale ?? (values.runs === undefined ? '20' : '1');
for (const [name, value] of [
  ['seed', seed],
  ['scale', scale],
  ['runs', values.runs],
] as const) {
  if (value !== undefined && !/^\d+$/.test(value)) {
    console.error(`fuzz: --${name} must be a whole number, not '${value}'.`);
    process.exit(1);
  }
}

const files = [
  ...(values.loader === true ? ['tests/fuzz/loader.test.ts'] : []),
  ...(values.engine === true ? ['tests/fuzz/engine.test.ts'] : []),
];
const replay = [`--seed ${seed}`, values.runs === undefined ? `--scale ${scale}` : `--runs ${values.runs}`];
if (values.loader === true) replay.push('--loader');
if (values.engine === true) replay.push('--engine');
console.log(`fuzz: seed ${seed}. To replay: npm run fuzz -- ${replay.join(' ')}`);

const env = {
  ...process.env,
  FUZZ_SEED: seed,
  FUZZ_SCALE: scale,
  ...(values.runs === undefined ? {} : { FUZZ_RUNS: values.runs }),
};
const result = spawnSync('npx', ['vitest', 'run', ...(files.length > 0 ? files : ['tests/fuzz'])], {
  stdio: 'inherit',
  env,
});
console.log(
  `fuzz: seed ${seed} ${result.status === 0 ? 'passed' : 'FAILED'}. To replay: npm run fuzz -- ${replay.join(' ')}`,
);
process.exit(result.status ?? 1);
