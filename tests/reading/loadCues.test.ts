import { describe, expect, it } from 'vitest';
import { projectCues } from '../../scripts/actsEval.ts';
import { loadCues } from '../../src/reading/index.ts';
import { formatDiagnostic } from '../../src/scenario/index.ts';

const catalogue = { acts: new Map([...projectCues().acts.keys()].map((id) => [id, {} as never])) };
const problems = (text: string) =>
  loadCues({ file: 'models/cues.yaml', text }, catalogue).diagnostics.map(formatDiagnostic);

describe('loadCues: a bad cue file gives file, line, column and a fix', () => {
  it('an unknown act, with a "did you mean"', () => {
    expect(problems('acts:\n  apologize:\n    match: [sorry]\n')).toEqual([
      "models/cues.yaml:2:3: error: unknown act 'apologize' (did you mean 'apologise'?); cues are for the acts in models/acts.yaml.",
    ]);
  });

  it("a cue with '*' inside a word, or '..' at an end", () => {
    expect(problems('acts:\n  thank:\n    match: [th*nks, "thanks .."]\n')).toEqual([
      `models/cues.yaml:3:13: error: cue "th*nks": 'th*nks': '*' may only end a word ("apologi*" matches apologise, apologies...).`,
      `models/cues.yaml:3:21: error: cue "thanks ..": '..' (any few words) must sit between words, e.g. "sorry but .. policy".`,
    ]);
  });

  it('a misspelt field, a missing match, a check that is not "tutor"', () => {
    expect(problems('acts:\n  thank:\n    mach: [thanks]\n    check: maybe\n')).toEqual([
      "models/cues.yaml:3:5: error: unknown field 'mach' (did you mean 'match'?).",
      'models/cues.yaml:2:3: error: the cues of \'thank\' is missing \'match\' (words that perform the act): add a line such as `match: ["so sorry", "apologi*"]`.',
      "models/cues.yaml:4:12: error: 'check' must be one of tutor, not 'maybe'.",
    ]);
  });

  it('a refusal that cancels an act without cues, or a refusal cue that does not compile', () => {
    expect(
      problems(
        'refusal:\n  cancels: [apologize]\n  turn: [but]\n  refuse: [".. policy"]\nacts:\n  apologise:\n    match: [sorry]\n',
      ),
    ).toEqual([
      "models/cues.yaml:2:13: error: 'refusal' cancels 'apologize', which has no cues here (did you mean 'apologise'?): name an act of the 'acts:' block.",
      `models/cues.yaml:4:12: error: cue ".. policy": '..' (any few words) must sit between words, e.g. "sorry but .. policy".`,
    ]);
  });

  it('YAML syntax errors are diagnostics, not exceptions', () => {
    const [first] = problems('acts:\n  thank:\n\tmatch: [thanks]\n');
    expect(first).toMatch(/^models\/cues\.yaml:3:1: error: YAML syntax: .*Indent with spaces, not tabs\./);
  });

  it('the committed models/cues.yaml loads without a diagnostic', () => {
    expect(projectCues().acts.size).toBeGreaterThan(0);
  });
});
