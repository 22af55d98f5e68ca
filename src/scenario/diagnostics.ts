import type { LineCounter, Node as YamlNode } from 'yaml';
import type { Diagnostic, Severity, SourcePosition } from './types.ts';

/** Something with a place in the file: a YAML node, a raw offset, or nothing (start of file). */
export type Where = YamlNode | number | null | undefined;

/**
 * Collects every problem in one file, each with a 1-based line and column
 * worked out from the YAML parser's node ranges and the text itself.
 */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  private lineStarts: number[] | undefined;

  /** `source` is the file's text; a `LineCounter` (the old form, still used by bench/) is also accepted. */
  constructor(
    readonly file: string,
    private readonly source: string | LineCounter,
  ) {}

  position(where: Where): SourcePosition {
    const raw = typeof where === 'number' ? where : (where?.range?.[0] ?? 0);
    if (typeof this.source !== 'string') {
      const { line, col } = this.source.linePos(raw);
      return { line: Math.max(1, line), column: Math.max(1, col) };
    }
    const offset = Math.min(Math.max(0, raw), this.source.length);
    // Counted from the text, not the parser's LineCounter: in some broken files the
    // lexer skips newlines inside a token, and positions drifted past the end of a line.
    this.lineStarts ??= lineStartsOf(this.source);
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  error(where: Where, code: string, message: string): void {
    this.add('error', where, code, message);
  }

  warning(where: Where, code: string, message: string): void {
    this.add('warning', where, code, message);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }

  private add(severity: Severity, where: Where, code: string, message: string): void {
    const { line, column } = this.position(where);
    this.diagnostics.push({ file: this.file, line, column, severity, code, message });
  }
}

/** Offsets where each line begins: 0, then one after every '\n' (as the YAML parser counts lines). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Diagnostics in reading order: by line, then column, errors before warnings. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** `FILE:LINE:COL: error: MESSAGE`, the format editors and the contract use. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
