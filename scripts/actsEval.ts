/**
 * `npm run eval:acts`: how well the analyser (src/reading with models/cues.yaml)
 * reads the labelled replies in tests/fixtures/acts/: precision, recall and F1
 * per act with the counts behind each, for the tuned set and the held-out set.
 * `-- --json` prints the figures as JSON; `-- --misses` lists every wrong reading.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readCues } from '../src/cli/files.ts';
import { type CueSet, readReply } from '../src/reading/index.ts';

export type SetName = 'tune' | 'held-out';

export interface Labelled {
  readonly set: SetName;
  /** Where the reply comes from: `learner` (written for the set) or a scenario id. */
  readonly source: string;
  readonly text: string;
  readonly acts: readonly string[];
}

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
export function parseLearnerFile(text: string, set: SetName): Labelled[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const bar = line.indexOf(' | ');
      const labels = line.slice(0, bar).trim();
      return {
        set,
        source: 'learner',
        text: line.slice(bar + 3),
        acts: labels === '-' ? [] : labels.split(',').map((a) => a.trim()),
      };
    });
}

/** Every labelled reply: the learner-style ones and the authored ones. */
export function labelledReplies(): Labelled[] {
  const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
  const authored = read('authored.jsonl')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { set: SetName; scenario: string; text: string; acts: string[] })
    .map(({ set, scenario, text, acts }) => ({ set, source: scenario, text, acts }));
  return [
    ...parseLearnerFile(read('learner-tune.txt'), 'tune'),
    ...parseLearnerFile(read('learner-held-out.txt'), 'held-out'),
    ...authored,
  ];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Per act the cues detect: counts and figures over the replies (labels of other acts are ignored). */
export function evaluate(replies: readonly Labelled[], cues: CueSet): ActFigures[] {
  const counts = new Map([...cues.acts.keys()].map((act) => [act, { tp: 0, fp: 0, fn: 0 }]));
  for (const reply of replies) {
    const found = new Set(readReply(reply.text, cues).acts.map((a) => a.act));
    for (const [act, c] of counts) {
      const labelled = reply.acts.includes(act);
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
  const replies = labelledReplies();
  const bySet = (set: SetName, source?: 'learner' | 'authored') =>
    replies.filter(
      (r) => r.set === set && (source === undefined || (source === 'learner') === (r.source === 'learner')),
    );
  const sections: [string, Labelled[]][] = [
    ['Tuned on: learner-tune.txt + authored replies of the tuned scenarios', bySet('tune')],
    ['Held out: learner-held-out.txt + authored replies of the held-out scenarios', bySet('held-out')],
    ['  of which learner-style (learner-held-out.txt)', bySet('held-out', 'learner')],
    ['  of which authored (held-out scenarios)', bySet('held-out', 'authored')],
  ];
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(Object.fromEntries(sections.map(([t, r]) => [t, evaluate(r, cues)])), null, 2),
    );
  } else {
    console.log(sections.map(([title, r]) => table(title, evaluate(r, cues), r.length)).join('\n\n'));
  }
  if (process.argv.includes('--misses')) {
    const which = process.argv.includes('--held-out') ? 'held-out' : 'tune';
    for (const reply of replies.filter((r) => r.set === which)) {
      const found = readReply(reply.text, cues).acts;
      const ids = new Set(found.map((a) => a.act));
      const extra = found.filter((a) => !reply.acts.includes(a.act)).map((a) => `+${a.act}(${a.evidence})`);
      const missed = reply.acts.filter((a) => cues.acts.has(a) && !ids.has(a)).map((a) => `-${a}`);
      if (extra.length + missed.length > 0)
        console.log(`${[...extra, ...missed].join(' ')}  [${reply.source}] ${reply.text}`);
    }
  }
}
