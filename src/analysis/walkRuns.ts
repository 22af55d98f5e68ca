import { type ConversationState, conditionHolds, nextMood } from '../engine/index.ts';
import { addCreditAt, MISSED_ESSENTIAL } from '../scoring/index.ts';
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
  /**
   * cursor[d]: just past the reply taken at depth d, in `lists`: for every depth of the
   * run so far, the reply taken there is lists[cursor[d] − 1] (see `replyAt`, `positionAt`).
   */
  readonly cursor: Int32Array;
  /**
   * listBase[d]: where depth d's offered list starts in `lists`, kept only for a node with an
   * `if`; a node without one offers its own replies, firstReply[node] .. (see `positionAt`).
   */
  readonly listBase: Int32Array;
  /** The offered lists (reply indices) of every depth of the run. */
  readonly lists: Int32Array;
  /**
   * Step tallies of the run so far, every model side by side (see `CompiledScenario.stepBase`),
   * as scoring's flat tally: the best credit per slot, and the positions that gave it credit,
   * `counts[slot]` of them from positions[slot × stride] (see scoring's `orderRule.ts`).
   */
  readonly performed: Float64Array;
  readonly positions: Int32Array;
  readonly counts: Int32Array;
  readonly stride: number;
  /**
   * Per model, how many times its part of the tally row has changed (a credit folded in or
   * undone): while a model's count stays the same, so does its row, and a score worked out
   * from it can be reused.
   */
  readonly rowVersion: Float64Array;
  /** The compiled scenario's `conditional` and `firstReply`, for `positionAt`. */
  readonly conditional: Uint8Array;
  readonly firstReply: Int32Array;
}

export interface WalkVisitor {
  /**
   * A complete run of `length` replies: nodes node[0 .. length − 1], then the
   * ending `end`. The tallies include its last reply. `limits` is the mask of
   * scoring's limits that hold whatever the model (a missed essential point, an
   * outcome below the best, any fault, a critical fault); a missed step is the
   * model's, from the tally. Return true to stop.
   */
  run(view: WalkView, end: number, length: number, penalties: number, limits: number): boolean | undefined;
  /** A run of `length` replies that reached `node` (node[length]) where no reply is offered. */
  stuck?(view: WalkView, node: number, length: number): void;
}

/** The reply index taken at depth d − 1 to reach depth d (d ≥ 1). */
export function replyAt(view: WalkView, d: number): number {
  return view.lists[(view.cursor[d - 1] as number) - 1] as number;
}

/** Its 1-based position among the replies offered at depth d − 1 (what `--choices` gives). */
export function positionAt(view: WalkView, d: number): number {
  const n = view.node[d - 1] as number;
  const base = view.conditional[n] === 1 ? view.listBase[d - 1] : view.firstReply[n];
  return (view.cursor[d - 1] as number) - (base as number);
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

/** The per-depth stacks; replaced (copied into larger arrays) when a run gets deeper than they are. */
interface Stacks {
  readonly node: Int32Array<ArrayBuffer>;
  readonly mood: Float64Array<ArrayBuffer>;
  readonly penalties: Float64Array<ArrayBuffer>;
  /** The run limits its replies have brought so far (faults, critical faults). */
  readonly flags: Uint8Array<ArrayBuffer>;
  /**
   * Just past the reply taken at depth d (indices into `lists`): written when the walk goes
   * deeper or reports a run; the depth being walked keeps its cursor in a local.
   */
  readonly cursor: Int32Array<ArrayBuffer>;
  /**
   * For a node with an `if` only: its offered list is lists[listBase[d] .. listEnd[d] − 1],
   * and listBase[d] is also the top of the computed lists before its own, restored on
   * leaving. A node without `if` offers firstReply[node] .. firstReply[node + 1] − 1.
   */
  readonly listEnd: Int32Array<ArrayBuffer>;
  readonly listBase: Int32Array<ArrayBuffer>;
  /** The undo log's top before depth d's reply was folded in. */
  readonly undoMark: Int32Array<ArrayBuffer>;
}

function newStacks(capacity: number): Stacks {
  return {
    node: new Int32Array(capacity),
    mood: new Float64Array(capacity),
    penalties: new Float64Array(capacity),
    flags: new Uint8Array(capacity),
    cursor: new Int32Array(capacity),
    listEnd: new Int32Array(capacity),
    listBase: new Int32Array(capacity),
    undoMark: new Int32Array(capacity),
  };
}

function grownStacks(stacks: Stacks, need: number): Stacks {
  return {
    node: grownInt32(stacks.node, need),
    mood: grownFloat64(stacks.mood, need),
    penalties: grownFloat64(stacks.penalties, need),
    flags: grownUint8(stacks.flags, need),
    cursor: grownInt32(stacks.cursor, need),
    listEnd: grownInt32(stacks.listEnd, need),
    listBase: grownInt32(stacks.listBase, need),
    undoMark: grownInt32(stacks.undoMark, need),
  };
}

/** The undo log of the tally row: the slot a credit was folded into, and its performed before. */
interface UndoLog {
  readonly slot: Int32Array<ArrayBuffer>;
  readonly performed: Float64Array<ArrayBuffer>;
}

function grownLog(log: UndoLog, need: number): UndoLog {
  return { slot: grownInt32(log.slot, need), performed: grownFloat64(log.performed, need) };
}

/** The tally row's positions, re-laid with a larger stride (each slot's positions kept). */
function grownPositions(
  positions: Int32Array,
  counts: Int32Array,
  stride: number,
  wider: number,
): Int32Array {
  const grown = new Int32Array(counts.length * wider);
  for (let slot = 0; slot < counts.length; slot++) {
    grown.set(positions.subarray(slot * stride, slot * stride + (counts[slot] as number)), slot * wider);
  }
  return grown;
}

/**
 * Folds reply r, at run position `at`, into the tally row, logging every slot it gives
 * credit (each adds a position, which the order rule reads); returns the log's new top.
 */
function foldReply(
  compiled: CompiledScenario,
  r: number,
  at: number,
  performed: Float64Array,
  positions: Int32Array,
  counts: Int32Array,
  stride: number,
  log: UndoLog,
  top: number,
  addCredit: typeof addCreditAt,
  rowVersion: Float64Array,
): number {
  const { firstCredit, creditSlot, creditValue, slotModel } = compiled;
  const end = firstCredit[r + 1] as number;
  for (let k = firstCredit[r] as number; k < end; k++) {
    const slot = creditSlot[k] as number;
    log.slot[top] = slot;
    log.performed[top] = performed[slot] as number;
    top++;
    addCredit(performed, positions, counts, stride, slot, creditValue[k] as number, at);
    const m = slotModel[slot] as number;
    rowVersion[m] = (rowVersion[m] as number) + 1;
  }
  return top;
}

/** Restores the tally row to the log's `mark` (each entry's position taken off again); returns it as the new top. */
function unfold(
  compiled: CompiledScenario,
  performed: Float64Array,
  counts: Int32Array,
  log: UndoLog,
  top: number,
  mark: number,
  rowVersion: Float64Array,
): number {
  const { slotModel } = compiled;
  while (top > mark) {
    top--;
    const slot = log.slot[top] as number;
    const m = slotModel[slot] as number;
    rowVersion[m] = (rowVersion[m] as number) + 1;
    performed[slot] = log.performed[top] as number;
    counts[slot] = (counts[slot] as number) - 1;
  }
  return mark;
}

/** Adds `by` to the hit counts of the essential marking points reply r matches. */
function countMarks(compiled: CompiledScenario, hits: Int32Array, r: number, by: number): void {
  const { firstMark, markOf } = compiled;
  const end = firstMark[r + 1] as number;
  for (let k = firstMark[r] as number; k < end; k++) {
    const at = markOf[k] as number;
    hits[at] = (hits[at] as number) + by;
  }
}

/** MISSED_ESSENTIAL when some essential point's `when` has no hit or its `unless` has one, else 0. */
function essentialLimit(essentialWhen: Uint8Array, hits: Int32Array): number {
  for (let p = 0; p < essentialWhen.length; p++) {
    if ((essentialWhen[p] === 1 && hits[2 * p] === 0) || (hits[2 * p + 1] as number) > 0)
      return MISSED_ESSENTIAL;
  }
  return 0;
}

/** Adds `by` to the count of each act of reply r. */
function countActs(compiled: CompiledScenario, counts: Int32Array, r: number, by: number): void {
  const { firstAct, actOf } = compiled;
  const end = firstAct[r + 1] as number;
  for (let k = firstAct[r] as number; k < end; k++) {
    const act = actOf[k] as number;
    counts[act] = (counts[act] as number) + by;
  }
}

/** What `conditionHolds` sees: the mood at this point of the run and the acts performed so far. */
class RunState implements ConversationState {
  mood = 0;
  readonly performed: ConversationState['performed'];
  constructor(actIndex: ReadonlyMap<string, number>, counts: Int32Array) {
    this.performed = {
      has: (act: string): boolean => {
        const index = actIndex.get(act);
        return index !== undefined && (counts[index] as number) > 0;
      },
    };
  }
}

/** Writes the replies of node n that `conditionHolds` offers into lists from `top`; returns the new top. */
function offerConditional(
  compiled: CompiledScenario,
  n: number,
  state: RunState,
  lists: Int32Array,
  top: number,
  holds: typeof conditionHolds,
): number {
  const { firstReply, replies } = compiled;
  const to = firstReply[n + 1] as number;
  for (let r = firstReply[n] as number; r < to; r++) {
    if (holds((replies[r] as (typeof replies)[number]).if, state)) lists[top++] = r;
  }
  return top;
}

// Each depth, and the last reply of a complete run, logs at most `maxCredits` entries: the
// undo log is kept at (depths + 1) × maxCredits, so a step never has to check it.
const logSize = (depths: number, maxCredits: number): number => Math.max(1, (depths + 1) * maxCredits);

/**
 * What a walk allocates. Kept per compiled scenario between walks, so the several walks one
 * command runs on a scenario (and repeated analyses) do not allocate and grow their stacks
 * again; a walk takes it (so a walk started from inside another's callback gets its own)
 * and hands it back at the end. Its size follows the deepest run walked.
 */
interface Scratch {
  stacks: Stacks;
  log: UndoLog;
  /**
   * Offered lists: reply indices. The first `replyCount` entries are the identity (a node
   * without `if` offers its replies in file order) and are never overwritten; lists computed
   * for nodes with `if` are stacked after them and popped on the way back.
   */
  lists: Int32Array<ArrayBuffer>;
  readonly visits: Int32Array;
  readonly actCounts: Int32Array;
  /** Per essential marking point p: hits of its `when` at 2p, of its `unless` at 2p + 1. */
  readonly markHits: Int32Array;
  readonly performed: Float64Array;
  /** The tally row's positions, `stride` (the stacks' capacity) per slot; re-laid when the stacks grow. */
  positions: Int32Array;
  stride: number;
  readonly counts: Int32Array;
  readonly rowVersion: Float64Array;
  /** Most credits one reply has, and most replies one node has. */
  readonly maxCredits: number;
  readonly maxReplies: number;
}

const scratchKept = new WeakMap<CompiledScenario, Scratch>();

/** The scenario's kept scratch, cleared (no visits, acts or credits), or a new one. */
function takeScratch(compiled: CompiledScenario): Scratch {
  const kept = scratchKept.get(compiled);
  if (kept !== undefined) {
    scratchKept.delete(compiled);
    kept.visits.fill(0);
    kept.actCounts.fill(0);
    kept.markHits.fill(0);
    kept.performed.fill(0);
    kept.counts.fill(0);
    kept.rowVersion.fill(0);
    return kept;
  }
  const { firstReply, firstCredit } = compiled;
  const replyCount = compiled.replies.length;
  let maxCredits = 0;
  for (let r = 0; r < replyCount; r++)
    maxCredits = Math.max(maxCredits, (firstCredit[r + 1] as number) - (firstCredit[r] as number));
  let maxReplies = 0;
  for (let n = 0; n < compiled.nodeIds.length; n++)
    maxReplies = Math.max(maxReplies, (firstReply[n + 1] as number) - (firstReply[n] as number));
  const slots = compiled.stepBase[compiled.models.length] as number;
  const capacity = 64;
  const lists = new Int32Array(replyCount + Math.max(64, maxReplies));
  for (let r = 0; r < replyCount; r++) lists[r] = r;
  return {
    stacks: newStacks(capacity),
    log: {
      slot: new Int32Array(logSize(capacity, maxCredits)),
      performed: new Float64Array(logSize(capacity, maxCredits)),
    },
    lists,
    visits: new Int32Array(compiled.nodeIds.length),
    actCounts: new Int32Array(compiled.actIndex.size),
    markHits: new Int32Array(2 * compiled.essentialWhen.length),
    performed: new Float64Array(slots),
    positions: new Int32Array(slots * capacity),
    stride: capacity,
    counts: new Int32Array(slots),
    rowVersion: new Float64Array(compiled.models.length),
    maxCredits,
    maxReplies,
  };
}

function keepScratch(compiled: CompiledScenario, scratch: Scratch): void {
  scratchKept.set(compiled, scratch);
}

/**
 * Depth-first search over every run of a compiled scenario with a plain
 * reducer (no actor, no allocation per step). Per depth it keeps the node,
 * the reply taken, the penalty sum and the run limits its replies bring (and the mood, when
 * some `if` asks about it) in typed stacks; the step tallies of every model
 * are one flat row (best credit and positions per step), updated with
 * scoring's `addCreditAt` on the way down and restored from an undo log on the
 * way back. Hits of the essential marking points are counted the same way. Act counts (by act index) are
 * kept only when some `if` asks what was performed. Replies come from the
 * node's compiled list, or, for a node with an `if`, from the engine's
 * `conditionHolds` at that point of the run. Runs are visited in exactly the
 * order of the engine's offered lists.
 *
 * The loop keeps its state in local variables and calls only plain
 * functions (no closures over it), so V8 can keep it in registers.
 */
export function walkRuns(
  compiled: CompiledScenario,
  limits: SearchLimits,
  visitor: WalkVisitor,
): SearchTotals {
  const { isEnd, conditional, firstReply, target, penalty, replyLimits, endLimits, essentialWhen } = compiled;
  const { tracksActs, tracksMood } = compiled;
  const tracksEssential = essentialWhen.length > 0;
  const { visitsPerNode, maxRuns, maxSteps } = limits;
  // Imported functions read once: some loaders (tsx's CommonJS transform) turn every call of an
  // imported binding into a getter call, which costs more than the step itself.
  const addCredit = addCreditAt;
  const moodAfter = nextMood;
  const holds = conditionHolds;
  const replyCount = compiled.replies.length;
  const scratch = takeScratch(compiled);
  const { visits, actCounts, markHits, performed, counts, rowVersion, maxCredits, maxReplies } = scratch;
  let { positions, stride } = scratch;
  const state = new RunState(compiled.actIndex, actCounts);

  let stacks = scratch.stacks;
  let capacity = stacks.node.length;
  let { node, mood, penalties, flags, cursor, listEnd, listBase, undoMark } = stacks;
  let lists = scratch.lists;
  let listTop = replyCount;
  let log = scratch.log;
  let undoTop = 0;

  const view = {
    node,
    cursor,
    listBase,
    lists,
    performed,
    positions,
    counts,
    stride,
    rowVersion,
    conditional,
    firstReply,
  };
  let completeRuns = 0;
  let stuckRuns = 0;
  let loopCutRuns = 0;
  let steps = 0;
  let truncated: SearchTotals['truncated'] = 'none';

  // Handed back for the next walk of this scenario (not when a visitor throws: that walk's
  // arrays are simply dropped).
  const keep = (): void => {
    scratch.stacks = stacks;
    scratch.lists = lists;
    scratch.log = log;
    scratch.positions = positions;
    scratch.stride = stride;
    keepScratch(compiled, scratch);
  };

  const start = compiled.start;
  if (isEnd[start] === 1) {
    if (completeRuns >= maxRuns) {
      keep();
      return { completeRuns, stuckRuns, loopCutRuns, steps, truncated: 'max-runs' };
    }
    completeRuns++;
    node[0] = start;
    const stop = visitor.run(
      view,
      start,
      0,
      0,
      (endLimits[start] as number) | essentialLimit(essentialWhen, markHits),
    );
    keep();
    return { completeRuns, stuckRuns, loopCutRuns, steps, truncated: stop === true ? 'stopped' : 'none' };
  }
  visits[start] = 1;
  node[0] = start;
  mood[0] = compiled.scenario.customer.mood;
  penalties[0] = 0;
  flags[0] = 0;
  undoMark[0] = 0;
  // The depth being walked: d, its node n, and its offered replies at .. end − 1 not yet
  // tried (indices into `lists`). They live in locals; cursor[d] is written only when the
  // walk goes deeper or reports a run, and a node without `if` needs no listBase/listEnd.
  let d = 0;
  let n = start;
  let at: number;
  let end: number;
  if (conditional[start] === 0) {
    at = firstReply[start] as number;
    end = firstReply[start + 1] as number;
  } else {
    listBase[0] = listTop;
    state.mood = mood[0] as number;
    listTop = offerConditional(compiled, start, state, lists, listTop, holds);
    listEnd[0] = listTop;
    at = listBase[0] as number;
    end = listTop;
  }
  cursor[0] = at;
  if (at === end) {
    stuckRuns++;
    visitor.stuck?.(view, start, 0);
    d = -1;
  }

  while (d >= 0) {
    if (at >= end) {
      // Leave depth d.
      visits[n] = (visits[n] as number) - 1;
      undoTop = unfold(compiled, performed, counts, log, undoTop, undoMark[d] as number, rowVersion);
      if (conditional[n] === 1) listTop = listBase[d] as number;
      d--;
      if (d < 0) break;
      at = cursor[d] as number;
      if (tracksActs) countActs(compiled, actCounts, lists[at - 1] as number, -1);
      if (tracksEssential) countMarks(compiled, markHits, lists[at - 1] as number, -1);
      n = node[d] as number;
      end = conditional[n] === 1 ? (listEnd[d] as number) : (firstReply[n + 1] as number);
      continue;
    }
    // The first `replyCount` entries of `lists` are the identity: no need to read them.
    const r = at < replyCount ? at : (lists[at] as number);
    at++;
    const next = target[r] as number;
    if (next < 0) {
      const choice = compiled.replies[r] as (typeof compiled.replies)[number];
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
    if (d1 >= capacity) {
      stacks = grownStacks(stacks, d1 + 1);
      capacity = stacks.node.length;
      ({ node, mood, penalties, flags, cursor, listEnd, listBase, undoMark } = stacks);
      view.node = node;
      view.cursor = cursor;
      view.listBase = listBase;
      positions = grownPositions(positions, counts, stride, capacity);
      stride = capacity;
      view.positions = positions;
      view.stride = stride;
      if (logSize(capacity, maxCredits) > log.slot.length) log = grownLog(log, logSize(capacity, maxCredits));
    }
    cursor[d] = at;
    if (isEnd[next] === 1) {
      // Stop at the first run *past* the cap, so "the scenario has more" is a fact, not a guess.
      if (completeRuns >= maxRuns) {
        truncated = 'max-runs';
        break;
      }
      completeRuns++;
      const mark = undoTop;
      undoTop = foldReply(
        compiled,
        r,
        d1,
        performed,
        positions,
        counts,
        stride,
        log,
        undoTop,
        addCredit,
        rowVersion,
      );
      let limits = (flags[d] as number) | (replyLimits[r] as number) | (endLimits[next] as number);
      if (tracksEssential) {
        countMarks(compiled, markHits, r, 1);
        limits |= essentialLimit(essentialWhen, markHits);
        countMarks(compiled, markHits, r, -1);
      }
      const stop = visitor.run(view, next, d1, (penalties[d] as number) + (penalty[r] as number), limits);
      undoTop = unfold(compiled, performed, counts, log, undoTop, mark, rowVersion);
      if (stop === true) {
        truncated = 'stopped';
        break;
      }
      continue;
    }
    // Enter depth d1.
    visits[next] = (visits[next] as number) + 1;
    node[d1] = next;
    if (tracksMood) mood[d1] = moodAfter(mood[d] as number, compiled.moodDelta[r] as number);
    penalties[d1] = (penalties[d] as number) + (penalty[r] as number);
    flags[d1] = (flags[d] as number) | (replyLimits[r] as number);
    undoMark[d1] = undoTop;
    undoTop = foldReply(
      compiled,
      r,
      d1,
      performed,
      positions,
      counts,
      stride,
      log,
      undoTop,
      addCredit,
      rowVersion,
    );
    if (tracksActs) countActs(compiled, actCounts, r, 1);
    if (tracksEssential) countMarks(compiled, markHits, r, 1);
    let nextAt: number;
    let nextEnd: number;
    if (conditional[next] === 0) {
      nextAt = firstReply[next] as number;
      nextEnd = firstReply[next + 1] as number;
    } else {
      if (listTop + maxReplies > lists.length) {
        const grown = new Int32Array(lists.length * 2 + maxReplies);
        grown.set(lists);
        lists = grown;
        view.lists = lists;
      }
      listBase[d1] = listTop;
      state.mood = mood[d1] as number;
      listTop = offerConditional(compiled, next, state, lists, listTop, holds);
      listEnd[d1] = listTop;
      nextAt = listBase[d1] as number;
      nextEnd = listTop;
    }
    if (nextAt === nextEnd) {
      cursor[d1] = nextAt;
      stuckRuns++;
      visitor.stuck?.(view, next, d1);
      // Leave depth d1 at once.
      visits[next] = (visits[next] as number) - 1;
      undoTop = unfold(compiled, performed, counts, log, undoTop, undoMark[d1] as number, rowVersion);
      if (conditional[next] === 1) listTop = listBase[d1] as number;
      if (tracksActs) countActs(compiled, actCounts, r, -1);
      if (tracksEssential) countMarks(compiled, markHits, r, -1);
      continue;
    }
    d = d1;
    n = next;
    at = nextAt;
    end = nextEnd;
  }
  keep();
  return { completeRuns, stuckRuns, loopCutRuns, steps, truncated };
}
