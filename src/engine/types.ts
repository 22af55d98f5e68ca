import type { Choice, Outcome, Scenario, ScenarioNode } from '../scenario/index.ts';

/** How a conversation ended: the ending node and its outcome. */
export interface Ending {
  readonly node: string;
  readonly outcome: Outcome;
}

/** One reply the learner gave, with the mood either side of it. */
export interface TranscriptEntry {
  /** The node the reply was given at. */
  readonly node: string;
  readonly choice: Choice;
  /** 1-based position of the reply among those offered at that node (what `--choices` counts). */
  readonly offeredPosition: number;
  readonly moodBefore: number;
  readonly moodAfter: number;
}

/**
 * A run as scoring sees it: the replies chosen, in order, the nodes visited
 * (start and ending included) and how it ended (`null` while it is still going).
 */
export interface Run {
  readonly choices: readonly Choice[];
  readonly path: readonly string[];
  readonly ending: Ending | null;
}

/** Everything a view needs to draw the conversation as it stands. */
export interface ConversationView {
  readonly scenario: Scenario;
  /** The node the customer is at now (an ending node once the conversation is over). */
  readonly node: ScenarioNode;
  /** Replies offered now, after `if` conditions, in file order; empty at an ending. */
  readonly offered: readonly Choice[];
  readonly transcript: readonly TranscriptEntry[];
  readonly path: readonly string[];
  /** The customer's mood now, 0–100. */
  readonly mood: number;
  readonly ending: Ending | null;
  /** True at a non-ending node where every reply's `if` fails: nothing can be chosen (see docs/engine.md). */
  readonly stuck: boolean;
  readonly canUndo: boolean;
  /** The run so far, ready to score. */
  readonly run: Run;
}

/**
 * The one door the game and the CLI use to play a scenario. Implementations
 * wrap the XState machine; a scene can be driven by a fake in tests.
 */
export interface ConversationSession {
  view(): ConversationView;
  /** Choose an offered reply by its id. Throws `ChoiceNotOfferedError` for any other id. */
  choose(choiceId: string): void;
  /** Take back the last reply (Practice mode). Does nothing when there is none. */
  undo(): void;
  /** Called with the new view after every change; returns an unsubscribe function. */
  subscribe(listener: (view: ConversationView) => void): () => void;
  /** Stop the underlying actor and drop listeners. */
  dispose(): void;
}
