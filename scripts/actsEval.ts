/**
 * `npm run eval:acts`: how well the analyser (src/reading with models/cues.yaml)
 * reads the labelled replies in tests/fixtures/acts/: precision, recall and F1
 * per act with the counts behind each, for the tuned set and the held-out set,
 * each against the reviewed labels (the scoring's `acts:` corrected by
 * authored-review.jsonl, see scripts/actsReview.ts) and against the raw
 * scoring labels. `-- --json` prints the figures as JSON; `-- --misses` lists
 * every wrong reading of the tune set (`--held-out`: of the held-out set;
 * `--raw`: against the raw labels).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readCues } from '../src/cli/files.ts';
import { type CueSet, readReply } from '../src/reading/index.ts';
import { parseReview, REVIEW_FILE, reviewedLabels } from './actsReview.ts';

export type SetName = 'tune' | 'held-out';

export interface Labelled {
  readonly set: SetName;
  /** Where the reply comes from: `learner` (written for the set) or a scenario id. */
  readonly source: string;
  /** `file:line` for a learner-style reply, `scenario/choice` for an authored one. */
  readonly id: string;
  readonly text: string;
  /** The labels measured against: for an authored reply, the scoring's corrected by the review. */
  readonly acts: readonly string[];
  /** The scoring's own labels (an authored reply's `acts:`); the same as `acts` for a learner-style reply. */
  readonly scored: readonly string[];
}

/** Which labels a figure is measured against. */
export type LabelKind = 'reviewed' | 'raw';

export interface ActFigures {
  readonly act: string;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** null when there is nothing to divide by (no reading, or no label). */
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/acts');

/** `acts | reply` lines ("-" for none); `#` starts a comment line. */
export function parseLearnerFile(text: string, set: SetName, name = 'learner'): Labelled[] {
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return [];
    const bar = line.indexOf(' | ');
    const labels = line.slice(0, bar).trim();
    const acts = labels === '-' ? [] : labels.split(',').map((a) => a.trim());
    return [
      { set, source: 'learner', id: `${name}:${index + 1}`, text: line.slice(bar + 3), acts, scored: acts },
    ];
  });
}

/**
 * The learner-style files and the set each belongs to. Each held-out file is
 * written before a round of tuning and tuned on from the next round on:
 * learner-held-out.txt was held out in the first round, learner-held-out-2.txt
 * in the second, learner-held-out-3.txt in the third, learner-held-out-4.txt
 * in the fourth, learner-held-out-5.txt in the fifth; learner-held-out-6.txt
 * was written before the sixth round and is never tuned on.
 */
export const LEARNER_FILES: readonly (readonly [string, SetName])[] = [
  ['learner-tune.txt', 'tune'],
  ['learner-held-out.txt', 'tune'],
  ['learner-held-out-2.txt', 'tune'],
  ['learner-held-out-3.txt', 'tune'],
  ['learner-held-out-4.txt', 'tune'],
  ['learner-held-out-5.txt', 'tune'],
  ['learner-held-out-6.txt', 'held-out'],
];

/** The learner-style files of one set, for the tables' titles. */
const learnerFiles = (set: SetName): string =>
  LEARNER_FILES.filter(([, s]) => s === set)
    .map(([name]) => name)
    .join(', ');

const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The authored replies with their scoring labels, as authored.jsonl holds them. */
function authoredReplies(): { set: SetName; id: string; source: string; text: string; acts: string[] }[] {
  return readFixture('authored.jsonl')
    .split('\n')
    .filter((line) => line !== '')
    .map(
      (line) =>
        JSON.parse(line) as { set: SetName; scenario: string; choice: string; text: string; acts: string[] },
    )
    .map(({ set, scenario, choice, text, acts }) => ({
      set,
      id: `${scenario}/${choice}`,
      source: scenario,
      text,
      acts,
    }));
}

/** Problems with authored-review.jsonl (stale ids, corrections that correct nothing), each naming its line. */
export function reviewProblems(cues: CueSet = projectCues()): string[] {
  return readReview(cues).problems;
}

function readReview(cues: CueSet) {
  const labels = new Map(authoredReplies().map((r) => [r.id, r.acts]));
  return parseReview(readFileSync(REVIEW_FILE, 'utf8'), { labels, acts: new Set(cues.acts.keys()) });
}

/** Every labelled reply: the learner-style ones and the authored ones (with the review applied). */
export function labelledReplies(cues: CueSet = projectCues()): Labelled[] {
  const { corrections, problems } = readReview(cues);
  if (problems.length > 0)
    throw new Error(`the authored replies' review is out of date:\n${problems.join('\n')}`);
  const authored = authoredReplies().map(({ set, id, source, text, acts }) => ({
    set,
    source,
    id,
    text,
    acts: reviewedLabels(id, acts, corrections),
    scored: acts,
  }));
  return [
    ...LEARNER_FILES.flatMap(([name, set]) => parseLearnerFile(readFixture(name), set, name)),
    ...authored,
  ];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Per act the cues detect: counts and figures over the replies (labels of other acts are ignored). */
export function evaluate(
  replies: readonly Labelled[],
  cues: CueSet,
  labels: LabelKind = 'reviewed',
): ActFigures[] {
  const counts = new Map([...cues.acts.keys()].map((act) => [act, { tp: 0, fp: 0, fn: 0 }]));
  for (const reply of replies) {
    const found = new Set(readReply(reply.text, cues).acts.map((a) => a.act));
    const expected = labels === 'raw' ? reply.scored : reply.acts;
    for (const [act, c] of counts) {
      const labelled = expected.includes(act);
      if (found.has(act) && labelled) c.tp++;
      else if (found.has(act)) c.fp++;
      else if (labelled) c.fn++;
    }
  }
  return [...counts].map(([act, { tp, fp, fn }]) => {
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 =
      precision === null || recall === null || precision + recall === 0
        ? null
        : (2 * precision * recall) / (precision + recall);
    return { act, tp, fp, fn, precision, recall, f1 };
  });
}

/** The committed cue file, checked: the eval and the floors test read exactly what `sim acts` reads. */
export function projectCues(): CueSet {
  const { cues, diagnostics } = readCues(PROJECT_ROOT);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`models/cues.yaml has errors: ${errors[0]?.message}`);
  return cues;
}

const shown = (n: number | null): string => (n === null ? '  —  ' : n.toFixed(2).padStart(5));

function table(title: string, figures: readonly ActFigures[], count: number): string {
  const lines = [`${title} (${count} replies)`, '  act            precision  recall    F1    tp   fp   fn'];
  for (const f of figures) {
    lines.push(
      `  ${f.act.padEnd(14)} ${shown(f.precision)}     ${shown(f.recall)}  ${shown(f.f1)}  ${String(f.tp).padStart(4)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(4)}`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cues = projectCues();
  const replies = labelledReplies(cues);
  const pick = (set: SetName | undefined, source?: 'learner' | 'authored') =>
    replies.filter(
      (r) =>
        (set === undefined || r.set === set) &&
        (source === undefined || (source === 'learner') === (r.source === 'learner')),
    );
  const sections: [string, Labelled[], LabelKind][] = [
    [
      `Tuned on: ${learnerFiles('tune')} + authored replies of the tuned scenarios, reviewed labels`,
      pick('tune'),
      'reviewed',
    ],
    ['  the same, raw scoring labels', pick('tune'), 'raw'],
    [
      `Held out: ${learnerFiles('held-out')} + authored replies of the held-out scenarios, reviewed labels`,
      pick('held-out'),
      'reviewed',
    ],
    ['  the same, raw scoring labels', pick('held-out'), 'raw'],
    [`  of which learner-style (${learnerFiles('held-out')})`, pick('held-out', 'learner'), 'reviewed'],
    ['  of which authored (held-out scenarios), reviewed labels', pick('held-out', 'authored'), 'reviewed'],
    ['  of which authored (held-out scenarios), raw scoring labels', pick('held-out', 'authored'), 'raw'],
    [
      'Whole labelled set, reviewed labels (with the held-out figures, what `check: tutor` follows)',
      pick(undefined),
      'reviewed',
    ],
    ['  the same, raw scoring labels', pick(undefined), 'raw'],
  ];
  // --tune-only: the tuned-on tables alone, so a round can be tuned without seeing the held-out figures.
  if (process.argv.includes('--tune-only')) sections.splice(2);
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(
        Object.fromEntries(sections.map(([t, r, labels]) => [t.trim(), evaluate(r, cues, labels)])),
        null,
        2,
      ),
    );
  } else {
    console.log(
      sections.map(([title, r, labels]) => table(title, evaluate(r, cues, labels), r.length)).join('\n\n'),
    );
  }
  if (process.argv.includes('--misses')) {
    const which = process.argv.includes('--held-out') ? 'held-out' : 'tune';
    const raw = process.argv.includes('--raw');
    for (const reply of replies.filter((r) => r.set === which)) {
      const labels = raw ? reply.scored : reply.acts;
      const found = readReply(reply.text, cues).acts;
      const ids = new Set(found.map((a) => a.act));
      const extra = found.filter((a) => !labels.includes(a.act)).map((a) => `+${a.act}(${a.evidence})`);
      const missed = labels.filter((a) => cues.acts.has(a) && !ids.has(a)).map((a) => `-${a}`);
      if (extra.length + missed.length > 0)
        console.log(`${[...extra, ...missed].join(' ')}  [${reply.id}] ${reply.text}`);
    }
  }
}
