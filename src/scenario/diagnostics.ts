import type { LineCounter, Node as YamlNode } from 'yaml';
import type { Diagnostic, Severity, SourcePosition } from './types.ts';

/** Something with a place in the file: a YAML node, a raw offset, or nothing (start of file). */
export type Where = YamlNode | number | null | undefined;

/**
 * Collects every problem in one file, each with a 1-based line and column
 * taken from the YAML parser's own node ranges.
 */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  position(where: Where): SourcePosition {
    const offset = typeof where === 'number' ? where : (where?.range?.[0] ?? 0);
    const { line, col } = this.lines.linePos(offset);
    // Before parsing (e.g. a file refused for its size) the counter knows no lines yet.
    return { line: Math.max(1, line), column: Math.max(1, col) };
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
