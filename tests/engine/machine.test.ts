import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createConversationMachine, offeredChoices } from '../../src/engine/index.ts';
import { conditionalScenario, faultyKettle } from './build.ts';

// The machine is the rule-keeper: these drive it directly, with no session in front to filter replies.
const conditional = conditionalScenario();

function started(scenario: ReturnType<typeof faultyKettle>) {
  return createActor(createConversationMachine(scenario)).start();
}

describe('createConversationMachine', () => {
  it('refuses a reply whose `if` fails, and a reply of another node: nothing changes', () => {
    const actor = started(conditional);
    const before = actor.getSnapshot();
    actor.send({ type: 'learner.chose', choiceId: 'ask.2' });
    actor.send({ type: 'learner.chose', choiceId: 'no-such-reply' });
    expect(actor.getSnapshot().context).toBe(before.context);
    const kettle = started(faultyKettle());
    kettle.send({ type: 'learner.chose', choiceId: 'details.1' });
    expect(kettle.getSnapshot().context.transcript).toEqual([]);
    expect(kettle.getSnapshot().value).toBe('talking');
  });

  it('records the reply, keeps talking at a question, and ends with the ending as output', () => {
    const actor = started(conditional);
    actor.send({ type: 'learner.chose', choiceId: 'ask.1' });
    let snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('talking');
    expect(snapshot.context.node).toBe('ask');
    expect([...snapshot.context.performed]).toEqual(['question']);
    // Now `ask.1` (notPerformed) is refused and `ask.2` (performed) is accepted.
    actor.send({ type: 'learner.chose', choiceId: 'ask.1' });
    expect(actor.getSnapshot().context.transcript).toHaveLength(1);
    actor.send({ type: 'learner.chose', choiceId: 'ask.2' });
    snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('done');
    expect(snapshot.value).toBe('ended');
    expect(snapshot.output).toEqual({ node: 'done', outcome: 'resolved' });
    expect(snapshot.context.path).toEqual(['ask', 'ask', 'done']);
    expect(snapshot.context.transcript.map((entry) => entry.offeredPosition)).toEqual([1, 1]);
  });

  it('counts a reply’s offered position among the replies offered before it changes the mood', () => {
    const actor = started(conditional);
    actor.send({ type: 'learner.chose', choiceId: 'ask.4' });
    const [entry] = actor.getSnapshot().context.transcript;
    expect(entry).toMatchObject({ offeredPosition: 2, moodBefore: 40, moodAfter: 35 });
    expect(offeredChoices(conditional, 'ask', { mood: 40, performed: new Set() }).map((c) => c.id)).toEqual([
      'ask.1',
      'ask.4',
    ]);
  });

  it('never changes an earlier snapshot’s acts, and shares the set when a reply adds no act', () => {
    const actor = started(conditional);
    const initial = actor.getSnapshot().context.performed;
    actor.send({ type: 'learner.chose', choiceId: 'ask.1' });
    const afterQuestion = actor.getSnapshot().context.performed;
    expect([...initial]).toEqual([]);
    expect([...afterQuestion]).toEqual(['question']);
    actor.send({ type: 'learner.chose', choiceId: 'ask.4' });
    expect(actor.getSnapshot().context.performed).toBe(afterQuestion);
  });
});
