import type { ActCues, Clauses, Confidence, CueSet, Refusal } from './cueSet.ts';
import type { Pattern } from './patterns.ts';

/**
 * A cue set as plain JSON, for the build to ship (src/game/build/readingPlugin.ts):
 * the cue file checked and compiled in Node, so the browser never parses YAML
 * to read a reply. Patterns are already plain data; maps and sets become
 * records and arrays, in the cue file's order.
 */
export interface CueSetData {
  readonly spellings: Readonly<Record<string, string>>;
  readonly negators: readonly string[];
  readonly fillers: readonly string[];
  readonly negationReach: number;
  readonly refusal?: Refusal;
  readonly clauses?: ClausesData;
  readonly acts: readonly {
    readonly act: string;
    readonly match: readonly Pattern[];
    readonly unless: readonly Pattern[];
    readonly negation: boolean;
    readonly confidence: Confidence;
  }[];
}

/** The clause rules with their maps as records. */
export type ClausesData = Omit<Clauses, 'counter' | 'flat' | 'statement' | 'asking'> & {
  readonly counter: Readonly<Record<string, readonly Pattern[]>>;
  readonly flat: Readonly<Record<string, readonly Pattern[]>>;
  readonly statement: Readonly<Record<string, readonly Pattern[]>>;
  readonly asking: Readonly<Record<string, readonly Pattern[]>>;
};

export function cueSetToData(cues: CueSet): CueSetData {
  return {
    spellings: Object.fromEntries(cues.spellings),
    negators: [...cues.negators],
    fillers: [...cues.fillers],
    negationReach: cues.negationReach,
    ...(cues.refusal === undefined ? {} : { refusal: cues.refusal }),
    ...(cues.clauses === undefined
      ? {}
      : {
          clauses: {
            ...cues.clauses,
            counter: Object.fromEntries(cues.clauses.counter),
            flat: Object.fromEntries(cues.clauses.flat),
            statement: Object.fromEntries(cues.clauses.statement),
            asking: Object.fromEntries(cues.clauses.asking),
          },
        }),
    acts: [...cues.acts.values()].map((a) => ({
      act: a.act,
      match: a.match,
      unless: a.unless,
      negation: a.negation,
      confidence: a.confidence,
    })),
  };
}

/** The cue set back from its JSON form: no checking, since the build checked it. */
export function cueSetFromData(data: CueSetData): CueSet {
  return {
    spellings: new Map(Object.entries(data.spellings)),
    negators: new Set(data.negators),
    fillers: new Set(data.fillers),
    negationReach: data.negationReach,
    ...(data.refusal === undefined ? {} : { refusal: data.refusal }),
    ...(data.clauses === undefined
      ? {}
      : {
          clauses: {
            ...data.clauses,
            counter: new Map(Object.entries(data.clauses.counter)),
            flat: new Map(Object.entries(data.clauses.flat)),
            statement: new Map(Object.entries(data.clauses.statement)),
            asking: new Map(Object.entries(data.clauses.asking)),
          },
        }),
    acts: new Map(data.acts.map((a): [string, ActCues] => [a.act, { ...a }])),
  };
}
