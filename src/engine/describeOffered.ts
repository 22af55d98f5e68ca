import type { Choice } from '../scenario/index.ts';

const SAY_LENGTH = 60;

/** "1 opening.1 “Have you got the receipt?”; 2 …": the offered replies with their 1-based positions, for error messages. */
export function describeOffered(offered: readonly Choice[]): string {
  if (offered.length === 0) return 'no reply is offered there (every reply’s `if` condition fails)';
  const list = offered
    .map((choice, i) => {
      const say = choice.say.length > SAY_LENGTH ? `${choice.say.slice(0, SAY_LENGTH - 1)}…` : choice.say;
      return `${i + 1} = ${choice.id} “${say}”`;
    })
    .join('; ');
  return `it offers ${offered.length === 1 ? 'one reply' : `${offered.length} replies`}: ${list}`;
}
