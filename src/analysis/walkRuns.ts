import { type ConversationState, conditionHolds, nextMood } from '../engine/index.ts';
import { addCreditAt } from '../scoring/index.ts';
import type { CompiledScenario } from './compileScenario.ts';

/** Limits for one search; see `AnalysisOptions` for what each means. */
export interface SearchLimits {
  readonly visitsPerNode: number;
  readonly maxRuns: number;
  readonly maxSteps: number;
}

export interface SearchTotals {
  readonly completeRuns: number;
  readonly stuckRuns: number;
  readonly loopCutRuns: number;
  readonly steps: number;
  readonly truncated: 'none' | 'max-runs' | 'max-steps' | 'stopped';
}

/**
 * The search's live stacks, by depth (depth d = after d replies), as a
 * visitor sees them during a callback. They are reused (and replaced when
 * they grow): copy what you keep.
 */
export interface WalkView {
  /** node[d]: the node at depth d; node[0] is the start. */
  readonly node: Int32Array;
  /** reply[d] (d ≥ 1): the reply index taken to reach depth d. */
  readonly reply: Int32Array;
  /** position[d] (d ≥ 1): its 1-based position among the replies offered at depth d − 1. */
  readonly position: Int32Array;
  /** Step tallies of the run so far, every model side by side (see `CompiledScenario.stepBase`). */
  readonly performed: Float64Array;
  readonly first: Int32Array;
}

export interface WalkVisitor {
  /**
   * A complete run of `length` replies: nodes node[0 .. length − 1], then the
   * ending `end`. The tallies include its last reply. Return true to stop.
   */
  run(view: WalkView, end: number, length: number, penalties: number, critical: boolean): boolean | undefined;
  /** A run of `length` replies that reached `node` (node[length]) where no reply is offered. */
  stuck?(view: WalkView, node: number, length: number): void;
}

function grownInt32(array: Int32Array, need: number): Int32Array<ArrayBuffer> {
  let size = array.length * 2;
  while (size < need) size *= 2;
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

function grownFloat64(array: Float64Array, need: number): Float64Array<ArrayBuffer> {
  let size = array.length * 2;
  while (size < need) size *= 2;
  const grown = new Float64Array(size);
  grown.set(array);
  return grown;
}

function grownUint8(array: Uint8Array, need: number): Uint8Array<ArrayBuffer> {
  let size = array.length * 2;
  while (size < need) size *= 2;
  const grown = new Uint8Array(size);
  grown.set(array);
  return grown;
}

/**
 * Depth-first search over every run of a compiled scenario with a plain
 * reducer (no actor, no allocation per step). Per depth it keeps the node,
 * the reply taken, the mood, the penalty sum and the critical flag in typed
 * stacks; the step tallies of every model are one flat row, updated with
 * scoring's `addCreditAt` on the way down and restored from an undo log on
 * the way back. Act counts (by act index) are kept only when some `if` asks
 * what was performed. Replies come from the node's compiled list, or, for a
 * node with an `if`, from the engine's `conditionHolds` at that point of the
 * run. Runs are visited in exactly the order of the engine's offered lists.
 */
export function walkRuns(
  compiled: CompiledScenario,
  limits: SearchLimits,
  visitor: WalkVisitor,
): SearchTotals {
  const {
    isEnd,
    conditional,
    firstReply,
    replies,
    target,
    moodDelta,
    penalty,
    critical,
    tracksActs,
    actIndex,
    firstAct,
    actOf,
    firstCredit,
    creditSlot,
    creditValue,
  } = compiled;
  const { visitsPerNode, maxRuns, maxSteps } = limits;
  const replyCount = replies.length;
  const slots = compiled.stepBase[compiled.models.length] as number;

  const visits = new Int32Array(compiled.nodeIds.length);
  const actCounts = new Int32Array(actIndex.size);
  const performed = new Float64Array(slots);
  const first = new Int32Array(slots);

  // Per-depth stacks.
  let capacity = 64;
  let node = new Int32Array(capacity);
  let reply = new Int32Array(capacity);
  let position = new Int32Array(capacity);
  let mood = new Float64Array(capacity);
  let penalties = new Float64Array(capacity);
  let criticals = new Uint8Array(capacity);
  let listStart = new Int32Array(capacity);
  let listLength = new Int32Array(capacity);
  let listMark = new Int32Array(capacity);
  let tried = new Int32Array(capacity);
  let undoMark = new Int32Array(capacity);

  // Offered lists: reply indices. The first `replyCount` entries are the identity (a node
  // without `if` offers its replies in file order); lists computed for nodes with `if` are
  // stacked after them and popped on the way back.
  let lists = new Int32Array(replyCount + 64);
  for (let r = 0; r < replyCount; r++) lists[r] = r;
  let listTop = replyCount;

  // Undo log of the tally row: slot, previous performed, previous first.
  let undoSlot = new Int32Array(256);
  let undoPerformed = new Float64Array(256);
  let undoFirst = new Int32Array(256);
  let undoTop = 0;

  const view = { node, reply, position, performed, first };
  const state: { mood: number; performed: ConversationState['performed'] } = {
    mood: 0,
    performed: {
      has: (act: string): boolean => {
        const index = actIndex.get(act);
        return index !== undefined && (actCounts[index] as number) > 0;
      },
    },
  };

  let completeRuns = 0;
  let stuckRuns = 0;
  let loopCutRuns = 0;
  let steps = 0;
  let truncated: SearchTotals['truncated'] = 'none';

  const ensureDepth = (depth: number): void => {
    if (depth < capacity) return;
    const need = depth + 1;
    node = grownInt32(node, need);
    reply = grownInt32(reply, need);
    position = grownInt32(position, need);
    mood = grownFloat64(mood, need);
    penalties = grownFloat64(penalties, need);
    criticals = grownUint8(criticals, need);
    listStart = grownInt32(listStart, need);
    listLength = grownInt32(listLength, need);
    listMark = grownInt32(listMark, need);
    tried = grownInt32(tried, need);
    undoMark = grownInt32(undoMark, need);
    capacity = node.length;
    view.node = node;
    view.reply = reply;
    view.position = position;
  };

  /** Folds reply r, at run position `at`, into the tally row, logging what it overwrites. */
  const applyCredits = (r: number, at: number): void => {
    const end = firstCredit[r + 1] as number;
    let k = firstCredit[r] as number;
    if (undoTop + (end - k) > undoSlot.length) {
      const need = undoTop + (end - k);
      undoSlot = grownInt32(undoSlot, need);
      undoPerformed = grownFloat64(undoPerformed, need);
      undoFirst = grownInt32(undoFirst, need);
    }
    for (; k < end; k++) {
      const slot = creditSlot[k] as number;
      undoSlot[undoTop] = slot;
      undoPerformed[undoTop] = performed[slot] as number;
      undoFirst[undoTop] = first[slot] as number;
      undoTop++;
      addCreditAt(performed, first, slot, creditValue[k] as number, at);
    }
  };

  const undoTo = (mark: number): void => {
    while (undoTop > mark) {
      undoTop--;
      const slot = undoSlot[undoTop] as number;
      performed[slot] = undoPerformed[undoTop] as number;
      first[slot] = undoFirst[undoTop] as number;
    }
  };

  const countActs = (r: number, by: number): void => {
    const end = firstAct[r + 1] as number;
    for (let k = firstAct[r] as number; k < end; k++) {
      const act = actOf[k] as number;
      actCounts[act] = (actCounts[act] as number) + by;
    }
  };

  /** Fills the offered list of depth d (node n, mood and act counts already those of depth d). */
  const offer = (d: number, n: number): void => {
    listMark[d] = listTop;
    const from = firstReply[n] as number;
    const to = firstReply[n + 1] as number;
    if (conditional[n] === 0) {
      listStart[d] = from;
      listLength[d] = to - from;
      return;
    }
    if (listTop + (to - from) > lists.length) lists = grownInt32(lists, listTop + (to - from));
    state.mood = mood[d] as number;
    listStart[d] = listTop;
    for (let r = from; r < to; r++) {
      if (conditionHolds((replies[r] as (typeof replies)[number]).if, state)) lists[listTop++] = r;
    }
    listLength[d] = listTop - (listStart[d] as number);
  };

  /** Undoes depth d (d ≥ 1 unless it is the start). */
  const leave = (d: number): void => {
    const n = node[d] as number;
    visits[n] = (visits[n] as number) - 1;
    undoTo(undoMark[d] as number);
    listTop = listMark[d] as number;
    if (tracksActs && d > 0) countActs(reply[d] as number, -1);
  };

  const start = compiled.start;
  if (isEnd[start] === 1) {
    if (completeRuns >= maxRuns)
      return { completeRuns, stuckRuns, loopCutRuns, steps, truncated: 'max-runs' };
    completeRuns++;
    node[0] = start;
    const stop = visitor.run(view, start, 0, 0, false);
    return { completeRuns, stuckRuns, loopCutRuns, steps, truncated: stop === true ? 'stopped' : 'none' };
  }
  visits[start] = 1;
  node[0] = start;
  mood[0] = compiled.scenario.customer.mood;
  penalties[0] = 0;
  criticals[0] = 0;
  undoMark[0] = 0;
  tried[0] = 0;
  offer(0, start);
  let d = 0;
  if (listLength[0] === 0) {
    stuckRuns++;
    visitor.stuck?.(view, start, 0);
    leave(0);
    d = -1;
  }

  while (d >= 0) {
    const t = tried[d] as number;
    if (t >= (listLength[d] as number)) {
      leave(d);
      d--;
      continue;
    }
    tried[d] = t + 1;
    const r = lists[(listStart[d] as number) + t] as number;
    const next = target[r] as number;
    if (next < 0) {
      const choice = replies[r] as (typeof replies)[number];
      throw new Error(`reply '${choice.id}' leads to a node '${choice.to}' that does not exist`);
    }
    if ((visits[next] as number) >= visitsPerNode) {
      loopCutRuns++;
      continue;
    }
    if (steps >= maxSteps) {
      truncated = 'max-steps';
      break;
    }
    steps++;
    const d1 = d + 1;
    if (d1 >= capacity) ensureDepth(d1);
    reply[d1] = r;
    position[d1] = t + 1;
    if (isEnd[next] === 1) {
      // Stop at the first run *past* the cap, so "the scenario has more" is a fact, not a guess.
      if (completeRuns >= maxRuns) {
        truncated = 'max-runs';
        break;
      }
      completeRuns++;
      const mark = undoTop;
      applyCredits(r, d1);
      const stop = visitor.run(
        view,
        next,
        d1,
        (penalties[d] as number) + (penalty[r] as number),
        (criticals[d] as number) === 1 || (critical[r] as number) === 1,
      );
      undoTo(mark);
      if (stop === true) {
        truncated = 'stopped';
        break;
      }
      continue;
    }
    visits[next] = (visits[next] as number) + 1;
    node[d1] = next;
    mood[d1] = nextMood(mood[d] as number, moodDelta[r] as number);
    penalties[d1] = (penalties[d] as number) + (penalty[r] as number);
    criticals[d1] = (criticals[d] as number) | (critical[r] as number);
    undoMark[d1] = undoTop;
    tried[d1] = 0;
    applyCredits(r, d1);
    if (tracksActs) countActs(r, 1);
    offer(d1, next);
    if (listLength[d1] === 0) {
      stuckRuns++;
      visitor.stuck?.(view, next, d1);
      leave(d1);
      continue;
    }
    d = d1;
  }
  return { completeRuns, stuckRuns, loopCutRuns, steps, truncated };
}
