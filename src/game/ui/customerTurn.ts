import type { Channel, Scenario, ScenarioNode } from '../../scenario/index.ts';
import { expressionForMood } from '../art/expressionForMood.ts';
import { STRINGS } from '../strings.ts';
import { h } from './dom.ts';

/**
 * One turn of the customer's, as every screen shows it: who speaks, the
 * stage direction the author wrote (body language, a sigh), and the words.
 * Built in one place, so the role-play, its conversation so far, the
 * debrief's transcript, presenter mode and the evidence record cannot drift
 * apart (one forgetting the stage direction, another the name).
 */
export interface CustomerTurn {
  readonly name: string;
  /** The stage direction, or null when the author wrote none. */
  readonly note: string | null;
  readonly lines: readonly string[];
}

/** The customer's turn at a node of the scenario. No DOM: tested in Node (tests/game/customerTurn.test.ts). */
export function customerTurnOf(scenario: Scenario, node: ScenarioNode): CustomerTurn {
  return { name: scenario.customer.name, note: node.note ?? null, lines: node.customer };
}

/** The customer's mood in words ("annoyed"), as the mood meter and presenter mode say it. */
export function moodWord(mood: number): string {
  return STRINGS.mood(expressionForMood(mood));
}

/**
 * The customer's turn in a conversation read back (the role-play's
 * conversation so far, the debrief's transcript): stage direction, name, lines.
 */
export function transcriptTurn(turn: CustomerTurn): HTMLLIElement {
  return h(
    'li',
    { class: 'turn customer' },
    turn.note === null ? null : h('p', { class: 'note' }, turn.note),
    h('p', { class: 'speaker' }, turn.name),
    turn.lines.map((line) => h('p', { class: 'line' }, line)),
  );
}

export interface BubbleOptions {
  readonly channel: Channel;
  /**
   * The name as a heading, so screen reader users can jump to what the customer is saying now
   * (the role-play: WCAG 1.3.1, 2.4.6), or as a plain line where the page has its own headings.
   */
  readonly heading: boolean;
  /** The box the words go in, when something else fills it (the role-play types them out). */
  readonly text?: HTMLElement;
  readonly testId?: string;
  /** After the words (the role-play's "tap to skip" hint). */
  readonly after?: Node;
}

/** The customer's speech bubble over the stage: the name, then the words (in `bubble-text`). */
export function speechBubble(turn: CustomerTurn, options: BubbleOptions): HTMLElement {
  const text =
    options.text ??
    h(
      'div',
      { class: 'bubble-text' },
      turn.lines.map((line) => h('p', {}, line)),
    );
  return h(
    'div',
    { class: `bubble channel-${options.channel}`, 'data-testid': options.testId },
    h(options.heading ? 'h2' : 'p', { class: 'speaker' }, turn.name),
    text,
    options.after ?? null,
  );
}

/** The turn on a projector (presenter mode): the stage direction, then the words as a quotation. */
export function projectedTurn(turn: CustomerTurn): HTMLElement[] {
  return [
    ...(turn.note === null ? [] : [h('p', { class: 'presenter-note' }, turn.note)]),
    h(
      'blockquote',
      { class: 'presenter-line', 'data-testid': 'presenter-line' },
      turn.lines.map((line) => h('p', {}, line)),
    ),
  ];
}

/** The turn in the printed evidence record: "Name: the words", one line. */
export function recordedTurn(turn: CustomerTurn): HTMLLIElement {
  return h('li', { class: 'customer' }, h('strong', {}, `${turn.name}: `), turn.lines.join(' '));
}
