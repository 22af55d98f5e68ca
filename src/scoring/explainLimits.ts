import type { Catalogue, Model, Outcome, Scenario } from '../scenario/index.ts';
import { BANDS, LIMITS, percentRank } from './limits.ts';
import type { Band, LimitId, RunScore } from './types.ts';

/** One limit of scoring v2 that holds for a run, with what caused it. */
export interface LimitReason {
  readonly limit: LimitId;
  /** The best band the limit allows. */
  readonly atMost: Band;
  /** True when the limit's cap is below the band the percent alone would give: it lowered the band. */
  readonly lowered: boolean;
  /** The replies that caused it (a fault's or critical fault's reply), in run order. */
  readonly choices: readonly string[];
  /** The steps never performed (`missed-step`), in model order. */
  readonly steps: readonly string[];
  /** The essential marking points missed (`missed-essential`), in file order. */
  readonly points: readonly string[];
}

/** Each limit in `score.limits`, in the contract's order, with its cause. */
export function limitReasons(score: RunScore, catalogue: Catalogue): LimitReason[] {
  const rank = percentRank(score.score.percent);
  return score.score.limits.map((limit) => {
    const atMost = LIMITS.find((entry) => entry.id === limit)?.atMost ?? 3;
    const faults =
      limit === 'fault'
        ? score.faults
        : limit === 'critical-fault'
          ? score.faults.filter((fault) => catalogue.acts.get(fault.act)?.critical === true)
          : [];
    return {
      limit,
      atMost: BANDS[atMost] ?? 'Not yet achieved',
      lowered: atMost > rank,
      choices: [...new Set(faults.map((fault) => fault.choice))],
      steps: limit === 'missed-step' ? score.steps.filter((s) => s.performed === 0).map((s) => s.id) : [],
      points:
        limit === 'missed-essential'
          ? score.marking.filter((p) => p.essential && !p.met).map((p) => p.id)
          : [],
    };
  });
}

/** How the complaint ended, to finish "The complaint was …". */
const ENDED: Record<Outcome, string> = {
  resolved: 'resolved',
  escalated: 'passed to someone else',
  unresolved: 'left unresolved',
  lost: 'lost (the customer went elsewhere)',
};

/** The better ending, to finish "… but you could have …". */
const COULD_HAVE: Record<Outcome, string> = {
  resolved: 'resolved it',
  escalated: 'passed it to someone who could help',
  unresolved: 'kept the customer talking',
  lost: 'lost the customer',
};

/**
 * The reason in plain words, tied to what the learner did: "'Have you got the
 * receipt?' put procedure before the customer." Replies are quoted as said.
 */
export function describeLimit(
  reason: LimitReason,
  score: RunScore,
  scenario: Scenario,
  model: Model,
  catalogue: Catalogue,
): string {
  switch (reason.limit) {
    case 'missed-step': {
      const steps = reason.steps.map((id) => model.steps.find((step) => step.id === id)?.past ?? id);
      return `You never ${joinWords(steps)}: ${model.name} needs every step for Merit or Distinction.`;
    }
    case 'missed-essential': {
      const points = reason.points.map((id) => score.marking.find((point) => point.id === id)?.text ?? id);
      const what = points.length === 1 ? 'An essential point was' : 'Essential points were';
      return `${what} not met: ${joinWords(points.map((text) => `‘${text.replace(/\.$/, '')}’`))}.`;
    }
    case 'outcome': {
      const outcome = score.ending?.outcome ?? 'unresolved';
      const best = score.ending?.best ?? 'resolved';
      return `The complaint was ${ENDED[outcome]}, but you could have ${COULD_HAVE[best]}.`;
    }
    case 'fault':
    case 'critical-fault': {
      const sentences = reason.choices.map((id) => {
        const choice = scenario.choices.get(id);
        const acts = score.faults
          .filter((fault) => fault.choice === id)
          .filter((fault) => reason.limit === 'fault' || catalogue.acts.get(fault.act)?.critical === true)
          .map((fault) => catalogue.acts.get(fault.act)?.did ?? fault.act);
        return `‘${choice?.say ?? id}’ ${joinWords([...new Set(acts)])}.`;
      });
      const tail = reason.limit === 'critical-fault' ? ' A critical fault means Not yet achieved.' : '';
      return `${sentences.join(' ')}${tail}`;
    }
  }
}

/** The limits of a run in plain words: those that lowered the band, and those that hold without lowering it. */
export interface LimitSentences {
  readonly lowered: readonly string[];
  readonly held: readonly string[];
}

/**
 * Each limit of the run described once, split by whether it lowered the
 * band. A reply whose faults are all critical is named by the critical-fault
 * sentence only, not again by the fault one (the same words twice would read
 * as two mistakes).
 */
export function limitSentences(
  score: RunScore,
  scenario: Scenario,
  model: Model,
  catalogue: Catalogue,
): LimitSentences {
  const reasons = limitReasons(score, catalogue);
  const critical = new Set(reasons.find((reason) => reason.limit === 'critical-fault')?.choices ?? []);
  const lowered: string[] = [];
  const held: string[] = [];
  for (const reason of reasons) {
    const told =
      reason.limit !== 'fault'
        ? reason
        : {
            ...reason,
            choices: reason.choices.filter((id) => !critical.has(id) || hasLesserFault(score, id, catalogue)),
          };
    if (told.limit === 'fault' && told.choices.length === 0) continue;
    (reason.lowered ? lowered : held).push(describeLimit(told, score, scenario, model, catalogue));
  }
  return { lowered, held };
}

/** True when reply `id` has a fault that is not critical. */
function hasLesserFault(score: RunScore, id: string, catalogue: Catalogue): boolean {
  return score.faults.some(
    (fault) => fault.choice === id && catalogue.acts.get(fault.act)?.critical !== true,
  );
}

/**
 * One line for the top of a debrief: the percent and band and, when a limit
 * lowered the band, why: "87.5%, but Merit: ‘Have you got the receipt?’ put
 * procedure before the customer."
 */
export function bandHeadline(
  score: RunScore,
  scenario: Scenario,
  model: Model,
  catalogue: Catalogue,
): string {
  const { percent, band } = score.score;
  const { lowered } = limitSentences(score, scenario, model, catalogue);
  if (lowered.length === 0) return `${percent}%: ${band}.`;
  // After the colon the first sentence runs on: "…, but Pass: an essential point was not met …".
  const [first = '', ...rest] = lowered;
  const runOn = /^[A-Z][a-z]/.test(first) ? `${first.charAt(0).toLowerCase()}${first.slice(1)}` : first;
  return `${percent}%, but ${band}: ${[runOn, ...rest].join(' ')}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
