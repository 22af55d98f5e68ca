import {
  AGES,
  FACIAL_HAIR,
  GLASSES,
  HAIR,
  HAIR_COLOURS,
  HEADWEAR,
  MOBILITY,
  PRONOUNS,
  TOPS,
} from './customerLook.ts';
import { CHANNELS, OUTCOMES } from './types.ts';

/**
 * The fields each kind of block in a scenario file may have: the single
 * source for "unknown field" and "missing field" checks, for the hints in
 * those messages, and for the JSON Schema editors use (see `jsonSchema.ts`).
 * Value checks that need more than a type live in the readers.
 */
export interface FieldSpec {
  readonly required: boolean;
  /** Plain-English meaning, shown in editors. */
  readonly describe: string;
  /** How to write it, used in "add ..." hints: `to: details`. */
  readonly example: string;
  /** JSON Schema for the value (editor completion and checks). */
  readonly schema: Readonly<Record<string, unknown>>;
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

const text = { type: 'string', minLength: 1 } as const;
const idList = { type: 'array', items: { type: 'string' } } as const;
const matchSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { acts: idList, choices: idList },
} as const;

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SCENARIO_FIELDS: FieldTable = {
  id: {
    required: true,
    describe: 'Unique id in kebab-case (lower case words joined by hyphens).',
    example: 'id: faulty-kettle',
    schema: { type: 'string', pattern: KEBAB_CASE.source },
  },
  title: {
    required: true,
    describe: 'Shown on the menu.',
    example: 'title: The kettle that gave up',
    schema: text,
  },
  summary: {
    required: true,
    describe: 'One or two sentences shown on the menu.',
    example: 'summary: A customer brings back a kettle that stopped working.',
    schema: text,
  },
  channel: {
    required: true,
    describe: 'How the customer reaches the learner.',
    example: 'channel: face-to-face',
    schema: { enum: [...CHANNELS] },
  },
  setting: {
    required: false,
    describe: 'Art key for the background, e.g. shop-counter.',
    example: 'setting: shop-counter',
    schema: text,
  },
  difficulty: {
    required: false,
    describe: '1 (introductory) to 3 (demanding); default 1.',
    example: 'difficulty: 2',
    schema: { enum: [1, 2, 3] },
  },
  tags: {
    required: false,
    describe: 'Free labels for tutors: topic, unit, law.',
    example: 'tags: [complaint handling, Consumer Rights Act 2015]',
    schema: idList,
  },
  models: {
    required: false,
    describe: 'Models the scenario was written for; default every model.',
    example: 'models: [LASS, HEAT]',
    schema: idList,
  },
  customer: {
    required: true,
    describe: 'Who the customer is.',
    example: 'customer:\n  name: Mrs Patel\n  mood: 30',
    schema: { $ref: '#/$defs/customer' },
  },
  start: { required: true, describe: 'The id of the first node.', example: 'start: opening', schema: text },
  nodes: {
    required: true,
    describe: 'The conversation: node id → node.',
    example: 'nodes:\n  opening:\n    customer: ...',
    schema: { type: 'object', minProperties: 1, additionalProperties: { $ref: '#/$defs/node' } },
  },
  marking: {
    required: false,
    describe: 'Examiner-style marking points shown in the debrief.',
    example: 'marking:\n  - id: open-questions\n    text: Used open questions',
    schema: { type: 'array', items: { $ref: '#/$defs/markingPoint' } },
  },
  reading: {
    required: false,
    describe:
      '"Say it your way" cues for this scenario only: the customer\'s details a learner must not read out before checking who they are, and extra cues per act.',
    example: 'reading:\n  disclose:\n    - 14 Alder Road',
    schema: { $ref: '#/$defs/reading' },
  },
};

export const CUSTOMER_FIELDS: FieldTable = {
  name: { required: true, describe: "The customer's name.", example: 'name: Mrs Patel', schema: text },
  mood: {
    required: false,
    describe: 'Starting mood from 0 (furious) to 100 (delighted); default 50.',
    example: 'mood: 30',
    schema: { type: 'integer', minimum: 0, maximum: 100 },
  },
  avatar: { required: false, describe: 'Art key for the customer.', example: 'avatar: patel', schema: text },
  about: {
    required: false,
    describe: 'Persona notes for tutors.',
    example: 'about: Busy, stressed, reasonable if taken seriously.',
    schema: text,
  },
  pronouns: {
    required: false,
    describe: 'she/her, he/him or they/them; default from the title (Mr he, Mrs/Ms/Miss she, Mx they).',
    example: 'pronouns: he/him',
    schema: { enum: [...PRONOUNS] },
  },
  look: {
    required: false,
    describe: 'How the customer is drawn: age, mobility, hair, skin, clothes. Each line is optional.',
    example: 'look:\n  age: older\n  mobility: wheelchair',
    schema: { $ref: '#/$defs/look' },
  },
};

/** The fields of `customer.look`: each pins one feature; the rest comes from the name. */
export const LOOK_FIELDS: FieldTable = {
  age: {
    required: false,
    describe: 'young, middle or older (grey hair and lines); default middle.',
    example: 'age: older',
    schema: { enum: [...AGES] },
  },
  mobility: {
    required: false,
    describe: 'standing (default) or wheelchair (drawn seated in a wheelchair).',
    example: 'mobility: wheelchair',
    schema: { enum: [...MOBILITY] },
  },
  hair: {
    required: false,
    describe: `Hair style: ${HAIR.join(', ')}.`,
    example: 'hair: short',
    schema: { enum: [...HAIR] },
  },
  hairColour: {
    required: false,
    describe: `Hair colour: ${HAIR_COLOURS.join(', ')}.`,
    example: 'hairColour: grey',
    schema: { enum: [...HAIR_COLOURS] },
  },
  skin: {
    required: false,
    describe: 'Skin tone from 1 (lightest) to 6 (deepest).',
    example: 'skin: 4',
    schema: { type: 'integer', minimum: 1, maximum: 6 },
  },
  facialHair: {
    required: false,
    describe: `Facial hair: ${FACIAL_HAIR.join(', ')}.`,
    example: 'facialHair: beard',
    schema: { enum: [...FACIAL_HAIR] },
  },
  glasses: {
    required: false,
    describe: `Glasses: ${GLASSES.join(', ')}.`,
    example: 'glasses: round',
    schema: { enum: [...GLASSES] },
  },
  headwear: {
    required: false,
    describe: `Head covering: ${HEADWEAR.join(', ')}.`,
    example: 'headwear: hijab',
    schema: { enum: [...HEADWEAR] },
  },
  top: {
    required: false,
    describe: `Clothes: ${TOPS.join(', ')}.`,
    example: 'top: cardigan',
    schema: { enum: [...TOPS] },
  },
};

export const NODE_FIELDS: FieldTable = {
  customer: {
    required: false,
    describe: 'What the customer says: one line, or a list of lines.',
    example: 'customer: I bought this here two weeks ago.',
    schema: { oneOf: [text, { type: 'array', items: text, minItems: 1 }] },
  },
  note: {
    required: false,
    describe: 'A stage direction.',
    example: 'note: She puts the kettle on the counter.',
    schema: text,
  },
  choices: {
    required: false,
    describe: "The learner's possible replies.",
    example: 'choices:\n  - say: ...\n    to: details',
    schema: { type: 'array', minItems: 1, items: { $ref: '#/$defs/choice' } },
  },
  end: {
    required: false,
    describe: 'Outcome of an ending node.',
    example: 'end: resolved',
    schema: { enum: [...OUTCOMES] },
  },
};

export const CHOICE_FIELDS: FieldTable = {
  say: {
    required: true,
    describe: 'What the learner says.',
    example: 'say: I am sorry to hear that.',
    schema: text,
  },
  to: {
    required: true,
    describe: 'The node the conversation goes to next.',
    example: 'to: details',
    schema: text,
  },
  acts: {
    required: false,
    describe: 'Acts this reply performs: a list, or act → credit between 0 and 1.',
    example: 'acts: [apologise, question]',
    schema: {
      oneOf: [
        idList,
        {
          type: 'object',
          additionalProperties: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        },
      ],
    },
  },
  mood: {
    required: false,
    describe: "Change to the customer's mood, e.g. +10 or -15.",
    example: 'mood: +10',
    schema: { type: 'integer' },
  },
  feedback: {
    required: false,
    describe: 'Why this reply is good or poor.',
    example: 'feedback: A sincere apology shows you care.',
    schema: text,
  },
  id: {
    required: false,
    describe: 'Stable id; default <node id>.<n>.',
    example: 'id: opening.apology',
    schema: text,
  },
  if: {
    required: false,
    describe: 'Offer this reply only when every condition holds.',
    example: 'if: { performed: [apologise] }',
    schema: { $ref: '#/$defs/condition' },
  },
};

export const CONDITION_FIELDS: FieldTable = {
  performed: {
    required: false,
    describe: 'One of these acts was chosen earlier in this run.',
    example: 'performed: [apologise]',
    schema: idList,
  },
  notPerformed: {
    required: false,
    describe: 'None of these acts was chosen earlier in this run.',
    example: 'notPerformed: [apologise]',
    schema: idList,
  },
  moodAtLeast: {
    required: false,
    describe: 'Mood is at least this.',
    example: 'moodAtLeast: 40',
    schema: { type: 'integer' },
  },
  moodBelow: {
    required: false,
    describe: 'Mood is below this.',
    example: 'moodBelow: 40',
    schema: { type: 'integer' },
  },
};

export const MARKING_FIELDS: FieldTable = {
  id: {
    required: true,
    describe: 'Stable id of the marking point.',
    example: 'id: open-questions',
    schema: text,
  },
  text: {
    required: true,
    describe: 'The statement shown in the debrief.',
    example: 'text: Used open questions to gather information',
    schema: text,
  },
  essential: {
    required: false,
    describe:
      'true when an assessor would not pass a run without this point (the law stated accurately, identity checked, a reasonable adjustment made): a run that misses it is at most Pass. Default false.',
    example: 'essential: true',
    schema: { type: 'boolean' },
  },
  when: {
    required: false,
    describe: 'Met if any listed act or choice occurs in the run.',
    example: 'when: { acts: [question] }',
    schema: matchSchema,
  },
  unless: {
    required: false,
    describe: 'Not met if any listed act or choice occurs in the run.',
    example: 'unless: { acts: [disclose] }',
    schema: matchSchema,
  },
};

export const MATCH_FIELDS: FieldTable = {
  acts: { required: false, describe: 'Act ids.', example: 'acts: [question]', schema: idList },
  choices: { required: false, describe: 'Choice ids.', example: 'choices: [remedy.1]', schema: idList },
};

/** A scenario's `reading:` block (optional; see docs/authoring.md, "A scenario's own cues"). */
export const READING_FIELDS: FieldTable = {
  disclose: {
    required: false,
    describe:
      "The customer's details (address, postcode, phone or account number) the learner must not read out before checking who they are.",
    example: 'disclose: [14 Alder Road, 07700 900123]',
    schema: { type: 'array', items: { type: ['string', 'number'] } },
  },
  acts: {
    required: false,
    describe: 'Extra cues per act, written as in models/cues.yaml: act id → match, unless, negation, check.',
    example: 'acts:\n  solve:\n    match: [payment plan]',
    schema: { type: 'object', additionalProperties: { $ref: '#/$defs/actCues' } },
  },
};

/** One act's cues in `reading.acts`: the same fields as an act in models/cues.yaml. */
export const READING_ACT_FIELDS: FieldTable = {
  match: {
    required: true,
    describe: 'Words that perform the act.',
    example: 'match: ["payment plan"]',
    schema: { type: 'array', items: { type: 'string' } },
  },
  unless: {
    required: false,
    describe: 'Words that, covering a match, cancel it.',
    example: 'unless: ["no payment plan"]',
    schema: { type: 'array', items: { type: 'string' } },
  },
  negation: {
    required: false,
    describe: 'false if a "not" just before a cue should not cancel it.',
    example: 'negation: false',
    schema: { type: 'boolean' },
  },
  check: {
    required: false,
    describe: '"tutor" when the act is shown as "tutor to check", never as a fault.',
    example: 'check: tutor',
    schema: { enum: ['tutor'] },
  },
};
