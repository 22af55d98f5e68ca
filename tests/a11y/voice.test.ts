import { describe, expect, it } from 'vitest';
import { Narrator } from '../../src/game/voice/Narrator.ts';
import {
  chooseVoice,
  clampRate,
  sortVoices,
  type Voice,
  type VoiceInfo,
} from '../../src/game/voice/Voice.ts';

const voice = (id: string, lang: string, isDefault = false): VoiceInfo => ({ id, name: id, lang, isDefault });

class RecordingVoice implements Voice {
  readonly log: string[] = [];
  speak(text: string, options: { rate: number }): void {
    this.log.push(`speak ${options.rate} ${text}`);
  }
  cancel(): void {
    this.log.push('cancel');
  }
  voices(): readonly VoiceInfo[] {
    return [];
  }
  onVoicesChanged(): () => void {
    return () => undefined;
  }
}

describe('choosing a voice', () => {
  const voices = [
    voice('us', 'en-US', true),
    voice('fr', 'fr-FR'),
    voice('gb', 'en-GB'),
    voice('gb2', 'en_GB'),
  ];

  it("prefers the learner's choice, then UK English, then any English, then the default", () => {
    expect(chooseVoice(voices, 'fr')?.id).toBe('fr');
    expect(chooseVoice(voices, null)?.id).toBe('gb');
    expect(chooseVoice(voices, 'gone')?.id).toBe('gb');
    expect(chooseVoice([voice('us', 'en-US'), voice('fr', 'fr-FR', true)], null)?.id).toBe('us');
    expect(chooseVoice([voice('de', 'de-DE'), voice('fr', 'fr-FR', true)], null)?.id).toBe('fr');
    expect(chooseVoice([], null)).toBeUndefined();
  });

  it('lists UK English voices first for the settings panel', () => {
    expect(sortVoices(voices).map((v) => v.id)).toEqual(['gb', 'gb2', 'us', 'fr']);
  });

  it('keeps the speaking rate within 0.5 and 2', () => {
    expect([clampRate(0.1), clampRate(1.25), clampRate(5), clampRate(Number.NaN)]).toEqual([0.5, 1.25, 2, 1]);
  });
});

describe('the narrator', () => {
  it('says each line of a turn in order at the chosen rate, cutting off the last turn first', () => {
    const fake = new RecordingVoice();
    const narrator = new Narrator(fake, () => ({ enabled: true, rate: 1.5, voiceId: null }));
    narrator.sayTurn(['Hello.', 'Is anyone there?']);
    expect(fake.log).toEqual(['cancel', 'speak 1.5 Hello.', 'speak 1.5 Is anyone there?']);
  });

  it('says nothing when the voice is off', () => {
    const fake = new RecordingVoice();
    const narrator = new Narrator(fake, () => ({ enabled: false, rate: 1, voiceId: null }));
    narrator.sayTurn(['Hello.']);
    expect(fake.log).toEqual(['cancel']);
  });
});
