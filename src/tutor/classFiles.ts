import { VERBS, XAPI_EXTENSIONS } from '../lms/index.ts';
import { type Attempt, migrate } from '../progress/index.ts';

/**
 * Reading the files a tutor drops on the class view: learners' progress
 * exports (any version `migrate` reads: the importer's rules, not a copy of
 * them) and LRS statement exports (an array of xAPI statements, or
 * `{ statements: [...] }` as an LRS returns them). Pure: text in, records out.
 */

/** One file as the page read it. */
export interface ClassFile {
  readonly name: string;
  readonly text: string;
}

/** A file, or part of one, that could not be used, in words for the tutor. */
export interface FileProblem {
  readonly file: string;
  readonly reason: string;
}

/** A finished attempt from a progress export. */
export interface FileAttempt {
  readonly file: string;
  readonly learner: string;
  readonly attempt: Attempt;
}

/** One reply from an `answered` statement: where it was given, what, and when. */
export interface XapiAnswer {
  readonly node: string;
  readonly choice: string;
  readonly at: string;
}

/**
 * Every `answered` statement of one learner in one registration for one
 * scenario and model, oldest first: the replies of one or more attempts,
 * rebuilt against the scenario later (`xapiAttempts`).
 */
export interface XapiTrail {
  readonly file: string;
  readonly learner: string;
  readonly registration: string;
  readonly scenarioId: string;
  readonly model: string;
  readonly answers: readonly XapiAnswer[];
}

export interface ClassFiles {
  readonly attempts: readonly FileAttempt[];
  readonly trails: readonly XapiTrail[];
  readonly problems: readonly FileProblem[];
  /** Files that gave at least one attempt or statement. */
  readonly loaded: readonly string[];
  /** Attempts or statements seen twice (the same attempt id or statement id) and counted once. */
  readonly duplicates: number;
}

export const NOT_OURS = 'not a progress export or xAPI statements';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The line of a JSON syntax error, from the engine's message (a line, or a position) or the end of the text. */
export function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message);
  if (line?.[1] !== undefined) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  const at = position?.[1] === undefined ? text.length : Number(position[1]);
  return text.slice(0, at).split('\n').length;
}

/** Reads every file; a bad file is reported by name and the rest still load. */
export function readClassFiles(files: readonly ClassFile[]): ClassFiles {
  const attempts = new Map<string, FileAttempt>();
  const statements = new Map<string, { file: string; statement: Record<string, unknown> }>();
  const problems: FileProblem[] = [];
  const loaded: string[] = [];
  let duplicates = 0;
  for (const file of files) {
    const problem = (reason: string): void => {
      problems.push({ file: file.name, reason });
    };
    if (file.text.trim() === '') {
      problem('the file is empty');
      continue;
    }
    let value: unknown;
    let damagedAt: number | null = null;
    try {
      value = JSON.parse(file.text);
    } catch (error) {
      damagedAt = jsonErrorLine(file.text, error);
    }
    const statementList = damagedAt === null ? statementsIn(value) : null;
    if (statementList !== null) {
      const ours = statementList.filter(isOurStatement);
      if (ours.length === 0) {
        problem(NOT_OURS);
        continue;
      }
      for (const statement of ours) {
        const key = typeof statement.id === 'string' ? statement.id : JSON.stringify(statement);
        if (statements.has(key)) duplicates++;
        else statements.set(key, { file: file.name, statement });
      }
      loaded.push(file.name);
      continue;
    }
    // Progress: the importer's own reading, salvage of a damaged file included.
    const read = migrate(damagedAt === null ? value : file.text);
    if (read.status === 'newer') {
      problem(`made by a newer version of the simulator (format ${read.fromVersion ?? '?'})`);
      continue;
    }
    if (read.status === 'unreadable' || read.status === 'empty') {
      problem(damagedAt === null ? NOT_OURS : `damaged JSON at line ${damagedAt}; nothing could be read`);
      continue;
    }
    const kept = read.store.attempts.length;
    if (damagedAt !== null)
      problem(
        `damaged JSON at line ${damagedAt}; ${kept} ${kept === 1 ? 'attempt' : 'attempts'} before the damage kept`,
      );
    const bad = read.warnings.filter((w) => w.code === 'bad-record').length;
    if (bad > 0) problem(`${bad} damaged ${bad === 1 ? 'attempt' : 'attempts'} set aside`);
    const learner = read.store.learnerName ?? file.name.replace(/\.json$/i, '');
    for (const attempt of read.store.attempts) {
      const known = attempts.get(attempt.id);
      if (known !== undefined) {
        duplicates++;
        // The importer's rule: the later edit of the same attempt wins.
        if (known.attempt.updatedAt >= attempt.updatedAt) continue;
      }
      attempts.set(attempt.id, { file: file.name, learner, attempt });
    }
    loaded.push(file.name);
  }
  return {
    attempts: [...attempts.values()],
    trails: trailsOf([...statements.values()]),
    problems,
    loaded,
    duplicates,
  };
}

/** The statements of an LRS export, or null when the value is not one. */
function statementsIn(value: unknown): readonly unknown[] | null {
  const list = isRecord(value) && Array.isArray(value.statements) ? value.statements : value;
  if (!Array.isArray(list)) return null;
  return list;
}

const SCENARIO_IN_ID = /\/scenarios\/([^/]+)\/nodes\/([^/]+)$/;

/** An `answered` statement of ours: a reply at a node of a scenario, with our model extension. */
function isOurStatement(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || !isRecord(value.verb) || !isRecord(value.object)) return false;
  if (value.verb.id !== VERBS.answered.id) return false;
  if (typeof value.object.id !== 'string' || !SCENARIO_IN_ID.test(value.object.id)) return false;
  const result = value.result;
  const context = value.context;
  return (
    isRecord(result) &&
    typeof result.response === 'string' &&
    isRecord(context) &&
    isRecord(context.extensions) &&
    typeof context.extensions[XAPI_EXTENSIONS.model] === 'string' &&
    typeof value.timestamp === 'string' &&
    !Number.isNaN(Date.parse(value.timestamp))
  );
}

/** Who a statement is about, as one string: an account, a mailbox, or a name. */
function learnerOf(actor: unknown): string {
  if (!isRecord(actor)) return 'unknown learner';
  if (isRecord(actor.account) && typeof actor.account.name === 'string')
    return typeof actor.name === 'string' ? actor.name : actor.account.name;
  if (typeof actor.name === 'string') return actor.name;
  for (const key of ['mbox', 'mbox_sha1sum', 'openid'] as const) {
    const id = actor[key];
    if (typeof id === 'string') return id.replace(/^mailto:/, '');
  }
  return 'unknown learner';
}

/** An actor's identity for grouping (name alone is not an identity when an id is given). */
function actorKey(actor: unknown): string {
  if (!isRecord(actor)) return '';
  if (isRecord(actor.account))
    return `account:${String(actor.account.homePage)}|${String(actor.account.name)}`;
  for (const key of ['mbox', 'mbox_sha1sum', 'openid'] as const)
    if (typeof actor[key] === 'string') return `${key}:${actor[key]}`;
  return `name:${String(actor.name)}`;
}

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** Groups `answered` statements by learner, registration, scenario and model, oldest first. */
function trailsOf(items: readonly { file: string; statement: Record<string, unknown> }[]): XapiTrail[] {
  const groups = new Map<string, { trail: Omit<XapiTrail, 'answers'>; answers: XapiAnswer[] }>();
  for (const { file, statement } of items) {
    const object = statement.object as Record<string, unknown>;
    const match = SCENARIO_IN_ID.exec(String(object.id));
    const context = statement.context as Record<string, unknown>;
    const extensions = context.extensions as Record<string, unknown>;
    const result = statement.result as Record<string, unknown>;
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const scenarioId = decode(match[1]);
    const model = String(extensions[XAPI_EXTENSIONS.model]);
    const registration = typeof context.registration === 'string' ? context.registration : '';
    const key = [actorKey(statement.actor), registration, scenarioId, model].join('\u0000');
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        trail: { file, learner: learnerOf(statement.actor), registration, scenarioId, model },
        answers: [],
      };
      groups.set(key, group);
    }
    group.answers.push({
      node: decode(match[2]),
      choice: decode(String(result.response)),
      at: new Date(String(statement.timestamp)).toISOString(),
    });
  }
  return [...groups.values()].map(({ trail, answers }) => ({
    ...trail,
    // Stable: replies stamped in the same millisecond keep the export's order.
    answers: answers
      .map((answer, i) => ({ answer, i }))
      .sort((a, b) => (a.answer.at < b.answer.at ? -1 : a.answer.at > b.answer.at ? 1 : a.i - b.i))
      .map(({ answer }) => answer),
  }));
}
