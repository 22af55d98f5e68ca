import type { ForkReview, ReplyReview } from '../../../progress/index.ts';
import type { Catalogue, Choice, Model, Scenario } from '../../../scenario/index.ts';
import { BANDS, describeLimit, limitReasons, type RunScore, stepNotes } from '../../../scoring/index.ts';
import { STRINGS } from '../../strings.ts';

const S = STRINGS.debrief.coach;

/** One line of "What went well" or "What you missed", tied to the reply it is about where there is one. */
export interface CoachLine {
  readonly text: string;
  /** 1-based number of the learner's reply this line is about, and what it said. */
  readonly reply: { readonly number: number; readonly say: string } | null;
  /** A marking point the marks cannot do without, or a mistake. */
  readonly tag: 'essential' | 'mistake' | null;
}

/** A fork that cost the learner: what they said, the stronger line, and what each could still lead to. */
export interface NextTimeLine {
  /** 0-based position of the reply in the run (what "try again from here" branches at). */
  readonly position: number;
  readonly chosen: Choice;
  readonly better: Choice;
  /** The best result the stronger line could still reach; null if the search found none. */
  readonly betterReach: { readonly band: RunScore['score']['band']; readonly percent: number } | null;
  /** The best result the learner's reply could still reach; null when no complete run followed it. */
  readonly chosenReach: { readonly band: RunScore['score']['band']; readonly percent: number } | null;
}

export interface Coaching {
  readonly wentWell: readonly CoachLine[];
  readonly missed: readonly CoachLine[];
  readonly nextTime: readonly NextTimeLine[];
  /** False when the search behind "next time" hit its limits. */
  readonly exhaustive: boolean;
}

/** At most this many "next time" lines: the forks that cost most. */
export const NEXT_TIME_MAX = 3;

/**
 * The coaching card's content, from the scored run and the review of its
 * replies. Every step says one thing only (scoring's `stepNotes`), so a step
 * is never both "went well" and "missed"; the sentences are scoring's own
 * (`explainSteps`, `describeLimit`) or the marking points in the learner's
 * words, so the card agrees with the reason beside the band.
 */
export function coachingFor(
  score: RunScore,
  scenario: Scenario,
  model: Model,
  catalogue: Catalogue,
  review: ReplyReview | null,
): Coaching {
  const replyAt = (position: number | null): CoachLine['reply'] => {
    if (position === null) return null;
    const id = score.choices[position];
    const choice = id === undefined ? undefined : scenario.choices.get(id);
    return choice === undefined ? null : { number: position + 1, say: choice.say };
  };
  const wentWell: CoachLine[] = [];
  // Missed, most serious first: mistakes (tied to their reply), steps, essential points, other points, the ending.
  const mistakes: CoachLine[] = [];
  const steps: CoachLine[] = [];
  const points: CoachLine[] = [];
  for (const note of stepNotes(score, model)) {
    for (const text of note.lines)
      (note.well ? wentWell : steps).push({ text, reply: note.well ? null : replyAt(note.at), tag: null });
  }
  const marking = [...score.marking].sort((a, b) => Number(b.essential) - Number(a.essential));
  for (const point of marking) {
    if (point.met) wentWell.push({ text: S.pointMet(point.text), reply: null, tag: null });
    else
      points.push({
        text: S.pointMissed(point.text),
        reply: null,
        tag: point.essential ? 'essential' : null,
      });
  }
  for (const fault of score.faults) {
    const act = catalogue.acts.get(fault.act);
    const said = act?.did === undefined ? S.faultNamed(act?.name ?? fault.act) : S.fault(act.did);
    const critical = act?.critical === true ? ` ${S.critical}` : '';
    const position = score.choices.indexOf(fault.choice);
    mistakes.push({
      text: `${said} ${S.penalty(fault.penalty)}${critical}`,
      reply: replyAt(position < 0 ? null : position),
      tag: 'mistake',
    });
  }
  // A worse ending than the scenario allows is said as the band's reason says it.
  const outcome = limitReasons(score, catalogue).find((reason) => reason.limit === 'outcome');
  const ending =
    outcome === undefined
      ? []
      : [{ text: describeLimit(outcome, score, scenario, model, catalogue), reply: null, tag: null }];
  const missed = [...mistakes, ...steps, ...points, ...ending];
  return {
    wentWell,
    missed,
    nextTime: review === null ? [] : nextTimeLines(review.forks),
    exhaustive: review?.exhaustive ?? true,
  };
}

/**
 * The forks where a stronger reply was on offer, those that cost most first:
 * the band lost, then the percent, between the best the stronger line could
 * reach and the best the learner's reply still could. A reply whose only
 * cost is its own fault (no band or percent lost) comes last.
 */
export function nextTimeLines(forks: readonly ForkReview[]): NextTimeLine[] {
  const lines: { line: NextTimeLine; cost: number }[] = [];
  for (const fork of forks) {
    if (!fork.fork || fork.chosenIsBest || fork.best === null) continue;
    const better = fork.offered.find((o) => o.choice.id === fork.best?.id)?.best ?? null;
    const chosen = fork.offered.find((o) => o.choice.id === fork.chosen.id)?.best ?? null;
    const reach = (q: typeof better): NextTimeLine['betterReach'] =>
      q === null ? null : { band: q.band, percent: q.percent };
    lines.push({
      line: {
        position: fork.position,
        chosen: fork.chosen,
        better: fork.best,
        betterReach: reach(better),
        chosenReach: reach(chosen),
      },
      cost: costOf(better, chosen),
    });
  }
  return lines
    .sort((a, b) => b.cost - a.cost || a.line.position - b.line.position)
    .slice(0, NEXT_TIME_MAX)
    .map((entry) => entry.line);
}

type Reach = { readonly band: RunScore['score']['band']; readonly percent: number } | null;

/** Bands lost count before percent (as `isBetter` orders results); a reply that cannot finish costs most. */
function costOf(better: Reach, chosen: Reach): number {
  if (better === null) return 0;
  if (chosen === null) return Number.POSITIVE_INFINITY;
  const bands = BANDS.indexOf(chosen.band) - BANDS.indexOf(better.band);
  return bands * 1000 + (better.percent - chosen.percent);
}
