import { describe, expect, it } from 'vitest';
import { replyOrder } from '../../../src/engine/index.ts';
import { Narrator, RunVoice, type Voice } from '../../../src/game/voice/index.ts';
import { HINT_LEVELS } from '../../../src/progress/index.ts';
import { kettle, kettleRun } from './support.ts';

describe('LearnerRun', () => {
  it('shows the offered replies in its seed’s order, turn by turn', () => {
    const run = kettleRun({ seed: 12345 });
    const view = run.view();
    expect(run.onScreen()).toEqual(replyOrder(12345, { at: 0, node: view.node.id }, view.offered));
    run.choose('opening.2');
    const next = run.view();
    expect(run.onScreen()).toEqual(replyOrder(12345, { at: 1, node: next.node.id }, next.offered));
  });

  it('replays its saved replies before anyone listens, and stops at one the scenario no longer has', () => {
    expect(kettleRun({ choices: ['opening.2', 'details.1'] }).view().node.id).toBe('remedy');
    const broken = kettleRun({ choices: ['opening.2', 'nope.1', 'remedy.1'] });
    expect(broken.saved.choices).toEqual(['opening.2']);
  });

  it('keeps the saved run up to date with each reply and undo', () => {
    const run = kettleRun();
    run.choose('opening.3');
    run.choose('angry.1');
    run.undo();
    expect(run.saved.choices).toEqual(['opening.3']);
  });

  it('gives hints a rung stronger each press in a turn, records each rung once, and none at the ending', () => {
    const run = kettleRun();
    const rungs = Array.from({ length: HINT_LEVELS + 1 }, () => run.hint().hint?.level);
    expect(rungs).toEqual([...Array.from({ length: HINT_LEVELS }, (_, n) => n + 1), HINT_LEVELS]);
    expect(run.saved.hints.map((h) => h.level)).toEqual(Array.from({ length: HINT_LEVELS }, (_, n) => n + 1));
    for (const id of ['opening.2', 'details.1', 'remedy.1', 'thanks.1']) run.choose(id);
    expect(run.hint().hint).toBeNull();
  });

  it('becomes an attempt only at its ending, and stays readable after it is disposed', () => {
    const run = kettleRun({ choices: ['opening.2', 'details.1', 'remedy.1'] });
    expect(run.finish()).toBeNull();
    run.choose('thanks.1');
    run.dispose();
    const attempt = run.finish();
    expect(attempt?.choices).toEqual(['opening.2', 'details.1', 'remedy.1', 'thanks.1']);
    expect(attempt?.ending?.outcome).toBe('resolved');
    expect(() => run.choose('thanks.1')).not.toThrow();
  });
});

describe('RunVoice', () => {
  function voice(): Voice & { said: string[] } {
    const said: string[] = [];
    return {
      said,
      speak: (text: string) => void said.push(text),
      cancel: () => void said.push('(cancel)'),
      voices: () => [],
      onVoicesChanged: () => () => undefined,
    } as unknown as Voice & { said: string[] };
  }

  it('says each customer turn once, not again after an undo, only where a resumed run lands, and stops on close', () => {
    const v = voice();
    const observer = new RunVoice(new Narrator(v, () => ({ enabled: true, rate: 1, voiceId: null })));
    const run = kettleRun({ choices: ['opening.2'] });
    observer.started(run);
    run.subscribe((change) => observer.changed(change));
    run.choose('details.1');
    run.undo();
    observer.closed(run);
    const lines = v.said.filter((line) => line !== '(cancel)');
    const details = kettle.nodes.get('details')?.customer ?? [];
    const remedy = kettle.nodes.get('remedy')?.customer ?? [];
    expect(lines).toEqual([...details, ...remedy]);
    expect(v.said.at(-1)).toBe('(cancel)');
  });
});
