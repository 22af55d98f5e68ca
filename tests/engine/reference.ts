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
  limits: string[];
  inOrder: boolean[];
}

/**
 * The order rule as the contract words it, by brute force: every subset of the
 * performed steps, largest first; a subset is in order when some choice of one
 * position per step never decreases in model order (tried exhaustively, no
 * greedy placement); among the largest, the one whose step indices, compared
 * from the first, have the earlier step at the first difference.
 */
export function refInOrder(positions: readonly (readonly number[])[]): boolean[] {
  const k = positions.length;
  const performed = positions.map((list, s) => (list.length > 0 ? s : -1)).filter((s) => s >= 0);
  const placeable = (steps: readonly number[], from: number, at: number): boolean => {
    if (at === steps.length) return true;
    const list = positions[steps[at] as number] ?? [];
    return list.some((p) => p >= from && placeable(steps, p, at + 1));
  };
  let best: number[] = [];
  for (let mask = 0; mask < 1 << performed.length; mask++) {
    const steps = performed.filter((_, i) => (mask & (1 << i)) !== 0);
    if (!placeable(steps, 0, 0)) continue;
    const earlier = (a: readonly number[], b: readonly number[]): boolean => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
      return false;
    };
    if (steps.length > best.length || (steps.length === best.length && earlier(steps, best))) best = steps;
  }
  return Array.from({ length: k }, (_, s) => best.includes(s));
}

const RANK = ['resolved', 'escalated', 'unresolved', 'lost'];

/** The best outcome reachable from the start following every reply (conditions ignored), by plain recursion. */
export function refBestOutcome(scenario: Scenario): string | null {
  const seen = new Set<string>();
  let best: string | null = null;
  const go = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = scenario.nodes.get(id);
    if (node === undefined) return;
    if (node.kind === 'end') {
      if (best === null || RANK.indexOf(node.end) < RANK.indexOf(best)) best = node.end;
      return;
    }
    for (const c of node.choices) go(c.to);
  };
  go(scenario.start);
  return best;
}

/**
 * Scores with whole-number arithmetic on quarter marks (the generators only use
 * credits 0.5 and 1), the order rule by brute force, and the limits of scoring
 * v2 worked out from the scenario and the run directly. `outcome` is the
 * ending's, or null for a run that has not ended.
 */
export function refScore(
  model: Model,
  catalogue: Catalogue,
  choices: readonly Choice[],
  scenario?: Scenario,
  outcome: string | null = null,
): RefScore {
  const k = model.steps.length;
  const performed: number[] = [];
  const positions: number[][] = [];
  for (const step of model.steps) {
    let best = 0;
    const at: number[] = [];
    choices.forEach((c, i) => {
      const credit = Math.max(0, ...c.acts.filter((a) => step.acts.includes(a.act)).map((a) => a.credit));
      if (credit > best) best = credit;
      if (credit > 0) at.push(i + 1);
    });
    performed.push(best);
    positions.push(at);
  }
  const inOrder = refInOrder(positions);
  let quarters = 0;
  for (let s = 0; s < k; s++) quarters += Math.round((performed[s] ?? 0) * 4) + (inOrder[s] ? 4 : 0);
  let penalty = 0;
  let critical = false;
  let faulted = false;
  for (const c of choices) {
    for (const a of c.acts) {
      const act = catalogue.acts.get(a.act);
      if (act?.fault) {
        faulted = true;
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
  const happened = (condition: { acts: readonly string[]; choices: readonly string[] }): boolean =>
    choices.some(
      (c) => condition.choices.includes(c.id) || c.acts.some((a) => condition.acts.includes(a.act)),
    );
  const missedEssential = (scenario?.marking ?? []).some(
    (point) =>
      point.essential &&
      ((point.when !== undefined && !happened(point.when)) ||
        (point.unless !== undefined && happened(point.unless))),
  );
  const best = scenario === undefined ? null : refBestOutcome(scenario);
  const below = outcome !== null && best !== null && RANK.indexOf(outcome) > RANK.indexOf(best);
  const limits = [
    performed.some((p) => p === 0) ? 'missed-step' : '',
    missedEssential ? 'missed-essential' : '',
    below ? 'outcome' : '',
    faulted ? 'fault' : '',
    critical ? 'critical-fault' : '',
  ].filter((id) => id !== '');
  const bands = ['Distinction', 'Merit', 'Pass', 'Not yet achieved'];
  let rank = percent >= 85 ? 0 : percent >= 70 ? 1 : percent >= 50 ? 2 : 3;
  if (limits.includes('missed-step') || missedEssential || below) rank = Math.max(rank, 2);
  if (faulted) rank = Math.max(rank, 1);
  if (critical) rank = 3;
  return { marks: quarters / 4, max, percent, band: bands[rank] as string, limits, inOrder };
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
