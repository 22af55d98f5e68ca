import { describe, expect, it } from 'vitest';
import { makeRoom, type RecordingMeta, recordingKey } from '../../../src/game/rehearse/limits.ts';
import {
  memoryRecordings,
  type Recording,
  type RecordingBackend,
  RecordingStore,
} from '../../../src/game/rehearse/RecordingStore.ts';

const LIMITS = { maxSeconds: 60, maxTotalBytes: 1_000, maxRecordings: 3 } as const;

function recording(key: string, bytes: number, minute: number): Recording {
  return {
    key,
    runId: key.split(':')[0] ?? key,
    at: 0,
    node: 'opening',
    createdAt: `2026-12-03T10:${String(minute).padStart(2, '0')}:00.000Z`,
    bytes,
    seconds: 5,
    type: 'audio/webm',
    audio: new Blob([new Uint8Array(bytes)], { type: 'audio/webm' }),
  };
}

const meta = ({ audio: _audio, ...rest }: Recording): RecordingMeta => rest;

describe('makeRoom', () => {
  it('removes nothing while the new recording fits', () => {
    const existing = [meta(recording('a:0', 300, 1)), meta(recording('b:0', 300, 2))];
    expect(makeRoom(existing, { key: 'c:0', bytes: 400 }, LIMITS)).toEqual({ fits: true, drop: [] });
  });

  it('removes the oldest first, only as many as it takes to fit the total size', () => {
    const existing = [
      meta(recording('new:0', 300, 5)),
      meta(recording('old:0', 300, 1)),
      meta(recording('mid:0', 300, 3)),
    ];
    expect(makeRoom(existing, { key: 'x:0', bytes: 500 }, { ...LIMITS, maxRecordings: 10 })).toEqual({
      fits: true,
      drop: ['old:0', 'mid:0'],
    });
  });

  it('keeps to the count as well as the size', () => {
    const existing = [
      meta(recording('a:0', 10, 1)),
      meta(recording('b:0', 10, 2)),
      meta(recording('c:0', 10, 3)),
    ];
    expect(makeRoom(existing, { key: 'd:0', bytes: 10 }, LIMITS)).toEqual({ fits: true, drop: ['a:0'] });
  });

  it('does not count the recording a new take of the same turn replaces', () => {
    const existing = [meta(recording('a:0', 600, 1)), meta(recording('b:0', 300, 2))];
    expect(makeRoom(existing, { key: 'a:0', bytes: 700 }, LIMITS)).toEqual({ fits: true, drop: [] });
  });

  it('refuses a recording bigger than the whole allowance, and removes nothing for it', () => {
    const existing = [meta(recording('a:0', 100, 1))];
    expect(makeRoom(existing, { key: 'b:0', bytes: 1_001 }, LIMITS)).toEqual({
      fits: false,
      reason: 'too-big',
    });
  });

  it('names a recording by run and turn', () => {
    expect(recordingKey('run-1', 2)).toBe('run-1:2');
  });
});

describe('RecordingStore over a fake store', () => {
  it('keeps recordings within the limit, dropping the oldest and saying how many', async () => {
    const backend = memoryRecordings();
    const store = new RecordingStore(backend, LIMITS);
    expect(await store.save(recording('a:0', 400, 1))).toEqual({ kept: true, dropped: 0 });
    expect(await store.save(recording('a:1', 400, 2))).toEqual({ kept: true, dropped: 0 });
    expect(await store.save(recording('a:2', 400, 3))).toEqual({ kept: true, dropped: 1 });
    expect([...backend.data.keys()].sort()).toEqual(['a:1', 'a:2']);
    const total = (await store.list()).reduce((sum, m) => sum + m.bytes, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.maxTotalBytes);
    expect((await store.get('a:2'))?.audio.size).toBe(400);
  });

  it('refuses a recording too big to keep, leaving the others', async () => {
    const backend = memoryRecordings();
    const store = new RecordingStore(backend, LIMITS);
    await store.save(recording('a:0', 400, 1));
    expect(await store.save(recording('a:1', 5_000, 2))).toEqual({ kept: false, reason: 'too-big' });
    expect([...backend.data.keys()]).toEqual(['a:0']);
  });

  it('says a recording was not kept when the browser refuses, instead of throwing', async () => {
    const refusing: RecordingBackend = {
      ...memoryRecordings(),
      write: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    };
    const store = new RecordingStore(refusing, LIMITS);
    expect(await store.save(recording('a:0', 10, 1))).toEqual({ kept: false, reason: 'failed' });
    expect(await store.get('a:0')).toBeUndefined();
  });

  it('erases every recording', async () => {
    const backend = memoryRecordings();
    const store = new RecordingStore(backend, LIMITS);
    await store.save(recording('a:0', 10, 1));
    await store.save(recording('b:0', 10, 2));
    await store.clear();
    expect(await store.list()).toEqual([]);
  });
});
