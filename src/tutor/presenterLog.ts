/**
 * The class's votes in presenter mode, as pure data: one turn per reply the
 * class made, the hands counted for each reply offered, and who decided.
 * Going back keeps every turn (forward replays the same choice); deciding
 * differently at an earlier turn moves the later turns to `superseded`, so no
 * vote is ever lost.
 */

export interface VoteTurn {
  /** The node the class was at. */
  readonly node: string;
  /** The reply ids offered, in the order shown (A, B, C, ...). */
  readonly offered: readonly string[];
  /** Hands for each offered reply, aligned with `offered`. */
  readonly votes: readonly number[];
  readonly chosen: string | null;
  /** `votes`: the most hands; `tutor`: the tutor broke a tie or chose without votes. */
  readonly decidedBy: 'votes' | 'tutor' | null;
}

export interface SupersededTurn extends VoteTurn {
  /** 0-based turn position in the conversation. */
  readonly at: number;
}

export interface PresenterLog {
  readonly turns: readonly VoteTurn[];
  /** How many turns have been played: the session's transcript length. */
  readonly at: number;
  readonly superseded: readonly SupersededTurn[];
}

export type Tally =
  | { readonly kind: 'none' }
  | { readonly kind: 'winner'; readonly choice: string; readonly votes: number }
  | { readonly kind: 'tie'; readonly choices: readonly string[]; readonly votes: number };

export const EMPTY_LOG: PresenterLog = { turns: [], at: 0, superseded: [] };

/** A, B, C, ... Z, then AA, AB, ... (a node rarely has more than four replies). */
export function replyLetter(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26
    ? (letters[index] ?? '?')
    : `${replyLetter(Math.floor(index / 26) - 1)}${replyLetter(index % 26)}`;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => b[i] === id);

/** Makes sure the current turn is for `node` with `offered`; a turn kept from earlier keeps its votes. */
export function openTurn(log: PresenterLog, node: string, offered: readonly string[]): PresenterLog {
  const turn = log.turns[log.at];
  if (turn !== undefined && turn.node === node && sameList(turn.offered, offered)) return log;
  const fresh: VoteTurn = {
    node,
    offered: [...offered],
    votes: offered.map(() => 0),
    chosen: null,
    decidedBy: null,
  };
  return { ...log, turns: [...log.turns.slice(0, log.at), fresh], superseded: supersede(log, log.at) };
}

/** Sets the hands for the current turn: counts are whole numbers from 0. */
export function setVotes(log: PresenterLog, votes: readonly number[]): PresenterLog {
  const turn = log.turns[log.at];
  if (turn === undefined) return log;
  const clean = turn.offered.map((_, i) => {
    const n = votes[i] ?? 0;
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  });
  return { ...log, turns: log.turns.map((t, i) => (i === log.at ? { ...t, votes: clean } : t)) };
}

/** Adds one hand to a reply of the current turn (click to tally). */
export function addVote(log: PresenterLog, choiceId: string, by = 1): PresenterLog {
  const turn = log.turns[log.at];
  if (turn === undefined) return log;
  return setVotes(
    log,
    turn.votes.map((n, i) => (turn.offered[i] === choiceId ? Math.max(0, n + by) : n)),
  );
}

/** The class's choice: the reply with most hands, a tie for the tutor to break, or none when nobody voted. */
export function tallyVotes(turn: VoteTurn): Tally {
  const most = Math.max(0, ...turn.votes);
  if (most === 0) return { kind: 'none' };
  const top = turn.offered.filter((_, i) => turn.votes[i] === most);
  const first = top[0];
  if (top.length === 1 && first !== undefined) return { kind: 'winner', choice: first, votes: most };
  return { kind: 'tie', choices: top, votes: most };
}

/**
 * Records the reply played at the current turn and moves on. A different
 * choice than the one recorded before makes the later turns superseded.
 */
export function decide(log: PresenterLog, choiceId: string, by: 'votes' | 'tutor'): PresenterLog {
  const turn = log.turns[log.at];
  if (turn === undefined || !turn.offered.includes(choiceId)) return log;
  const keepFuture = turn.chosen === choiceId;
  const decided: VoteTurn = { ...turn, chosen: choiceId, decidedBy: by };
  const superseded =
    keepFuture || turn.chosen === null ? [...log.superseded] : [...log.superseded, { ...turn, at: log.at }];
  const later = keepFuture ? log.turns.slice(log.at + 1) : [];
  if (!keepFuture)
    superseded.push(
      ...log.turns
        .slice(log.at + 1)
        .filter((t) => t.chosen !== null)
        .map((t, i) => ({ ...t, at: log.at + 1 + i })),
    );
  return {
    turns: [...log.turns.slice(0, log.at), decided, ...later],
    at: log.at + 1,
    superseded,
  };
}

/** One turn back; every turn is kept. */
export function back(log: PresenterLog): PresenterLog {
  return log.at === 0 ? log : { ...log, at: log.at - 1 };
}

/** The reply to replay to go one turn forward, if the class already decided it. */
export function forwardChoice(log: PresenterLog): string | null {
  return log.turns[log.at]?.chosen ?? null;
}

/** One turn forward (after the caller replayed `forwardChoice`). */
export function forward(log: PresenterLog): PresenterLog {
  return forwardChoice(log) === null ? log : { ...log, at: log.at + 1 };
}

/** The turns actually played, in order: what the debrief shows. */
export function playedTurns(log: PresenterLog): readonly VoteTurn[] {
  return log.turns.slice(0, log.at);
}

function supersede(log: PresenterLog, from: number): SupersededTurn[] {
  return [
    ...log.superseded,
    ...log.turns
      .slice(from)
      .map((t, i) => ({ ...t, at: from + i }))
      .filter((t) => t.chosen !== null),
  ];
}
