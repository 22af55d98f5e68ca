/**
 * Writes tests/fixtures/acts/authored.jsonl, the authored half of the
 * labelled replies `npm run eval:acts` measures the analyser on: every reply
 * of scenarios/*.yaml with its `acts:` as the labels (an act with any credit
 * counts). `npm run acts:fixture` regenerates it; a test fails when stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readCatalogue, readSource, SCENARIOS_DIR, yamlFilesUnder } from '../src/cli/files.ts';
import { loadLibrary } from '../src/scenario/index.ts';

export const AUTHORED_FILE = path.join(PROJECT_ROOT, 'tests/fixtures/acts/authored.jsonl');

/**
 * Scenarios whose replies were not looked at while the cues were written or
 * tuned: the authored part of the held-out set. The rest are tuned on.
 */
export const HELD_OUT_SCENARIOS: ReadonlySet<string> = new Set([
  'partners-broadband-bill',
  'phone-wont-charge',
  'refused-by-association',
  'restaurant-long-wait',
  'social-media-complaint',
  'subject-access-request',
  'warehouse-colleague',
]);

export function authoredText(): string {
  const { catalogue } = readCatalogue(PROJECT_ROOT);
  const sources = yamlFilesUnder(SCENARIOS_DIR).map((file) => readSource(file, PROJECT_ROOT));
  const { scenarios } = loadLibrary(sources, catalogue);
  const lines: string[] = [];
  for (const scenario of [...scenarios].sort((a, b) => a.id.localeCompare(b.id))) {
    const set = HELD_OUT_SCENARIOS.has(scenario.id) ? 'held-out' : 'tune';
    for (const choice of scenario.choices.values()) {
      const acts = choice.acts.filter((a) => a.credit > 0).map((a) => a.act);
      lines.push(JSON.stringify({ set, scenario: scenario.id, choice: choice.id, text: choice.say, acts }));
    }
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(AUTHORED_FILE, authoredText());
  console.log(`wrote ${path.relative(PROJECT_ROOT, AUTHORED_FILE)}`);
}
