import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, loadFixture, loadText } from './loadForTest.ts';

/**
 * One fixture per rule of the contract's Validation section: each must give
 * exactly these diagnostics, at this line and column, in these words.
 */
const RULES: [
  rule: string,
  fixture: string,
  expected: [line: number, column: number, severity: string, message: string][],
][] = [
  [
    'reports YAML syntax errors with a hint',
    'yaml-syntax',
    [
      [
        3,
        1,
        'error',
        'YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation: fields of the same block must line up, two spaces deeper than their parent.',
      ],
    ],
  ],
  [
    'names an unknown field and guesses the one meant',
    'unknown-field',
    [[15, 9, 'error', "unknown field 'feeback' (did you mean 'feedback'?)."]],
  ],
  [
    'names a missing required field and how to add it',
    'missing-field',
    [
      [
        1,
        1,
        'error',
        "the scenario is missing 'summary' (one or two sentences shown on the menu): add a line such as `summary: A customer brings back a kettle that stopped working.`.",
      ],
    ],
  ],
  [
    'rejects a value of the wrong type',
    'wrong-type',
    [
      [
        7,
        9,
        'error',
        "'mood' should be a whole number such as 30, +10 or -15, but it is the text 'very cross'.",
      ],
    ],
  ],
  [
    'rejects a value outside the allowed words',
    'wrong-value',
    [
      [
        4,
        10,
        'error',
        "'channel' must be one of face-to-face, phone, chat, email, not 'fone' (did you mean 'phone'?).",
      ],
    ],
  ],
  [
    'rejects a reply that points at no node',
    'unknown-target',
    [[16, 13, 'error', "reply goes to 'fixd', but there is no such node (did you mean 'fixed'?)."]],
  ],
  [
    'rejects a start that names no node',
    'unknown-start',
    [[8, 8, 'error', "'start' is 'openning', but there is no such node (did you mean 'opening'?)."]],
  ],
  [
    'rejects a node with both choices and end',
    'choices-and-end',
    [
      [
        21,
        3,
        'error',
        "node 'fixed' has both 'choices' and 'end': a node either offers replies or ends the conversation. Remove one.",
      ],
    ],
  ],
  [
    'rejects a node with neither choices nor end',
    'no-choices-or-end',
    [
      [
        24,
        3,
        'error',
        "node 'gone' has neither 'choices' nor 'end': add the learner's replies under 'choices:', or end the conversation with a line such as `end: resolved`.",
      ],
    ],
  ],
  [
    'rejects an unknown act',
    'unknown-act',
    [
      [
        14,
        27,
        'error',
        "unknown act 'qestion' (did you mean 'question'?); the acts are listed in models/acts.yaml and docs/authoring.md.",
      ],
    ],
  ],
  [
    'rejects an unknown model',
    'unknown-model',
    [
      [
        5,
        16,
        'error',
        "unknown model 'HAET' (did you mean 'HEAT'?); the models are LASS, LAST, HEAT (a model is a file in models/).",
      ],
    ],
  ],
  [
    'rejects an unknown outcome',
    'unknown-outcome',
    [[26, 10, 'error', "'end' must be one of resolved, escalated, unresolved, lost, not 'happy'."]],
  ],
  [
    'rejects a credit outside (0, 1]',
    'bad-credit',
    [
      [
        14,
        17,
        'error',
        "the credit for 'apologise' is 1.5, but it must be more than 0 and at most 1 (e.g. 0.5 for half-done).",
      ],
    ],
  ],
  [
    'rejects part credit on a fault act',
    'fault-credit',
    [
      [
        18,
        17,
        'error',
        "'dismiss' is a fault, so it cannot have part credit (0.5): a fault either happens or it doesn't. Write it in a list, like [dismiss].",
      ],
    ],
  ],
  [
    'rejects a choice id used twice in a file',
    'duplicate-choice-id',
    [
      [
        18,
        13,
        'error',
        "the reply id 'opening.1' is used twice in this file (first on line 13): give this reply a different 'id'.",
      ],
    ],
  ],
  [
    'rejects a marking point naming an unknown act or choice',
    'marking-unknown',
    [
      [
        30,
        20,
        'error',
        "unknown act 'questions' (did you mean 'question'?); the acts are listed in models/acts.yaml and docs/authoring.md.",
      ],
      [
        33,
        23,
        'error',
        "there is no reply with the id 'opening.3' (did you mean 'opening.1'?). Reply ids are '<node id>.<n>' (n counts the node's replies from 1) unless the reply sets its own 'id'.",
      ],
    ],
  ],
  [
    'rejects a node from which no ending can be reached',
    'stuck-node',
    [
      [
        21,
        3,
        'warning',
        "node 'fixed' is never reached: no reply leads to it from 'opening'. Point a reply's 'to' at it, or delete it.",
      ],
      [
        27,
        3,
        'error',
        "node 'loop' can never reach an ending: every reply leads back into 'loop'. Give at least one reply a 'to' that leads towards an ending.",
      ],
    ],
  ],
  [
    'warns about a node no path reaches',
    'unreachable-node',
    [
      [
        27,
        3,
        'warning',
        "node 'orphan' is never reached: no reply leads to it from 'opening'. Point a reply's 'to' at it, or delete it.",
      ],
    ],
  ],
  [
    'warns about a reply without feedback',
    'no-feedback',
    [
      [
        17,
        9,
        'warning',
        "reply 2 of node 'opening' has no feedback: add `feedback:` saying why this reply is good or poor (learners see it in Practice and in the debrief).",
      ],
    ],
  ],
  [
    'rejects an essential that is not true or false, and says which to write',
    'essential-not-boolean',
    [
      [30, 16, 'error', "'essential' must be true or false, not 'yes' (write `essential: true`)."],
      [34, 16, 'error', "'essential' must be true or false, not '1' (write `essential: true`)."],
    ],
  ],
  [
    'warns about a reply that lowers the mood but performs no act and commits no fault',
    'mood-drop-costs-nothing',
    [19, 24].map((line, i) => [
      line,
      15,
      'warning',
      `reply ${i + 2} of node 'opening' lowers the customer's mood (mood: ${i === 0 ? -10 : -5}) but performs no act and commits no fault: it upsets the customer yet costs the learner nothing. Name the fault it commits in \`acts:\`, such as \`process-first\` (asks for proof or quotes policy before listening), \`dismiss\` (brushes the customer aside), \`deflect\` (passes the buck), \`lesser-remedy\` (offers less than they are owed), or \`misinform\` (gets their rights or the policy wrong); every fault is listed in docs/authoring.md. If it is a fair reply the customer simply does not like, give the act it performs instead, like \`acts: [inform]\`.`,
    ]),
  ],
  [
    'rejects a node id defined twice',
    'duplicate-node',
    [
      [20, 13, 'error', "reply goes to 'gone', but there is no such node."],
      [24, 3, 'error', "node 'fixed' is defined twice (first on line 21): rename one of them."],
    ],
  ],
  [
    'refuses YAML tags, so data never becomes objects',
    'yaml-tag',
    [
      [
        2,
        17,
        'error',
        "YAML tags such as '!!binary' are not allowed in scenario files: remove the tag and write plain text.",
      ],
    ],
  ],
];

describe('validation rules', () => {
  it.each(RULES)('%s', (_rule, fixture, expected) => {
    const { scenario, diagnostics } = loadFixture(fixture);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual(expected);
    expect(diagnostics.every((d) => d.file === `${fixture}.yaml`)).toBe(true);
    const hasError = expected.some(([, , severity]) => severity === 'error');
    expect(scenario === null).toBe(hasError);
  });

  it.each([
    ['essential: no', "'essential' must be true or false, not 'no' (write `essential: false`)."],
    [
      'essential: "true"',
      '\'essential\' must be true or false, not "true" in quotes (write `essential: true` without quotes).',
    ],
    [
      'essential: maybe',
      "'essential' must be true or false, not 'maybe' (write `essential: true` or `essential: false`, or leave the line out for false).",
    ],
    [
      'essential:',
      "'essential' must be true or false, but it is empty (write `essential: true` or `essential: false`, or leave the line out for false).",
    ],
  ])('explains %s in plain words', (line, message) => {
    const text = readFileSync(path.join(FIXTURES, 'essential-not-boolean.yaml'), 'utf8')
      .replace('essential: yes', line)
      .replace('essential: 1', 'essential: true');
    const { scenario, diagnostics } = loadText(text);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([[30, 'error', message]]);
    expect(scenario).toBeNull();
  });

  it('reads essential as true or false, and false when left out', () => {
    const text = readFileSync(path.join(FIXTURES, 'essential-not-boolean.yaml'), 'utf8')
      .replace('essential: yes', 'essential: true')
      .replace('    essential: 1\n', '');
    const { scenario, diagnostics } = loadText(text);
    expect(diagnostics).toEqual([]);
    expect(scenario?.marking.map((m) => [m.id, m.essential])).toEqual([
      ['open-questions', true],
      ['apology', false],
      ['courteous', false],
    ]);
  });

  it('does not warn about a mood drop on a reply with a positive act, or with a fault', () => {
    const text = readFileSync(path.join(FIXTURES, 'mood-drop-costs-nothing.yaml'), 'utf8')
      .replace('        mood: -10\n', '        acts: [process-first]\n        mood: -10\n')
      .replace('acts: []', 'acts: [dismiss]');
    expect(loadText(text).diagnostics).toEqual([]);
  });

  it('loads the minimal valid fixture with no diagnostics', () => {
    const { scenario, diagnostics } = loadFixture('valid-minimal');
    expect(diagnostics).toEqual([]);
    expect(scenario?.choices.get('opening.2')?.acts).toEqual([{ act: 'dismiss', credit: 1 }]);
    expect(scenario?.customer.mood).toBe(40);
    expect(scenario?.difficulty).toBe(1);
  });
});
