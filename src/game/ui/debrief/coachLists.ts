import { STRINGS } from '../../strings.ts';
import { h } from '../dom.ts';
import type { CoachLine, NextTimeLine } from './coaching.ts';
import './coaching.css';

const S = STRINGS.debrief.coach;

/** "What went well" or "What you missed" as a list, each line with the reply it is about. */
export function coachList(kind: 'went-well' | 'missed', lines: readonly CoachLine[]): HTMLElement {
  if (lines.length === 0)
    return h('p', { class: 'coach-none' }, kind === 'went-well' ? S.wentWellNone : S.missedNone);
  return h(
    'ul',
    { class: `coach-list ${kind}`, role: 'list' },
    lines.map((line) =>
      h(
        'li',
        { class: line.tag === null ? null : `tag-${line.tag}` },
        h('span', { class: 'coach-mark', 'aria-hidden': 'true' }, kind === 'went-well' ? '✓' : '!'),
        h(
          'div',
          { class: 'coach-text' },
          h(
            'p',
            {},
            line.tag === null
              ? null
              : h('span', { class: 'coach-tag' }, line.tag === 'essential' ? S.essential : S.mistake),
            line.tag === null ? null : ' ',
            line.text,
          ),
          line.reply === null
            ? null
            : h(
                'p',
                { class: 'coach-reply' },
                h('span', { class: 'coach-reply-label' }, `${S.yourReply(line.reply.number)}: `),
                `“${line.reply.say}”`,
              ),
        ),
      ),
    ),
  );
}

/**
 * "Next time, try": at each costly fork, what the learner said, the stronger
 * line, why (the learner's reply's own feedback), and what each could still
 * lead to. `slot` receives the element a "Try again from here" button goes in.
 */
export function nextTimeList(
  lines: readonly NextTimeLine[],
  slot: (line: NextTimeLine) => HTMLElement | null,
): HTMLElement {
  if (lines.length === 0) return h('p', { class: 'coach-none' }, S.nextTimeNone);
  return h(
    'ol',
    { class: 'next-time-list', role: 'list' },
    lines.map((line) =>
      h(
        'li',
        { class: 'next-time-line', 'data-position': line.position },
        h(
          'p',
          { class: 'next-said' },
          h('span', { class: 'next-label' }, S.youSaid(line.position + 1)),
          ' ',
          `“${line.chosen.say}”`,
        ),
        h(
          'p',
          { class: 'next-better', 'data-testid': 'next-better' },
          h('span', { class: 'next-label' }, S.instead),
          ' ',
          h('strong', {}, `“${line.better.say}”`),
        ),
        line.chosen.feedback === undefined
          ? null
          : h(
              'p',
              { class: 'next-why' },
              h('span', { class: 'next-label' }, S.why),
              ' ',
              line.chosen.feedback,
            ),
        h(
          'p',
          { class: 'next-reach' },
          line.betterReach === null ? '' : S.couldReach(line.betterReach.band, line.betterReach.percent),
          ' ',
          line.chosenReach === null
            ? S.yoursStuck
            : S.yoursReached(line.chosenReach.band, line.chosenReach.percent),
        ),
        slot(line),
      ),
    ),
  );
}
