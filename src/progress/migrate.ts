import type { z } from 'zod/mini';
import { seedFromText } from '../engine/index.ts';
import { salvageJson } from './salvageJson.ts';
import {
  type Attempt,
  AttemptSchema,
  AttemptV1Schema,
  type AttemptV2,
  AttemptV2Schema,
  emptyStore,
  type SavedRun,
  SavedRunSchema,
  SavedRunV1Schema,
  SCHEMA_VERSION,
  type Store,
} from './schema.ts';

/** Something the learner (or a test) should know about what was read. */
export interface MigrationWarning {
  readonly code:
    | 'unreadable'
    | 'cut-short'
    | 'not-progress'
    | 'newer-version'
    | 'bad-record'
    | 'bad-run'
    | 'bad-name'
    | 'duplicate';
  readonly message: string;
  /** Where in the document, e.g. `attempts[3]`. */
  readonly path?: string;
}

/**
 * - `ok`: read as it was; `migrated`: an older version, upgraded; `salvaged`:
 *   damaged, and the good records were kept; `newer`: written by a newer
 *   version and refused (the caller must leave it untouched); `empty`: nothing
 *   saved; `unreadable`: nothing could be read.
 */
export type MigrationStatus = 'ok' | 'migrated' | 'salvaged' | 'newer' | 'empty' | 'unreadable';

export interface MigrationResult {
  readonly store: Store;
  readonly status: MigrationStatus;
  readonly fromVersion: number | null;
  readonly warnings: readonly MigrationWarning[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod/mini carries no message texts (its English locale would add to every learner's first load): these are ours. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'number' ? `more than ${issue.maximum}` : `longer than ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'number' ? `less than ${issue.minimum}` : `shorter than ${issue.minimum}`;
    case 'invalid_value':
      return `not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return 'not valid';
  }
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(record)'}: ${describeIssue(issue)}`)
    .join('; ');
}

/**
 * Reads saved progress of any version (a parsed value or JSON text) and returns
 * a current `Store`. Never throws. Each record is checked on its own: good
 * ones are kept, bad ones reported. A newer version is refused, not guessed at.
 */
export function migrate(raw: unknown): MigrationResult {
  try {
    return migrateUnsafe(raw);
  } catch (error) {
    // A programmer error in a migration must not stop the app starting.
    return {
      store: emptyStore(),
      status: 'unreadable',
      fromVersion: null,
      warnings: [{ code: 'unreadable', message: `The saved progress could not be read (${String(error)}).` }],
    };
  }
}

function migrateUnsafe(raw: unknown): MigrationResult {
  const warnings: MigrationWarning[] = [];
  let value = raw;
  let cut = false;
  if (raw === undefined || raw === null || raw === '') {
    return { store: emptyStore(), status: 'empty', fromVersion: null, warnings };
  }
  if (typeof raw === 'string') {
    const salvaged = salvageJson(raw);
    if (!salvaged.ok) {
      warnings.push({
        code: 'unreadable',
        message: 'The saved progress is not readable JSON; nothing could be kept.',
      });
      return { store: emptyStore(), status: 'unreadable', fromVersion: null, warnings };
    }
    value = salvaged.value;
    cut = salvaged.cut;
    if (cut) {
      warnings.push({
        code: 'cut-short',
        message:
          'The saved progress was cut off or damaged part-way; the records before the damage were kept.',
      });
    }
  }
  if (!isRecord(value) || typeof value.schemaVersion !== 'number' || !Number.isInteger(value.schemaVersion)) {
    warnings.push({ code: 'not-progress', message: 'This is not saved progress from the simulator.' });
    return { store: emptyStore(), status: 'unreadable', fromVersion: null, warnings };
  }
  const version = value.schemaVersion;
  if (version > SCHEMA_VERSION) {
    warnings.push({
      code: 'newer-version',
      message: `This progress was saved by a newer version of the simulator (format ${version}; this one reads up to ${SCHEMA_VERSION}). It has been left as it was.`,
    });
    return { store: emptyStore(), status: 'newer', fromVersion: version, warnings };
  }
  if (version < 1) {
    warnings.push({ code: 'not-progress', message: `Format ${version} was never used by the simulator.` });
    return { store: emptyStore(), status: 'unreadable', fromVersion: version, warnings };
  }

  const upgradeAttempt = version === 1 ? attemptFromV1 : version === 2 ? attemptFromV2 : attemptFromV3;
  // Runs did not change in version 3: a run is scored only when it finishes.
  const upgradeRun = version === 1 ? runFromV1 : runFromV2;

  const attempts = new Map<string, Attempt>();
  const rawAttempts = Array.isArray(value.attempts) ? value.attempts : [];
  if (value.attempts !== undefined && !Array.isArray(value.attempts)) {
    warnings.push({ code: 'bad-record', path: 'attempts', message: 'The list of attempts is not a list.' });
  }
  for (const [i, item] of rawAttempts.entries()) {
    const result = upgradeAttempt(item);
    if (!result.ok) {
      warnings.push({
        code: 'bad-record',
        path: `attempts[${i}]`,
        message: `Attempt ${i + 1} is damaged and was set aside (${result.message}).`,
      });
      continue;
    }
    const known = attempts.get(result.attempt.id);
    if (known !== undefined) {
      warnings.push({
        code: 'duplicate',
        path: `attempts[${i}]`,
        message: `Attempt ${i + 1} was saved twice.`,
      });
      if (known.updatedAt >= result.attempt.updatedAt) continue;
    }
    attempts.set(result.attempt.id, result.attempt);
  }

  let run: SavedRun | null = null;
  if (value.run !== undefined && value.run !== null) {
    const result = upgradeRun(value.run);
    if (result.ok) run = result.run;
    else
      warnings.push({
        code: 'bad-run',
        path: 'run',
        message: `The unfinished role-play is damaged and cannot be resumed (${result.message}).`,
      });
  }

  let learnerName: string | null = null;
  if (typeof value.learnerName === 'string' && value.learnerName.length <= 200)
    learnerName = value.learnerName;
  else if (value.learnerName !== undefined && value.learnerName !== null)
    warnings.push({ code: 'bad-name', path: 'learnerName', message: 'The saved learner name was not text.' });

  const sorted = [...attempts.values()].sort((a, b) =>
    a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0,
  );
  const damaged = cut || warnings.some((w) => w.code !== 'duplicate');
  const status: MigrationStatus = damaged ? 'salvaged' : version < SCHEMA_VERSION ? 'migrated' : 'ok';
  return {
    store: { schemaVersion: SCHEMA_VERSION, attempts: sorted, run, learnerName },
    status,
    fromVersion: version,
    warnings,
  };
}

type Upgraded<K extends string, T> = ({ ok: true } & Record<K, T>) | { ok: false; message: string };

function attemptFromV3(item: unknown): Upgraded<'attempt', Attempt> {
  const parsed = AttemptSchema.safeParse(item);
  return parsed.success
    ? { ok: true, attempt: parsed.data }
    : { ok: false, message: describeIssues(parsed.error) };
}

function attemptFromV2(item: unknown): Upgraded<'attempt', Attempt> {
  const parsed = AttemptV2Schema.safeParse(item);
  return parsed.success
    ? attemptFromV3(v3FromV2(parsed.data))
    : { ok: false, message: describeIssues(parsed.error) };
}

/**
 * v2 → v3: everything kept as it was. Version 2 did not record the scoring
 * rules, so the attempt is taken as scored by the earlier rules (scoring 1),
 * whose limits are not known. Rescoring (`rescoreAttempts`) may bring it up
 * to date later, when its run still replays on the same scenario.
 */
function v3FromV2(old: AttemptV2): Attempt {
  return {
    ...old,
    results: old.results.map((result) => ({ ...result, limits: null })),
    scoring: 1,
    earlier: null,
  };
}

function runFromV2(item: unknown): Upgraded<'run', SavedRun> {
  const parsed = SavedRunSchema.safeParse(item);
  return parsed.success
    ? { ok: true, run: parsed.data }
    : { ok: false, message: describeIssues(parsed.error) };
}

/** v1 → v2 → v3: the one model's steps become its result; unknowns (fingerprint, KPIs, hints) stay empty. */
function attemptFromV1(item: unknown): Upgraded<'attempt', Attempt> {
  const parsed = AttemptV1Schema.safeParse(item);
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const old = parsed.data;
  const attempt: AttemptV2 = {
    id: old.id,
    scenarioId: old.scenarioId,
    scenarioTitle: old.scenarioId,
    fingerprint: '',
    model: old.model,
    mode: old.mode,
    startedAt: old.date,
    finishedAt: old.date,
    updatedAt: old.date,
    choices: old.choices,
    ending: null,
    band: old.band,
    percent: old.percent,
    results: [
      {
        model: old.model,
        percent: old.percent,
        band: old.band,
        steps: old.steps.map((s) => ({
          id: s.id,
          name: s.name,
          // v1 kept marks only: a step with any marks was performed; how fully is not known.
          performed: s.marks > 0 ? 1 : 0,
          marks: s.marks,
          max: s.max,
        })),
      },
    ],
    kpis: null,
    marking: [],
    hints: [],
    selfAssessment: null,
    reflection: null,
    parentId: null,
    forkAt: null,
    seed: seedFromText(old.id),
  };
  return attemptFromV2(attempt);
}

/** v1 runs had no id or fingerprint: the run is kept, and resuming will find it stale and say so. */
function runFromV1(item: unknown): Upgraded<'run', SavedRun> {
  const parsed = SavedRunV1Schema.safeParse(item);
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const old = parsed.data;
  return runFromV2({
    id: `v1-${old.startedAt}`,
    scenarioId: old.scenarioId,
    fingerprint: '',
    model: old.model,
    mode: old.mode,
    choices: old.choices,
    startedAt: old.startedAt,
    updatedAt: old.startedAt,
    hints: [],
    parentId: null,
    forkAt: null,
  });
}
