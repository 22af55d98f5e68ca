export interface TypewriterOptions {
  readonly charsPerSecond: number;
  /** Long text types faster, so it never takes longer than this. */
  readonly maxSeconds: number;
  readonly gapMs: number;
  readonly instant: boolean;
}

/**
 * Types lines into paragraphs at a steady speed; `skip()` finishes at once.
 * Time-based (not frame-based), so a slow frame never slows the text down.
 */
export class Typewriter {
  private readonly paragraphs: HTMLParagraphElement[];
  private frame = 0;
  private finished = false;
  private readonly started = performance.now();
  private readonly ends: number[];
  private readonly charsPerSecond: number;
  private readonly gapMs: number;

  constructor(
    target: HTMLElement,
    private readonly lines: readonly string[],
    options: TypewriterOptions,
    private readonly onDone: () => void,
  ) {
    this.paragraphs = lines.map(() => {
      const p = document.createElement('p');
      target.append(p);
      return p;
    });
    const total = lines.reduce((sum, line) => sum + line.length, 0);
    this.charsPerSecond = Math.max(options.charsPerSecond, total / options.maxSeconds);
    this.gapMs = options.gapMs;
    let at = 0;
    this.ends = lines.map((line) => {
      at += (line.length / this.charsPerSecond) * 1000 + this.gapMs;
      return at;
    });
    if (options.instant) this.skip();
    else this.tick();
  }

  get done(): boolean {
    return this.finished;
  }

  /** Shows every line in full and reports done; returns false if it was already done. */
  skip(): boolean {
    if (this.finished) return false;
    this.finish();
    return true;
  }

  cancel(): void {
    cancelAnimationFrame(this.frame);
    this.finished = true;
  }

  private tick = (): void => {
    const elapsed = performance.now() - this.started;
    let lineStart = 0;
    for (const [i, line] of this.lines.entries()) {
      const chars = Math.max(0, Math.floor(((elapsed - lineStart) / 1000) * this.charsPerSecond));
      this.show(i, line.slice(0, chars));
      lineStart = this.ends[i] ?? 0;
    }
    if (elapsed >= (this.ends.at(-1) ?? 0) - this.gapMs) this.finish();
    else this.frame = requestAnimationFrame(this.tick);
  };

  private show(i: number, text: string): void {
    const p = this.paragraphs[i];
    if (p === undefined) return;
    p.textContent = text;
    p.hidden = text.length === 0 && i > 0;
  }

  private finish(): void {
    cancelAnimationFrame(this.frame);
    for (const [i, line] of this.lines.entries()) this.show(i, line);
    this.finished = true;
    this.onDone();
  }
}
