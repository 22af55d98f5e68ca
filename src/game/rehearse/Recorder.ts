/**
 * The microphone, asked for only when the learner presses Record: audio only,
 * recorded by the browser's MediaRecorder into memory. Nothing here sends
 * anything anywhere; the blob goes to IndexedDB (`RecordingStore`) or nowhere.
 */

/** Why recording could not start, in the words the panel uses (strings.ts). */
export type MicProblem = 'unsupported' | 'denied' | 'missing' | 'failed';

export class MicError extends Error {
  constructor(readonly problem: MicProblem) {
    super(`microphone: ${problem}`);
  }
}

export interface Take {
  readonly audio: Blob;
  readonly seconds: number;
  /** True when it stopped itself at the length limit. */
  readonly cut: boolean;
}

export interface ActiveRecording {
  /** Seconds since recording started. */
  elapsed(): number;
  /** Stops and gives the take (also after it stopped itself at the limit). */
  stop(): Promise<Take>;
  /** Stops and throws the audio away (the turn changed under it). */
  discard(): void;
}

export function canRecord(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    navigator.mediaDevices !== undefined &&
    typeof navigator.mediaDevices.getUserMedia === 'function' &&
    typeof MediaRecorder !== 'undefined'
  );
}

function problemOf(error: unknown): MicProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  return 'failed';
}

/**
 * Starts recording. `maxSeconds` stops it by itself (`onLimit` is told, so
 * the panel can say why); the timer is the only clock, and it is cleared on stop.
 */
export async function startRecording(maxSeconds: number, onLimit: () => void): Promise<ActiveRecording> {
  if (!canRecord()) throw new MicError('unsupported');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  } catch (error) {
    throw new MicError(problemOf(error));
  }
  const release = (): void => {
    for (const track of stream.getTracks()) track.stop();
  };
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream);
  } catch {
    release();
    throw new MicError('failed');
  }
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  const started = performance.now();
  let ended: number | null = null;
  let cut = false;
  const stopped = new Promise<void>((done) =>
    recorder.addEventListener('stop', () => done(), { once: true }),
  );
  const halt = (): void => {
    if (ended !== null) return;
    ended = performance.now();
    window.clearTimeout(timer);
    if (recorder.state !== 'inactive') recorder.stop();
    release();
  };
  const timer = window.setTimeout(() => {
    cut = true;
    halt();
    onLimit();
  }, maxSeconds * 1000);
  recorder.start();
  return {
    elapsed: () => ((ended ?? performance.now()) - started) / 1000,
    async stop() {
      halt();
      await stopped;
      const seconds = Math.min(maxSeconds, ((ended ?? performance.now()) - started) / 1000);
      return { audio: new Blob(chunks, { type: recorder.mimeType || 'audio/webm' }), seconds, cut };
    },
    discard() {
      halt();
      chunks.length = 0;
    },
  };
}
