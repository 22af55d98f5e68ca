import { z } from 'zod/mini';
import { seedFromText } from '../engine/index.ts';
import { OUTCOMES } from '../scenario/index.ts';
import type { Band } from '../scoring/index.ts';

// zod/mini: the same checks as zod at a third of the size, on the page every learner loads (scripts/budgets.ts).
// No eval: zod's optional compiled fast path probes `new Function`, which the app's CSP refuses (and reports).
z.config({ jitless: true });

/**
 * The saved-progress records. The schema is the type: every record read back
 * from storage or an import file is checked against these before it is used.
 */

/** The version this build writes. Older versions are migrated; newer ones are refused untouched. */
export const SCHEMA_VERSION = 3;

/**
 * The scoring rules this build scores by (the contract's "scoring v2"). An
 * attempt records the rules that gave its band, percent and step marks: 1 for
 * the earlier rules, which every attempt saved before schema 3 is taken to
 * have (schema 2 did not say).
 */
export const SCORING_RULES = 2;

const Id = z.string().check(z.minLength(1), z.maxLength(200));
const Text = z.string().check(z.maxLength(5_000));
const IsoDate = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'not a date'));
/** The seed that shuffles a run's replies on screen (engine `replyOrder`): a 32-bit unsigned integer. */
const Seed = z.int().check(z.minimum(0), z.maximum(0xffff_ffff));

/** Records saved before runs kept a seed get one derived from their id: the same on every load. */
function withSeed<T extends { readonly id: string; readonly seed?: number | undefined }>(
  record: T,
): T & { seed: number } {
  return { ...record, seed: record.seed ?? seedFromText(record.id) };
}

/** Scoring's bands (one `Band` type: scoring's), as stored records are checked against them. */
export const BandSchema = z.enum([
  'Distinction',
  'Merit',
  'Pass',
  'Not yet achieved',
] as const satisfies readonly Band[]);
export const ModeSchema = z.enum(['practice', 'assessment']);
export const RatingSchema = z.enum(['not-done', 'partly', 'fully']);

/** One model step of a finished attempt. */
export const StepMarkSchema = z.object({
  id: Id,
  name: z.string().check(z.maxLength(200)),
  performed: z.number().check(z.minimum(0), z.maximum(1)),
  marks: z.number().check(z.minimum(0), z.maximum(2)),
  max: z.number().check(z.positive(), z.maximum(2)),
});

/** Which scoring rules scored a result: 1 (the earlier rules) up to this build's. */
const ScoringRulesSchema = z.int().check(z.minimum(1), z.maximum(SCORING_RULES));

/** The contract's band limits (scoring v2), in its table's order. */
export const LimitIdSchema = z.enum([
  'missed-step',
  'missed-essential',
  'outcome',
  'fault',
  'critical-fault',
]);

/** Schema 2: the attempt scored against one model, without the limits that held. */
const ModelResultV2Schema = z.object({
  model: Id,
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  band: BandSchema,
  steps: z.array(StepMarkSchema),
});

/**
 * The attempt scored against one model (every model is kept, so history can
 * compare them). `limits`: the band limits that held, in the contract's
 * order; null when not known (scored under the earlier rules, which did not
 * record them).
 */
export const ModelResultSchema = z.object({
  ...ModelResultV2Schema.shape,
  limits: z.nullable(z.array(LimitIdSchema)),
});

/** A hint the learner asked for: before reply `at` (0-based), at `node`, about `step`, at ladder `level`. */
export const HintUseSchema = z.object({
  at: z.int().check(z.minimum(0)),
  node: Id,
  step: Id,
  level: z.int().check(z.minimum(1), z.maximum(3)),
});

/**
 * "Say it your way" (optional, issue 19): at reply `at` (0-based), at `node`,
 * what the learner typed before the replies were shown, the acts the reader
 * found in it with the words as evidence and how sure the reader was of each
 * (`check`: `sure`, or `tutor` for "tutor to check"), the offered reply closest to it
 * (pre-selected; null when none was close) and the reply they then chose.
 * Kept on the device only; records from before it simply have none.
 */
export const SaidSchema = z.object({
  at: z.int().check(z.minimum(0)),
  node: Id,
  text: z.string().check(z.maxLength(2_000)),
  acts: z.array(
    z.object({
      act: Id,
      evidence: z.string().check(z.maxLength(2_000)),
      // How sure the reader was: 'tutor' is "tutor to check", never counted against the learner.
      // Optional: records saved before it have none (shown as "tutor to check"); an older build drops it.
      check: z.optional(z.enum(['sure', 'tutor'])),
    }),
  ),
  closest: z.nullable(Id),
  picked: Id,
});

/**
 * "Rehearse aloud" (src/game/rehearse): at the turn before reply `at`
 * (0-based), at `node`, the learner spoke a reply and ticked the model's steps
 * they think they performed (`steps`, step ids), and whether a recording was
 * kept (`recorded`). Self-marks only: the audio is never part of a record.
 * Optional on runs and attempts, so records saved before it still load.
 */
export const RehearsalSchema = z.object({
  at: z.int().check(z.minimum(0)),
  node: Id,
  steps: z.array(Id).check(z.maxLength(20)),
  recorded: z.boolean(),
});

/** Assessment mode: the learner rates each step and predicts a band before seeing the debrief. */
export const SelfAssessmentSchema = z.object({
  steps: z.record(Id, RatingSchema),
  predictedBand: BandSchema,
});

/** What went well, even better if, and one action planned as Plan–Do–Check–Act. */
export const ReflectionSchema = z.object({
  wentWell: Text,
  evenBetterIf: Text,
  plan: Text,
  do: Text,
  check: Text,
  act: Text,
});

export const KpisSchema = z.object({
  csat: z.int().check(z.minimum(1), z.maximum(5)),
  npsScore: z.int().check(z.minimum(0), z.maximum(10)),
  nps: z.enum(['promoter', 'passive', 'detractor']),
  fcr: z.boolean(),
});

export const MarkingSchema = z.object({
  id: Id,
  text: z.string().check(z.maxLength(1_000)),
  /** Scoring v2: an assessor would not pass without it. Records written before v2 read as false. */
  essential: z._default(z.boolean(), false),
  met: z.boolean(),
});

/** What schema 2 and 3 attempts share; schema 3 adds the scoring rules and limits. */
const attemptV2Shape = {
  id: Id,
  scenarioId: Id,
  scenarioTitle: z.string().check(z.maxLength(300)),
  fingerprint: z.string().check(z.maxLength(100)),
  model: Id,
  mode: ModeSchema,
  startedAt: IsoDate,
  finishedAt: IsoDate,
  updatedAt: IsoDate,
  choices: z.array(Id),
  ending: z.nullable(z.object({ node: Id, outcome: z.enum(OUTCOMES) })),
  band: BandSchema,
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  results: z.array(ModelResultV2Schema).check(z.minLength(1)),
  kpis: z.nullable(KpisSchema),
  marking: z.array(MarkingSchema),
  hints: z.array(HintUseSchema),
  selfAssessment: z.nullable(SelfAssessmentSchema),
  reflection: z.nullable(ReflectionSchema),
  /** The attempt this one was branched from ("try again from here"), and the reply it branched at (0-based). */
  parentId: z.nullable(Id),
  forkAt: z.nullable(z.int().check(z.minimum(0))),
  seed: z.optional(Seed),
  said: z.optional(z.array(SaidSchema)),
};

/**
 * What an attempt was first shown as, kept when it is rescored under the
 * current rules so nothing the learner saw is lost: the rules, the band and
 * percent, every model's result and the marking points, and when it was rescored.
 */
export const EarlierScoreSchema = z.object({
  scoring: ScoringRulesSchema,
  band: BandSchema,
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  results: z.array(ModelResultSchema).check(z.minLength(1)),
  kpis: z.nullable(KpisSchema),
  marking: z.array(MarkingSchema),
  rescoredAt: IsoDate,
});

/** Under the current rules every result knows its limits; a rescored attempt is under the current rules. */
function scoringAgrees(attempt: {
  readonly scoring: number;
  readonly results: readonly { readonly limits: readonly string[] | null }[];
  readonly earlier: unknown;
}): boolean {
  if (attempt.scoring === SCORING_RULES) return attempt.results.every((result) => result.limits !== null);
  return attempt.earlier === null;
}

/**
 * A finished attempt. `band` and `percent` are for the model it was played under.
 * `seed` is the run's reply-order seed, so "try again from here" shows the same order.
 * `scoring` is the rules that gave `band`, `percent` and `results`; `earlier`
 * is what it was first shown as when it has since been rescored, else null.
 */
export const AttemptSchema = z.pipe(
  z
    .object({
      ...attemptV2Shape,
      results: z.array(ModelResultSchema).check(z.minLength(1)),
      scoring: ScoringRulesSchema,
      earlier: z.nullable(EarlierScoreSchema),
      /** Rehearse aloud: the self-marks per turn (absent when the learner never rehearsed). */
      rehearsed: z.optional(z.array(RehearsalSchema)),
    })
    .check(z.refine(scoringAgrees, 'scoring: the rules and the limits or earlier score disagree')),
  z.transform(withSeed),
);

/**
 * The run in progress, saved after every reply so a reload can resume it.
 * `seed` shuffles its replies on screen, so a resumed run shows the same order.
 */
export const SavedRunSchema = z.pipe(
  z.object({
    id: Id,
    scenarioId: Id,
    fingerprint: z.string().check(z.maxLength(100)),
    model: Id,
    mode: ModeSchema,
    choices: z.array(Id),
    startedAt: IsoDate,
    updatedAt: IsoDate,
    hints: z.array(HintUseSchema),
    parentId: z.nullable(Id),
    forkAt: z.nullable(z.int().check(z.minimum(0))),
    seed: z.optional(Seed),
    said: z.optional(z.array(SaidSchema)),
    /** Rehearse aloud: the self-marks per turn (absent when the learner never rehearsed). */
    rehearsed: z.optional(z.array(RehearsalSchema)),
  }),
  z.transform(withSeed),
);

export type { Band };
export type Mode = z.infer<typeof ModeSchema>;
export type Rating = z.infer<typeof RatingSchema>;
export type StepMark = z.infer<typeof StepMarkSchema>;
export type ModelResult = z.infer<typeof ModelResultSchema>;
export type LimitId = z.infer<typeof LimitIdSchema>;
export type EarlierScore = z.infer<typeof EarlierScoreSchema>;
export type HintUse = z.infer<typeof HintUseSchema>;
export type Said = z.infer<typeof SaidSchema>;
export type Rehearsal = z.infer<typeof RehearsalSchema>;
export type SelfAssessment = z.infer<typeof SelfAssessmentSchema>;
export type Reflection = z.infer<typeof ReflectionSchema>;
export type Attempt = z.infer<typeof AttemptSchema>;
export type SavedRun = z.infer<typeof SavedRunSchema>;

/** Everything saved, as one document (storage keeps it as separate records; export writes it whole). */
export interface Store {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  /** Finished attempts, oldest first. */
  readonly attempts: readonly Attempt[];
  readonly run: SavedRun | null;
  /** Optional, typed by the learner for the evidence record; never leaves the browser. */
  readonly learnerName: string | null;
}

export function emptyStore(): Store {
  return { schemaVersion: SCHEMA_VERSION, attempts: [], run: null, learnerName: null };
}

/** Version 2: as version 3 without the scoring rules, the limits or an earlier score (all scored by the earlier rules). */
export const AttemptV2Schema = z.pipe(z.object(attemptV2Shape), z.transform(withSeed));
export type AttemptV2 = z.infer<typeof AttemptV2Schema>;

/** Version 1 (the first draft format): one model's steps per attempt, no fingerprint, no self-assessment. */
export const AttemptV1Schema = z.object({
  id: Id,
  date: IsoDate,
  scenarioId: Id,
  model: Id,
  mode: ModeSchema,
  choices: z.array(Id),
  band: BandSchema,
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  steps: z.array(
    z.object({
      id: Id,
      name: z.string().check(z.maxLength(200)),
      marks: z.number().check(z.minimum(0), z.maximum(2)),
      max: z.number(),
    }),
  ),
});

export const SavedRunV1Schema = z.object({
  scenarioId: Id,
  model: Id,
  mode: ModeSchema,
  choices: z.array(Id),
  startedAt: IsoDate,
});
