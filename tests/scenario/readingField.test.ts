import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePattern, patternProblem } from '../../src/reading/index.ts';
import { cueProblem, scenarioFromData, scenarioToData } from '../../src/scenario/index.ts';
import { loadFixture, loadText, ROOT } from './loadForTest.ts';

describe("a scenario's own cues (`reading:`)", () => {
  it('reads the details and the cues as written, in file order', () => {
    const { scenario, diagnostics } = loadFixture('valid-reading');
    expect(diagnostics).toEqual([]);
    expect(scenario?.reading).toEqual({
      // An unquoted phone number keeps its leading 0: the detail is the text written.
      disclose: ['14 Alder Road', 'LS6 2AB', '07700900123', 'Alder Road'],
      acts: [
        {
          act: 'solve',
          match: ['payment plan', 'spread .. payments'],
          unless: ['no payment plan'],
          negation: true,
          tutorCheck: false,
        },
        { act: 'disclose', match: ['your balance is'], unless: [], negation: false, tutorCheck: false },
        { act: 'apologise', match: ['my bad'], unless: [], negation: true, tutorCheck: true },
      ],
    });
  });

  it('is optional: a scenario without it has no `reading` at all', () => {
    const { scenario } = loadFixture('valid-customer-look');
    expect(scenario).not.toBeNull();
    expect(scenario !== null && 'reading' in scenario).toBe(false);
  });

  it('goes through the library JSON and back unchanged', () => {
    const { scenario } = loadFixture('valid-reading');
    if (scenario === null) throw new Error('the fixture should load');
    const back = scenarioFromData(JSON.parse(JSON.stringify(scenarioToData(scenario))));
    expect(back.reading).toEqual(scenario.reading);
  });

  it('reports each mistake at its line and column, with the fix', () => {
    const { scenario, diagnostics } = loadFixture('reading-wrong');
    expect(scenario).toBeNull();
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.code, d.message])).toEqual([
      [
        9,
        7,
        'error',
        'short-detail',
        "'14A' is too short to tell a disclosure from everyday words: write the whole detail as the customer's record has it, e.g. '14 Alder Road' or '07700 900123'.",
      ],
      [11, 7, 'warning', 'duplicate-detail', "'ls62ab' is the same detail as 'LS6 2AB': keep one."],
      [
        13,
        5,
        'error',
        'unknown-act',
        "unknown act 'solv' (did you mean 'solve'?); cues are for the acts listed in models/acts.yaml and docs/authoring.md.",
      ],
      [
        16,
        15,
        'error',
        'bad-cue',
        `cue "pay*ment plan": 'pay*ment': '*' may only end a word ("apologi*" matches apologise, apologies...).`,
      ],
      [
        16,
        30,
        'error',
        'bad-cue',
        `cue "spread ..": '..' (any few words) must sit between words, e.g. "sorry but .. policy".`,
      ],
      [
        17,
        14,
        'error',
        'wrong-value',
        `'check' can only be \`check: tutor\` (the act is shown as "tutor to check", never as a fault), not 'sure': for a sure reading, leave the line out.`,
      ],
      [
        18,
        5,
        'error',
        'missing-field',
        "the cues of 'thank' is missing 'match' (words that perform the act): add a line such as `match: [\"payment plan\"]`.",
      ],
      [19, 7, 'error', 'unknown-field', "unknown field 'mach' (did you mean 'match'?)."],
      [20, 3, 'error', 'unknown-field', "unknown field 'disclosures' (did you mean 'disclose'?)."],
    ]);
  });

  it('says what a `reading:` with no block under it should hold', () => {
    const text = readFileSync(
      path.join(ROOT, 'tests/fixtures/validation/valid-reading.yaml'),
      'utf8',
    ).replace(/reading:\n(?: {2}.*\n)+/, 'reading: [14 Alder Road]\n');
    const { diagnostics } = loadText(text);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [8, 10, "'reading' should be a block of fields (name: value), but it is a list."],
    ]);
  });

  it('checks cues with the one check the analyser uses: every cue in models/cues.yaml passes, each way to get one wrong is refused', () => {
    const file = parse(readFileSync(path.join(ROOT, 'models/cues.yaml'), 'utf8')) as {
      acts: Record<string, { match?: string[]; unless?: string[] }>;
    };
    const shipped = Object.values(file.acts).flatMap((a) => [...(a.match ?? []), ...(a.unless ?? [])]);
    const wrong = [
      '',
      '   ',
      '^',
      '^^',
      '.. sorry',
      'sorry ..',
      'what||how',
      'what|',
      '*',
      'a|*',
      'th*nks',
      'so ** sorry',
    ];
    expect(shipped.length).toBeGreaterThan(50);
    expect(patternProblem).toBe(cueProblem);
    expect(shipped.filter((cue) => cueProblem(cue) !== undefined)).toEqual([]);
    for (const cue of [...shipped, '^what|how', '^^so', 'sorry but .. policy', 'apologi*'])
      expect(compilePattern(cue, new Map()).steps.length, cue).toBeGreaterThan(0);
    for (const cue of wrong) expect(cueProblem(cue), JSON.stringify(cue)).toBeDefined();
  });
});
