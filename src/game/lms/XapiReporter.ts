import type { ConversationView } from '../../engine/index.ts';
import {
  answeredStatement,
  completedStatement,
  judgedStatement,
  launchedStatement,
  type SaidReport,
  type Stamp,
  type XapiAgent,
  type XapiAttempt,
  type XapiContext,
  type XapiStatement,
} from '../../lms/index.ts';
import { hasCriticalFault, scoreRun } from '../../scoring/index.ts';
import type { RunChange, TrackedRunListener, TrackedSaid, TrackRequest } from './LmsBridge.ts';

/** Who the statements are about and where their activities live. */
export interface XapiIdentity {
  readonly actor: XapiAgent;
  readonly activityBase: string;
  readonly registration?: string;
  readonly contextTemplate?: XapiContext;
  /** The tutor's config opts in to the learner's typed replies ("say it your way"); otherwise act ids only. */
  readonly recordSaidText?: boolean;
}

/** Where finished statements go: the plain sender, or a cmi5 session. */
export interface StatementSink {
  /** Anything the learner did: launched (plain xAPI only) and answered. */
  record(statement: XapiStatement): void;
  /**
   * The end of a run: `completed`, and `passed`/`failed` for an assessment.
   * A cmi5 sink sends these through the cmi5 session (its own defined statements).
   */
  finished(
    completed: XapiStatement,
    judged: XapiStatement | null,
    info: { readonly critical: boolean },
  ): void;
  /** Whether this sink sends `launched` (cmi5 does not: the LMS does). */
  readonly sendsLaunched: boolean;
}

/**
 * Turns each tracked run into xAPI statements: launched, one answered per
 * reply, completed, passed/failed. Which replies are new, and when each
 * happened, is the bridge's to say (`RunChange`): a reply the LRS already
 * holds (replayed on resume or "try again from here") is not sent again, and
 * a reporter that joined late stamps each statement with when it happened.
 */
export class XapiReporter implements TrackedRunListener {
  private startedAt = 0;
  private ended = false;

  constructor(
    private readonly identity: XapiIdentity,
    private readonly sink: StatementSink,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  started(request: TrackRequest, at: number): void {
    this.startedAt = at;
    this.ended = false;
    if (this.sink.sendsLaunched) this.sink.record(launchedStatement(this.attempt(request), this.stamp(at)));
  }

  changed(view: ConversationView, request: TrackRequest, change: RunChange): void {
    const attempt = this.attempt(request);
    // After an undo (practice) the transcript is shorter and nothing is new: the taken-back reply stays recorded.
    for (let i = change.fromEntry; i < view.transcript.length; i += 1) {
      const entry = view.transcript[i];
      const at = change.answeredAt[i]?.getTime() ?? change.at;
      if (entry === undefined) continue;
      // Say it your way: what the reader found in the learner's own words at this reply (see `saidReport`).
      const said = saidReport(request.said?.(i), entry.choice.id, this.identity.recordSaidText === true);
      this.sink.record(answeredStatement(attempt, request.catalogue, entry, this.stamp(at), said));
    }
    if (view.ending !== null && !this.ended) {
      this.ended = true;
      const score = scoreRun(view.scenario, view.run, request.model, request.catalogue);
      const seconds = (change.at - this.startedAt) / 1000;
      this.sink.finished(
        completedStatement(attempt, score, seconds, this.stamp(change.at)),
        judgedStatement(attempt, score, seconds, this.stamp(change.at)),
        { critical: hasCriticalFault(score.faults, request.catalogue) },
      );
    }
  }

  private attempt(request: TrackRequest): XapiAttempt {
    const { identity } = this;
    return {
      actor: identity.actor,
      activityBase: identity.activityBase,
      scenario: request.scenario,
      model: request.model,
      mode: request.mode,
      ...(identity.registration === undefined ? {} : { registration: identity.registration }),
      ...(identity.contextTemplate === undefined ? {} : { contextTemplate: identity.contextTemplate }),
    };
  }

  private stamp(at: number): Stamp {
    return { id: this.newId(), timestamp: new Date(at) };
  }
}

/**
 * The "say it your way" entry of a reply as the statement carries it: the act
 * ids found (each once), those any reading of which was not sure (each once),
 * and the typed text only when the tutor opted in.
 * Nothing for a reply the learner did not type first, or an entry for another reply.
 */
function saidReport(
  said: TrackedSaid | undefined,
  choiceId: string,
  withText: boolean,
): SaidReport | undefined {
  if (said === undefined || said.picked !== choiceId) return undefined;
  const acts = [...new Set(said.acts.map((a) => a.act))];
  const tutorToCheck = [...new Set(said.acts.filter((a) => a.check !== 'sure').map((a) => a.act))];
  return withText ? { acts, tutorToCheck, text: said.text } : { acts, tutorToCheck };
}
