/**
 * Writes docs/scenarios.md, the library table tutors plan lessons with, from
 * the scenario files themselves (`npm run docs:scenarios`). A content test
 * fails when the committed table no longer matches the files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readCatalogue, readSource, SCENARIOS_DIR, yamlFilesUnder } from '../src/cli/files.ts';
import { loadLibrary, type Scenario } from '../src/scenario/index.ts';

export const TABLE_FILE = path.join(PROJECT_ROOT, 'docs/scenarios.md');

const LAW = /\bAct\b|GDPR|Regulations?\b/i;
const DIFFICULTY = { 1: '1 (introductory)', 2: '2 (intermediate)', 3: '3 (demanding)' } as const;

function row(s: Scenario): string {
  const law = s.tags.filter((t) => LAW.test(t));
  const topics = s.tags.filter((t) => !LAW.test(t));
  const endings = [...s.nodes.values()].filter((n) => n.kind === 'end').length;
  const cells = [
    `**${s.title}**<br>\`${s.id}\``,
    s.channel,
    topics.join(', ') || '—',
    law.join(', ') || '—',
    DIFFICULTY[s.difficulty],
    s.models.join(', '),
    `${s.nodes.size} / ${endings}`,
    s.summary,
    s.marking
      .filter((point) => point.essential)
      .map((point) => point.text)
      .join('<br>') || '—',
  ];
  return `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
}

export function tableText(): string {
  const { catalogue } = readCatalogue(PROJECT_ROOT);
  const sources = yamlFilesUnder(SCENARIOS_DIR).map((file) => readSource(file, PROJECT_ROOT));
  const { scenarios } = loadLibrary(sources, catalogue);
  const sorted = [...scenarios].sort((a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title));
  return [
    '# The scenario library',
    '',
    'Every role-play in `scenarios/`, for planning a lesson, easiest first. Generated from the files by',
    '`npm run docs:scenarios`; a test fails if this table and the files disagree. Difficulty: 1 is one',
    'clear complaint; 2 adds a complication (a legal point, a second issue, an upset customer); 3 is an',
    'upset customer, a legal trap and a "no" to give. The last column lists the essential marking points:',
    'a run that misses one is at most a Pass. The law behind each is in `docs/law.md`.',
    '',
    '| scenario | channel | topics | law | difficulty | models | nodes / endings | summary | what it teaches (the essential points) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...sorted.map(row),
    '',
    `${scenarios.length} scenarios. Every one validates with no errors or warnings, and under each model listed`,
    'a learner can reach Distinction, and a poor path ends in Not yet achieved (checked by `npm test`).',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(TABLE_FILE, tableText());
  console.log(`wrote ${path.relative(process.cwd(), TABLE_FILE)}`);
}
