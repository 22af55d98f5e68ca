import { replyLetter } from '../../tutor/index.ts';
import { h } from '../ui/dom.ts';

/** "A 3 · B 7 · C 0": the hands for each reply. */
export function votesLine(offered: readonly string[], votes: readonly number[]): string {
  return offered.map((_, i) => `${replyLetter(i)} ${votes[i] ?? 0}`).join(' · ');
}

/** The one large action of a presenter step (Show the replies, Play, Next, Finish), focused when drawn. */
export function bigButton(label: string, testid: string, onClick: () => void): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'button primary presenter-go', 'data-testid': testid, 'data-autofocus': '' },
    label,
  );
  button.addEventListener('click', onClick);
  return button;
}
