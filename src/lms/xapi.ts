import type { TranscriptEntry } from '../engine/index.ts';
import type { Catalogue, Model, Scenario } from '../scenario/index.ts';
import type { RunScore } from '../scoring/index.ts';
import { uriSegment } from './identifiers.ts';
import { lmsOutcome } from './outcome.ts';
import { replyMarks } from './replyMarks.ts';
import { isoDuration } from './time.ts';
import type { LmsMode } from './types.ts';
import type {
  LanguageMap,
  XapiActivity,
  XapiAgent,
  XapiContext,
  XapiResult,
  XapiStatement,
  XapiVerb,
} from './xapiTypes.ts';

/**
 * The simulator's own extension IRIs. `.invalid` is reserved (RFC 2606), so no
 * one else can ever own these names; they stay the same for every college, so
 * one LRS query works across deployments.
 */
export const XAPI_EXTENSION_BASE = 'https://complaint-handling-simulator.invalid/xapi/extensions/';
export const XAPI_EXTENSIONS = {
  /** On `answered`: the model steps the reply earned credit towards, `[{ id, credit }]`. */
  steps: `${XAPI_EXTENSION_BASE}steps`,
  /** On `answered`: the fault acts in the reply, `[{ act, penalty, critical }]`. */
  faults: `${XAPI_EXTENSION_BASE}faults`,
  /** On `answered`: the customer's mood, `{ before, after, change }`. */
  mood: `${XAPI_EXTENSION_BASE}mood`,
  /**
   * On `answered`, only when the learner typed their own reply first ("say it
   * your way"): `{ acts: [act id, ...] }`, the acts the reader found, and
   * `text` only when the tutor's lms-config.json opts in (`sayIt.recordText`).
   */
  said: `${XAPI_EXTENSION_BASE}said`,
  /** On `completed`/`passed`/`failed`: the contract's per-step scores, `steps[]` of `sim play --json`. */
  stepScores: `${XAPI_EXTENSION_BASE}step-scores`,
  /** On `completed`/`passed`/`failed`: `{ marks, max, percent, band }`. */
  band: `${XAPI_EXTENSION_BASE}band`,
  /** On `completed`/`passed`/`failed`: the run's faults, `faults[]` of `sim play --json`. */
  runFaults: `${XAPI_EXTENSION_BASE}run-faults`,
  /** In context: `practice` or `assessment`. */
  mode: `${XAPI_EXTENSION_BASE}mode`,
  /** In context: the complaint-handling model's id (LASS, LAST, HEAT, ...). */
  model: `${XAPI_EXTENSION_BASE}model`,
} as const;

/** ADL verbs (http://adlnet.gov/expapi/verbs/). */
export const VERBS = {
  launched: verb('launched'),
  answered: verb('answered'),
  completed: verb('completed'),
  passed: verb('passed'),
  failed: verb('failed'),
} as const;

const LANG = 'en-GB';
const SIMULATION = 'http://adlnet.gov/expapi/activities/simulation';
const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';

/** Who and where: the same for every statement of one attempt. */
export interface XapiAttempt {
  readonly actor: XapiAgent;
  /** Activity ids are made under this IRI (ends with `/`): the cmi5 AU's id or the tutor's base. */
  readonly activityBase: string;
  readonly scenario: Scenario;
  readonly model: Model;
  readonly mode: LmsMode;
  /** The attempt's registration UUID (cmi5 gives one; otherwise made once per attempt). */
  readonly registration?: string;
  /** Extra context activities the launcher requires (cmi5's context template), kept as given. */
  readonly contextTemplate?: XapiContext;
}

/** Statement id and time, chosen by the caller so these builders stay pure. */
export interface Stamp {
  readonly id?: string;
  readonly timestamp: Date;
}

/** The id of the scenario's activity. */
export function scenarioActivityId(attempt: Pick<XapiAttempt, 'activityBase' | 'scenario'>): string {
  return `${attempt.activityBase}scenarios/${uriSegment(attempt.scenario.id)}`;
}

/** `launched`: the learner opened this scenario. Not for cmi5, where the LMS sends it. */
export function launchedStatement(attempt: XapiAttempt, stamp: Stamp): XapiStatement {
  return statement(attempt, stamp, VERBS.launched, scenarioActivity(attempt));
}

/** `answered`: one reply, as a choice interaction of its node, with steps, faults and mood under our IRIs. */
/**
 * "Say it your way" at one reply, as `answered` may carry it: act ids, which
 * of them the reader was not sure of ("tutor to check": never a fault against
 * the learner, as in the debrief), and the text only if the tutor opted in.
 */
export interface SaidReport {
  readonly acts: readonly string[];
  readonly tutorToCheck: readonly string[];
  readonly text?: string;
}

export function answeredStatement(
  attempt: XapiAttempt,
  catalogue: Catalogue,
  entry: TranscriptEntry,
  stamp: Stamp,
  said?: SaidReport,
): XapiStatement {
  const { scenario } = attempt;
  const node = scenario.nodes.get(entry.node);
  const marks = replyMarks(entry.choice, attempt.model, catalogue);
  const object: XapiActivity = {
    objectType: 'Activity',
    id: `${scenarioActivityId(attempt)}/nodes/${uriSegment(entry.node)}`,
    definition: {
      type: INTERACTION,
      name: lang(`${scenario.title}: ${entry.node}`),
      ...(node === undefined || node.customer.length === 0
        ? {}
        : { description: lang(node.customer.join(' ')) }),
      interactionType: 'choice',
      choices:
        node?.kind === 'choices'
          ? node.choices.map((c) => ({ id: uriSegment(c.id), description: lang(c.say) }))
          : [],
    },
  };
  const result: XapiResult = {
    response: uriSegment(entry.choice.id),
    ...(marks.result === 'neutral' ? {} : { success: marks.result === 'correct' }),
    extensions: {
      [XAPI_EXTENSIONS.steps]: marks.steps,
      [XAPI_EXTENSIONS.faults]: marks.faults,
      [XAPI_EXTENSIONS.mood]: {
        before: entry.moodBefore,
        after: entry.moodAfter,
        change: entry.moodAfter - entry.moodBefore,
      },
      ...(said === undefined
        ? {}
        : {
            [XAPI_EXTENSIONS.said]: {
              acts: [...said.acts],
              tutorToCheck: [...said.tutorToCheck],
              ...(said.text === undefined ? {} : { text: said.text }),
            },
          }),
    },
  };
  return statement(attempt, stamp, VERBS.answered, object, result, [scenarioActivity(attempt)]);
}

/** `completed`: the conversation reached an ending; carries the per-step scores in both modes. */
export function completedStatement(
  attempt: XapiAttempt,
  score: RunScore,
  durationSeconds: number,
  stamp: Stamp,
): XapiStatement {
  return statement(attempt, stamp, VERBS.completed, scenarioActivity(attempt), {
    completion: true,
    duration: isoDuration(durationSeconds),
    extensions: runExtensions(score),
  });
}

/**
 * `passed` or `failed` for a finished assessment (null otherwise: practice is
 * not graded): scaled = percent / 100, raw = marks out of max, per-step
 * scores in the result's extensions.
 */
export function judgedStatement(
  attempt: XapiAttempt,
  score: RunScore,
  durationSeconds: number,
  stamp: Stamp,
): XapiStatement | null {
  const outcome = lmsOutcome(score, attempt.mode);
  if (outcome.success === 'unknown' || outcome.percent === null) return null;
  const passed = outcome.success === 'passed';
  return statement(attempt, stamp, passed ? VERBS.passed : VERBS.failed, scenarioActivity(attempt), {
    score: {
      scaled: Math.round(outcome.percent * 10) / 1000,
      raw: score.score.marks,
      min: 0,
      max: score.score.max,
    },
    success: passed,
    completion: true,
    duration: isoDuration(durationSeconds),
    extensions: runExtensions(score),
  });
}

function runExtensions(score: RunScore): Record<string, unknown> {
  return {
    [XAPI_EXTENSIONS.stepScores]: score.steps,
    [XAPI_EXTENSIONS.band]: score.score,
    [XAPI_EXTENSIONS.runFaults]: score.faults,
  };
}

function scenarioActivity(attempt: XapiAttempt): XapiActivity {
  return {
    objectType: 'Activity',
    id: scenarioActivityId(attempt),
    definition: {
      type: SIMULATION,
      name: lang(attempt.scenario.title),
      description: lang(attempt.scenario.summary),
    },
  };
}

function statement(
  attempt: XapiAttempt,
  stamp: Stamp,
  verbOf: XapiVerb,
  object: XapiActivity,
  result?: XapiResult,
  parent?: readonly XapiActivity[],
): XapiStatement {
  const template = attempt.contextTemplate;
  const context: XapiContext = {
    ...template,
    ...(attempt.registration === undefined ? {} : { registration: attempt.registration }),
    contextActivities: {
      ...template?.contextActivities,
      ...(parent === undefined
        ? {}
        : { parent: [...(template?.contextActivities?.parent ?? []), ...parent.map(bare)] }),
      category: [
        ...(template?.contextActivities?.category ?? []),
        { objectType: 'Activity', id: `${attempt.activityBase}models/${uriSegment(attempt.model.id)}` },
      ],
    },
    language: LANG,
    extensions: {
      ...template?.extensions,
      [XAPI_EXTENSIONS.mode]: attempt.mode,
      [XAPI_EXTENSIONS.model]: attempt.model.id,
    },
  };
  return {
    ...(stamp.id === undefined ? {} : { id: stamp.id }),
    actor: attempt.actor,
    verb: verbOf,
    object,
    ...(result === undefined ? {} : { result }),
    context,
    timestamp: stamp.timestamp.toISOString(),
  };
}

function bare(activity: XapiActivity): XapiActivity {
  return { objectType: 'Activity', id: activity.id };
}

function verb(name: string): XapiVerb {
  return { id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } };
}

function lang(text: string): LanguageMap {
  return { [LANG]: text };
}
