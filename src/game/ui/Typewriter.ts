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

  constructor(
    target: HTMLElement,
    private readonly lines: readonly string[],
    private readonly options: {
      readonly charsPerSecond: number;
      readonly gapMs: number;
      readonly instant: boolean;
    },
    private readonly onDone: () => void,
  ) {
    this.paragraphs = lines.map(() => {
      const p = document.createElement('p');
      target.append(p);
      return p;
    });
    let at = 0;
    this.ends = lines.map((line) => {
      at += (line.length / options.charsPerSecond) * 1000 + options.gapMs;
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
      const end = this.ends[i] ?? 0;
      const typing = elapsed - lineStart;
      const chars = Math.max(0, Math.floor((typing / 1000) * this.options.charsPerSecond));
      this.show(i, line.slice(0, chars));
      lineStart = end;
    }
    if (elapsed >= (this.ends.at(-1) ?? 0) - this.options.gapMs) this.finish();
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
