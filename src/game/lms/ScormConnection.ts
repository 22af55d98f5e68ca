import type { CmiValue, ScormVersion } from '../../lms/index.ts';
import type { FoundApi } from './scormApi.ts';

/** One LMS session over either SCORM version; every call is guarded so an LMS fault never stops play. */
export class ScormConnection {
  private state: 'new' | 'open' | 'closed' = 'new';
  /** Elements the LMS refused, with its error code: for the console and for tests. */
  readonly refused: { element: string; value: string; error: string }[] = [];

  constructor(private readonly found: FoundApi) {}

  get version(): ScormVersion {
    return this.found.version;
  }

  get open(): boolean {
    return this.state === 'open';
  }

  initialize(): boolean {
    if (this.state !== 'new') return this.state === 'open';
    const ok = this.call(() =>
      this.found.version === '1.2' ? this.found.api.LMSInitialize('') : this.found.api.Initialize(''),
    );
    this.state = ok ? 'open' : 'closed';
    return ok;
  }

  get(element: string): string {
    if (this.state !== 'open') return '';
    try {
      const value =
        this.found.version === '1.2' ? this.found.api.LMSGetValue(element) : this.found.api.GetValue(element);
      return typeof value === 'string' ? value : String(value ?? '');
    } catch {
      return '';
    }
  }

  /** Sets values in order; a refused value is recorded and the rest still go. */
  setAll(values: readonly CmiValue[]): void {
    if (this.state !== 'open') return;
    for (const [element, value] of values) {
      const ok = this.call(() =>
        this.found.version === '1.2'
          ? this.found.api.LMSSetValue(element, value)
          : this.found.api.SetValue(element, value),
      );
      if (!ok) this.refused.push({ element, value, error: this.lastError() });
    }
  }

  commit(): boolean {
    if (this.state !== 'open') return false;
    return this.call(() =>
      this.found.version === '1.2' ? this.found.api.LMSCommit('') : this.found.api.Commit(''),
    );
  }

  terminate(): void {
    if (this.state !== 'open') return;
    this.state = 'closed';
    this.call(() =>
      this.found.version === '1.2' ? this.found.api.LMSFinish('') : this.found.api.Terminate(''),
    );
  }

  private lastError(): string {
    try {
      return String(
        this.found.version === '1.2' ? this.found.api.LMSGetLastError() : this.found.api.GetLastError(),
      );
    } catch {
      return '?';
    }
  }

  private call(run: () => string | boolean): boolean {
    try {
      const result = run();
      return result === true || result === 'true';
    } catch {
      return false;
    }
  }
}
