import type { ConversationView } from '../../engine/index.ts';
import type { Catalogue, Choice, Model, Scenario } from '../../scenario/index.ts';
import { type PresenterLog, replyLetter, tallyVotes } from '../../tutor/index.ts';
import { h } from '../ui/dom.ts';
import { forkColumns } from './forkColumns.ts';
import { bigButton } from './presenterDom.ts';
import { type ReplyRange, replyMarks } from './presenterMarks.ts';
import { TUTOR_STRINGS } from './strings.ts';

const S = TUTOR_STRINGS.presenter;

/** The turn on screen, as presenter mode shows it (the view's frame holds the same, and more). */
export interface TurnShown {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly view: ConversationView;
  /** The replies in this presentation's order (A, B, C, ...). */
  readonly shown: readonly Choice[];
  readonly log: PresenterLog;
  readonly marks: boolean;
  /** Where runs through a reply end, under the model on show (for the marks). */
  readonly range: (choiceId: string) => ReplyRange | undefined;
}

export interface RepliesInput extends TurnShown {
  readonly onVote: (choiceId: string, by: number) => void;
  readonly onSetVotes: (votes: readonly number[]) => void;
  readonly onPlay: (choiceId: string, by: 'votes' | 'tutor') => void;
}

export interface RepliesPart {
  readonly parts: readonly HTMLElement[];
  /** Redraws the vote boxes, bars, tally and Play from the log (after a vote), without rebuilding the cards. */
  readonly showVotes: (log: PresenterLog) => void;
}

/** The turn's replies as cards with a vote box and a bar each, the marks row (when on), the tally and Play. */
export function presenterReplies(input: RepliesInput): RepliesPart {
  const { shown, marks } = input;
  const turn = input.log.turns[input.log.at];
  const status = h('p', { class: 'presenter-tally', role: 'status', 'data-testid': 'tally' });
  const playBox = h('div', { class: 'presenter-play' });
  const inputs: HTMLInputElement[] = [];
  const bars: { readonly fill: HTMLElement; readonly count: HTMLElement; readonly row: HTMLElement }[] = [];
  const list = h('ol', { class: 'presenter-replies', 'aria-labelledby': 'presenter-replies-heading' });
  // The marks sit in their own row under the cards, a column per reply (presenter.css), so the
  // cards stay the same size with the marks on or off and the room reads across one row of marks.
  const marksRow = marks
    ? h('div', { class: 'presenter-marks-row', role: 'group', 'aria-labelledby': 'presenter-marks-heading' })
    : null;
  const fork = h(
    'div',
    {
      class: 'presenter-fork',
      // Side by side with the marks (a column each) or when a list of four or five would not fit the height.
      'data-layout': marks || shown.length > 3 ? 'columns' : 'rows',
      'data-replies': shown.length,
    },
    list,
    marksRow === null
      ? null
      : h('h3', { id: 'presenter-marks-heading', class: 'visually-hidden' }, S.marksHeading),
    marksRow,
  );
  fork.style.setProperty(
    '--fork-columns',
    forkColumns(
      shown.map((c) => c.say),
      marks,
    ),
  );
  for (const [i, choice] of shown.entries()) {
    const letter = replyLetter(i);
    const box = h('input', {
      type: 'number',
      min: 0,
      step: 1,
      inputmode: 'numeric',
      class: 'vote-input',
      id: `vote-${i}`,
      'data-testid': `vote-${letter}`,
      value: turn?.votes[i] ?? 0,
    });
    inputs.push(box);
    // Enter in a vote box plays the class's choice (when there is one), so the tutor need not reach for the mouse.
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const play = playBox.querySelector<HTMLButtonElement>('[data-testid="play"]:not([disabled])');
      if (play === null) return;
      event.preventDefault();
      play.click();
    });
    box.addEventListener('input', () => input.onSetVotes(inputs.map((el) => Number(el.value))));
    const minus = h(
      'button',
      { type: 'button', class: 'button secondary vote-step', 'aria-label': S.removeVote(letter) },
      '−',
    );
    const plus = h(
      'button',
      {
        type: 'button',
        class: 'button secondary vote-step',
        'aria-label': S.addVote(letter),
        'data-testid': `add-${letter}`,
      },
      '+',
    );
    minus.addEventListener('click', () => input.onVote(choice.id, -1));
    plus.addEventListener('click', () => input.onVote(choice.id, 1));
    // The tally as a bar per reply, so the room sees the vote at a glance; the numbers are in the boxes.
    const fill = h('span', { class: 'vote-bar-fill' });
    const count = h('span', { class: 'vote-bar-count' });
    const bar = h(
      'div',
      { class: 'vote-bar', 'aria-hidden': 'true', 'data-testid': `bar-${letter}` },
      h('span', { class: 'vote-bar-track' }, fill),
      count,
    );
    const row = h(
      'li',
      { class: 'presenter-reply', 'data-choice-id': choice.id, 'data-letter': letter },
      h('span', { class: 'reply-letter', 'aria-hidden': 'true' }, letter),
      h(
        'div',
        { class: 'presenter-reply-body' },
        h(
          'p',
          { class: 'presenter-say' },
          h('span', { class: 'visually-hidden' }, `${letter}: `),
          choice.say,
        ),
      ),
      h(
        'div',
        { class: 'vote-box' },
        h('label', { for: `vote-${i}`, class: 'visually-hidden' }, S.votesFor(letter)),
        minus,
        box,
        plus,
      ),
      bar,
    );
    bars.push({ fill, count, row });
    list.append(row);
    marksRow?.append(
      replyMarks({
        scenario: input.scenario,
        model: input.model,
        catalogue: input.catalogue,
        run: input.view.run,
        choice,
        letter,
        range: input.range(choice.id),
      }),
    );
  }
  const showVotes = (log: PresenterLog): void => {
    const now = log.turns[log.at];
    if (now === undefined) return;
    for (const [i, el] of inputs.entries()) {
      const n = now.votes[i] ?? 0;
      if (document.activeElement !== el || Number(el.value) !== n) el.value = String(n);
    }
    const most = Math.max(0, ...now.votes);
    const total = now.votes.reduce((sum, n) => sum + n, 0);
    for (const [i, { fill, count, row }] of bars.entries()) {
      const n = now.votes[i] ?? 0;
      fill.style.width = `${total === 0 ? 0 : (100 * n) / total}%`;
      count.textContent = S.hands(n);
      row.dataset.lead = String(n > 0 && n === most);
    }
    const tally = tallyVotes(now);
    playBox.replaceChildren();
    if (tally.kind === 'none') {
      status.textContent = S.noVotes;
      const play = bigButton(S.play, 'play', () => undefined);
      play.disabled = true;
      playBox.append(play);
    } else if (tally.kind === 'winner') {
      const letter = replyLetter(now.offered.indexOf(tally.choice));
      status.textContent = S.winner(letter, tally.votes);
      playBox.append(bigButton(S.play, 'play', () => input.onPlay(tally.choice, 'votes')));
    } else {
      const letters = tally.choices.map((id) => replyLetter(now.offered.indexOf(id)));
      status.textContent = S.tie(letters.join(' and '), tally.votes);
      for (const [k, id] of tally.choices.entries())
        playBox.append(
          bigButton(S.playTied(letters[k] ?? ''), `play-${letters[k] ?? ''}`, () =>
            input.onPlay(id, 'tutor'),
          ),
        );
    }
  };
  showVotes(input.log);
  return {
    parts: [
      h(
        'h2',
        { id: 'presenter-replies-heading', class: 'presenter-question', tabindex: -1, 'data-autofocus': '' },
        S.repliesHeading,
      ),
      fork,
      h('div', { class: 'presenter-decide' }, status, playBox),
      h('p', { class: 'presenter-hint', 'data-testid': 'presenter-keys' }, S.keys(shown.length)),
    ],
    showVotes,
  };
}
