import type { ScormVersion } from '../../lms/index.ts';

/** The SCORM 1.2 API object an LMS puts on a parent frame as `window.API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
}

/** The SCORM 2004 API object an LMS puts on a parent frame as `window.API_1484_11`. */
export interface Scorm2004Api {
  Initialize(arg: ''): string | boolean;
  Terminate(arg: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(arg: ''): string | boolean;
  GetLastError(): string | number;
}

export type FoundApi =
  | { readonly version: '1.2'; readonly api: Scorm12Api }
  | { readonly version: '2004'; readonly api: Scorm2004Api };

/** The bits of `Window` the search walks; a test passes plain objects. */
export interface FrameLike {
  readonly parent?: FrameLike | null;
  readonly opener?: FrameLike | null;
  readonly top?: FrameLike | null;
  readonly API?: unknown;
  readonly API_1484_11?: unknown;
}

/** How far up the frames to look (ADL's wrapper uses 500; real LMSs nest 2–5 deep). */
const MAX_HOPS = 20;

/**
 * Looks for the LMS's API the way ADL describes: this window, then each
 * parent up to the top, then the opener and its parents. SCORM 2004 is
 * preferred when an LMS offers both. A cross-origin frame throws on access:
 * that ends the walk on that side, never the app.
 */
export function findScormApi(
  start: FrameLike,
  prefer: readonly ScormVersion[] = ['2004', '1.2'],
): FoundApi | null {
  const frames = [...chain(start), ...chain(safe(() => start.opener) ?? null)];
  for (const version of prefer) {
    for (const frame of frames) {
      const api = safe(() => (version === '2004' ? frame.API_1484_11 : frame.API));
      if (version === '2004' && isApi2004(api)) return { version, api };
      if (version === '1.2' && isApi12(api)) return { version, api };
    }
  }
  return null;
}

function chain(start: FrameLike | null): FrameLike[] {
  const frames: FrameLike[] = [];
  let frame = start;
  while (frame !== null && frames.length < MAX_HOPS && !frames.includes(frame)) {
    frames.push(frame);
    const parent: FrameLike | null = safe(() => frame?.parent ?? null) ?? null;
    frame = parent === frame ? null : parent;
  }
  return frames;
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function isApi12(value: unknown): value is Scorm12Api {
  return (
    typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function'
  );
}

function isApi2004(value: unknown): value is Scorm2004Api {
  return (
    typeof value === 'object' && value !== null && typeof (value as Scorm2004Api).Initialize === 'function'
  );
}
