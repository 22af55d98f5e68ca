/**
 * A deliberately plain reference of the format and scoring rules, written from
 * the spec without using src/engine or src/scoring, for the property tests to
 * compare against.
 */
import type { Catalogue, Choice, Model, Scenario } from '../../src/scenario/index.ts';

export interface RefWalk {
  positions: number[];
  choices: Choice[];
  path: string[];
  ending: { node: string; outcome: string } | null;
  stuck: boolean;
  mood: number;
}

export function refOffered(scenario: Scenario, nodeId: string, mood: number, acts: Set<string>): Choice[] {
  const node = scenario.nodes.get(nodeId);
  if (node === undefined || node.kind === 'end') return [];
  return node.choices.filter((c) => {
    const f = c.if;
    if (f === undefined) return true;
    if (f.performed && !f.performed.some((a) => acts.has(a))) return false;
    if (f.notPerformed?.some((a) => acts.has(a))) return false;
    if (f.moodAtLeast !== undefined && !(mood >= f.moodAtLeast)) return false;
    if (f.moodBelow !== undefined && !(mood < f.moodBelow)) return false;
    return true;
  });
}

/** Walks the graph taking `picks[i] mod offered` at each node until an ending, a stuck node, or the picks run out. */
export function refWalk(scenario: Scenario, picks: readonly number[]): RefWalk {
  let node = scenario.start;
  let mood = scenario.customer.mood;
  const acts = new Set<string>();
  const walk: RefWalk = { positions: [], choices: [], path: [node], ending: null, stuck: false, mood };
  for (const pick of picks) {
    const here = scenario.nodes.get(node);
    if (here?.kind === 'end') break;
    const offered = refOffered(scenario, node, mood, acts);
    if (offered.length === 0) break;
    const index = pick % offered.length;
    const choice = offered[index] as Choice;
    walk.positions.push(index + 1);
    walk.choices.push(choice);
    mood = Math.min(100, Math.max(0, mood + choice.mood));
    for (const a of choice.acts) acts.add(a.act);
    node = choice.to;
    walk.path.push(node);
  }
  const last = scenario.nodes.get(node);
  if (last?.kind === 'end') walk.ending = { node, outcome: last.end };
  else walk.stuck = refOffered(scenario, node, mood, acts).length === 0;
  walk.mood = mood;
  return walk;
}

export interface RefScore {
  marks: number;
  max: number;
  percent: number;
  band: string;
  missed: boolean;
  critical: boolean;
}

/** Scores with whole-number arithmetic on quarter marks (the generators only use credits 0.5 and 1). */
export function refScore(model: Model, catalogue: Catalogue, choices: readonly Choice[]): RefScore {
  const k = model.steps.length;
  const performed: number[] = [];
  const first: (number | null)[] = [];
  for (const step of model.steps) {
    let best = 0;
    let at: number | null = null;
    choices.forEach((c, i) => {
      const credit = Math.max(0, ...c.acts.filter((a) => step.acts.includes(a.act)).map((a) => a.credit));
      if (credit > best) best = credit;
      if (credit > 0 && at === null) at = i + 1;
    });
    performed.push(best);
    first.push(at);
  }
  let quarters = 0;
  for (let s = 0; s < k; s++) {
    const f = first[s] ?? null;
    let inOrder = f !== null;
    for (let t = s + 1; t < k && f !== null; t++) {
      const ft = first[t] ?? null;
      if (ft !== null && ft < f) inOrder = false;
    }
    quarters += Math.round((performed[s] ?? 0) * 4) + (inOrder ? 4 : 0);
  }
  let penalty = 0;
  let critical = false;
  for (const c of choices) {
    for (const a of c.acts) {
      const act = catalogue.acts.get(a.act);
      if (act?.fault) {
        penalty += act.penalty;
        critical ||= act.critical;
      }
    }
  }
  quarters = Math.max(0, quarters - 4 * penalty);
  const max = 2 * k;
  // percent × 10 = 1000 × quarters / (4 × max), rounded half up with integers only.
  const num = 1000 * quarters;
  const den = 4 * max;
  const tenths = Math.floor((2 * num + den) / (2 * den));
  const percent = tenths / 10;
  const missed = performed.some((p) => p === 0);
  let band =
    percent >= 85 ? 'Distinction' : percent >= 70 ? 'Merit' : percent >= 50 ? 'Pass' : 'Not yet achieved';
  if (missed && (band === 'Distinction' || band === 'Merit')) band = 'Pass';
  if (critical) band = 'Not yet achieved';
  return { marks: quarters / 4, max, percent, band, missed, critical };
}

/** Counts complete and stuck runs by plain recursion, each node visited at most `limit` times per run. */
export function refCount(scenario: Scenario, limit: number): { complete: number; stuck: number } {
  const visits = new Map<string, number>();
  let complete = 0;
  let stuck = 0;
  const go = (node: string, mood: number, acts: string[]): void => {
    visits.set(node, (visits.get(node) ?? 0) + 1);
    const here = scenario.nodes.get(node);
    if (here?.kind === 'end') complete++;
    else {
      const offered = refOffered(scenario, node, mood, new Set(acts));
      if (offered.length === 0) stuck++;
      for (const c of offered) {
        if ((visits.get(c.to) ?? 0) >= limit) continue;
        go(c.to, Math.min(100, Math.max(0, mood + c.mood)), [...acts, ...c.acts.map((a) => a.act)]);
      }
    }
    visits.set(node, (visits.get(node) ?? 1) - 1);
  };
  go(scenario.start, scenario.customer.mood, []);
  return { complete, stuck };
}
