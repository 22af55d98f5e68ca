import type { Catalogue, Choice, Model, Outcome, Scenario } from '../scenario/index.ts';
import {
  ANY_FAULT,
  belowBest,
  CRITICAL_FAULT,
  creditFor,
  faultsFor,
  hasCriticalFault,
  matchesChoice,
  OUTCOME_BELOW_BEST,
} from '../scoring/index.ts';

/**
 * A scenario compiled once for the search: nodes and replies by index in
 * typed arrays, so following a reply is array reads, not `Map` lookups and
 * object allocation. Everything here is derived from the scenario, the
 * catalogue and the models with the engine's and scoring's own functions
 * (`creditFor`, `faultsFor`, `hasCriticalFault`, `belowBest`); the search adds
 * nothing of its own to the rules.
 */
export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly models: readonly Model[];
  /** Node ids in file order; a node's index is its position here. */
  readonly nodeIds: readonly string[];
  readonly start: number;
  /** The ending's outcome per node, or null for a node with replies. */
  readonly outcomes: readonly (Outcome | null)[];
  /** 1 for an ending node. */
  readonly isEnd: Uint8Array;
  /** Per node, its index among the ending nodes (in file order), or -1 for a node with replies. */
  readonly endingIndex: Int32Array;
  readonly endingCount: number;
  /** 1 when some reply of the node has an `if` (its offered list depends on the run). */
  readonly conditional: Uint8Array;
  /** Replies of node i are reply indices firstReply[i] .. firstReply[i + 1] - 1, in file order. */
  readonly firstReply: Int32Array;
  /** Every reply of every node, by reply index. */
  readonly replies: readonly Choice[];
  /** The node a reply leads to; -1 when it names a node that does not exist. */
  readonly target: Int32Array;
  /** The reply's mood change. */
  readonly moodDelta: Float64Array;
  /** Σ penalties of the reply's faults. */
  readonly penalty: Float64Array;
  /** The run limits a reply brings (scoring's ANY_FAULT and CRITICAL_FAULT flags). */
  readonly replyLimits: Uint8Array;
  /** Per node: OUTCOME_BELOW_BEST for an ending whose outcome ranks below the scenario's best, else 0. */
  readonly endLimits: Uint8Array;
  /** The essential marking points, by index: 1 when the point has a `when` (it must be matched to be met). */
  readonly essentialWhen: Uint8Array;
  /**
   * Which essential points reply r matches: markOf[firstMark[r] .. firstMark[r + 1] − 1], each
   * 2 × point for its `when`, 2 × point + 1 for its `unless`.
   */
  readonly firstMark: Int32Array;
  readonly markOf: Int32Array;
  /** True when some `if` asks about the mood: only then is the mood kept. */
  readonly tracksMood: boolean;
  /** True when some `if` asks what was performed: only then are act counts kept. */
  readonly tracksActs: boolean;
  /** Act index per act id of any reply. */
  readonly actIndex: ReadonlyMap<string, number>;
  /** Acts of reply r are actOf[firstAct[r] .. firstAct[r + 1] - 1] (act indices, one per listed act). */
  readonly firstAct: Int32Array;
  readonly actOf: Int32Array;
  /** Steps of model m are tally slots stepBase[m] .. stepBase[m + 1] - 1. */
  readonly stepBase: Int32Array;
  /** The model (index) of each tally slot. */
  readonly slotModel: Int32Array;
  /** Credits of reply r: (creditSlot[k], creditValue[k]) for k in firstCredit[r] .. firstCredit[r + 1] - 1, only credit > 0. */
  readonly firstCredit: Int32Array;
  readonly creditSlot: Int32Array;
  readonly creditValue: Float64Array;
}

const compiledCache = new WeakMap<Scenario, WeakMap<Catalogue, CompiledScenario[]>>();

/**
 * `compileScenario`, remembered per scenario, catalogue and list of models
 * (all three are immutable values), so the several searches one command runs
 * on a scenario (`sim analyse`: stuck nodes, Distinction per model, the
 * analysis) compile it once. Held weakly: it goes when the scenario does.
 */
export function compiledScenario(
  scenario: Scenario,
  models: readonly Model[],
  catalogue: Catalogue,
): CompiledScenario {
  let byCatalogue = compiledCache.get(scenario);
  if (byCatalogue === undefined) {
    byCatalogue = new WeakMap();
    compiledCache.set(scenario, byCatalogue);
  }
  let list = byCatalogue.get(catalogue);
  if (list === undefined) {
    list = [];
    byCatalogue.set(catalogue, list);
  }
  const known = list.find(
    (entry) => entry.models.length === models.length && entry.models.every((model, m) => model === models[m]),
  );
  if (known !== undefined) return known;
  const made = compileScenario(scenario, models, catalogue);
  list.push(made);
  return made;
}

export function compileScenario(
  scenario: Scenario,
  models: readonly Model[],
  catalogue: Catalogue,
): CompiledScenario {
  const nodeIds = [...scenario.nodes.keys()];
  const indexOf = new Map(nodeIds.map((id, i) => [id, i]));
  const start = indexOf.get(scenario.start);
  if (start === undefined) throw new Error(`scenario '${scenario.id}' starts at a node it does not have`);

  const nodeCount = nodeIds.length;
  const outcomes: (Outcome | null)[] = [];
  const isEnd = new Uint8Array(nodeCount);
  const conditional = new Uint8Array(nodeCount);
  const firstReply = new Int32Array(nodeCount + 1);
  const replies: Choice[] = [];
  let tracksActs = false;
  let tracksMood = false;
  for (const [i, node] of [...scenario.nodes.values()].entries()) {
    firstReply[i] = replies.length;
    if (node.kind === 'end') {
      isEnd[i] = 1;
      outcomes.push(node.end);
      continue;
    }
    outcomes.push(null);
    for (const choice of node.choices) {
      replies.push(choice);
      if (choice.if === undefined) continue;
      conditional[i] = 1;
      if (choice.if.performed !== undefined || choice.if.notPerformed !== undefined) tracksActs = true;
      if (choice.if.moodAtLeast !== undefined || choice.if.moodBelow !== undefined) tracksMood = true;
    }
  }
  firstReply[nodeCount] = replies.length;
  const endingIndex = new Int32Array(nodeCount).fill(-1);
  let endingCount = 0;
  for (let i = 0; i < nodeCount; i++) if (isEnd[i] === 1) endingIndex[i] = endingCount++;

  const stepBase = new Int32Array(models.length + 1);
  for (const [m, model] of models.entries()) stepBase[m + 1] = (stepBase[m] as number) + model.steps.length;
  const slotModel = new Int32Array(stepBase[models.length] as number);
  for (let m = 0; m < models.length; m++) slotModel.fill(m, stepBase[m], stepBase[m + 1]);

  const replyCount = replies.length;
  const target = new Int32Array(replyCount);
  const moodDelta = new Float64Array(replyCount);
  const penalty = new Float64Array(replyCount);
  const replyLimits = new Uint8Array(replyCount);
  const essentials = scenario.marking.filter((point) => point.essential);
  const firstMark = new Int32Array(replyCount + 1);
  const markOf: number[] = [];
  const actIndex = new Map<string, number>();
  const firstAct = new Int32Array(replyCount + 1);
  const actOf: number[] = [];
  const firstCredit = new Int32Array(replyCount + 1);
  const creditSlot: number[] = [];
  const creditValue: number[] = [];
  for (const [r, choice] of replies.entries()) {
    target[r] = indexOf.get(choice.to) ?? -1;
    moodDelta[r] = choice.mood;
    const faults = faultsFor([choice], catalogue);
    penalty[r] = faults.reduce((sum, fault) => sum + fault.penalty, 0);
    replyLimits[r] =
      (faults.length > 0 ? ANY_FAULT : 0) | (hasCriticalFault(faults, catalogue) ? CRITICAL_FAULT : 0);
    firstMark[r] = markOf.length;
    for (const [p, point] of essentials.entries()) {
      if (point.when !== undefined && matchesChoice(point.when, choice)) markOf.push(2 * p);
      if (point.unless !== undefined && matchesChoice(point.unless, choice)) markOf.push(2 * p + 1);
    }
    firstAct[r] = actOf.length;
    for (const { act } of choice.acts) {
      let index = actIndex.get(act);
      if (index === undefined) {
        index = actIndex.size;
        actIndex.set(act, index);
      }
      actOf.push(index);
    }
    firstCredit[r] = creditSlot.length;
    for (const [m, model] of models.entries()) {
      for (const [s, step] of model.steps.entries()) {
        const credit = creditFor(choice, step);
        if (credit <= 0) continue;
        creditSlot.push((stepBase[m] as number) + s);
        creditValue.push(credit);
      }
    }
  }
  firstAct[replyCount] = actOf.length;
  firstMark[replyCount] = markOf.length;
  const endLimits = new Uint8Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const outcome = outcomes[i];
    if (outcome !== null && outcome !== undefined && belowBest(scenario, outcome))
      endLimits[i] = OUTCOME_BELOW_BEST;
  }
  firstCredit[replyCount] = creditSlot.length;

  return {
    scenario,
    models: [...models],
    nodeIds,
    start,
    outcomes,
    isEnd,
    endingIndex,
    endingCount,
    conditional,
    firstReply,
    replies,
    target,
    moodDelta,
    penalty,
    replyLimits,
    endLimits,
    essentialWhen: Uint8Array.from(essentials, (point) => (point.when === undefined ? 0 : 1)),
    firstMark,
    markOf: Int32Array.from(markOf),
    tracksActs,
    tracksMood,
    actIndex,
    firstAct,
    actOf: Int32Array.from(actOf),
    stepBase,
    slotModel,
    firstCredit,
    creditSlot: Int32Array.from(creditSlot),
    creditValue: Float64Array.from(creditValue),
  };
}
