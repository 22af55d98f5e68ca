import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelledReplies, projectCues } from '../../scripts/actsEval.ts';
import { PROJECT_ROOT } from '../../src/cli/files.ts';
import { libraryFolders } from '../../src/game/build/libraryPlugin.ts';
import { buildReadingData, CueFileError } from '../../src/game/build/readingPlugin.ts';
import { cueSetFromData, cueSetToData, readReply } from '../../src/reading/index.ts';

describe('cues as build-time data', () => {
  it('reads every labelled reply exactly as the cue file does, after a trip through JSON', () => {
    const cues = projectCues();
    const shipped = cueSetFromData(JSON.parse(JSON.stringify(cueSetToData(cues))));
    const replies = labelledReplies();
    expect(replies.length).toBeGreaterThan(200);
    for (const { text } of replies) expect(readReply(text, shipped)).toEqual(readReply(text, cues));
  });

  it('fails the build on a broken cue file, naming file, line, column and what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cues-'));
    try {
      for (const name of readdirSync(join(PROJECT_ROOT, 'models')))
        writeFileSync(join(dir, name), readFileSync(join(PROJECT_ROOT, 'models', name)));
      writeFileSync(
        join(dir, 'cues.yaml'),
        'acts:\n  apologize:\n    match: [sorry]\n  thank:\n    mach: [thanks]\n',
      );
      const folders = { ...libraryFolders(PROJECT_ROOT), modelsDir: dir };
      let thrown: unknown;
      try {
        buildReadingData(folders);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CueFileError);
      const message = (thrown as Error).message;
      expect(message).toMatch(/cues\.yaml has 3 errors; fix them and build again:/);
      expect(message).toMatch(
        /cues\.yaml:2:3: error: unknown act 'apologize' \(did you mean 'apologise'\?\)/,
      );
      expect(message).toMatch(/cues\.yaml:5:5: error: unknown field 'mach' \(did you mean 'match'\?\)/);
      expect(message).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships the weights of every word of the library’s replies, the same on every build', () => {
    const folders = libraryFolders(PROJECT_ROOT);
    const a = buildReadingData(folders);
    expect(JSON.stringify(buildReadingData(folders))).toBe(JSON.stringify(a));
    expect(a.weights.idf.sorry).toBeGreaterThan(0);
    expect(a.weights.unseen).toBeGreaterThanOrEqual(Math.max(...Object.values(a.weights.idf)));
  });
});
