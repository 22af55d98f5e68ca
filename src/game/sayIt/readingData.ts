import type { CueSetData, ReplyWeights } from '../../reading/index.ts';

/** What the build ships for "say it your way" (src/game/build/readingPlugin.ts): plain data, no YAML. */
export interface ReadingData {
  readonly cues: CueSetData;
  readonly weights: ReplyWeights;
}
