import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic as CmDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Diagnostic } from '../../scenario/index.ts';

const setProblemLines = StateEffect.define<readonly { line: number; severity: string }[]>();

/** Highlights each line with a problem (errors over warnings), so the offending line stands out. */
const problemLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(lines, tr) {
    let next = lines.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setProblemLines)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const worst = new Map<number, string>();
      for (const { line, severity } of effect.value)
        if (worst.get(line) !== 'error') worst.set(line, severity);
      for (const line of [...worst.keys()].sort((a, b) => a - b)) {
        if (line < 1 || line > tr.state.doc.lines) continue;
        const severity = worst.get(line) ?? 'warning';
        builder.add(
          tr.state.doc.line(line).from,
          tr.state.doc.line(line).from,
          Decoration.line({
            class: `cm-problem-line cm-problem-${severity}`,
            attributes: { 'data-line': String(line) },
          }),
        );
      }
      next = builder.finish();
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * The scenario editor: CodeMirror 6 with line numbers, YAML highlighting,
 * problems underlined and their lines highlighted. Tab is left to move focus
 * (keyboard users must be able to leave the editor); Enter keeps indentation.
 */
export class ScenarioEditor {
  readonly view: EditorView;

  constructor(parent: HTMLElement, text: string, label: string, onChange: (text: string) => void) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentUnit.of('  '),
          EditorState.tabSize.of(2),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle),
          lintGutter(),
          problemLines,
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'true', lang: 'en-GB' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text (a file opened or dropped). */
  setText(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  /** Shows the loader's diagnostics at their lines and columns (1-based, as the loader gives them). */
  showProblems(diagnostics: readonly Diagnostic[]): void {
    const { state } = this.view;
    const marks: CmDiagnostic[] = diagnostics.map((d) => {
      const line = state.doc.line(Math.min(Math.max(1, d.line), state.doc.lines));
      const from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
      return { from, to: Math.max(line.to, from), severity: d.severity, message: d.message };
    });
    this.view.dispatch(setDiagnostics(state, marks));
    this.view.dispatch({
      effects: setProblemLines.of(diagnostics.map((d) => ({ line: d.line, severity: d.severity }))),
    });
  }

  /** Puts the cursor at a line and column, scrolls there and focuses the editor. */
  goTo(line: number, column: number): void {
    const { doc } = this.view.state;
    const at = doc.line(Math.min(Math.max(1, line), doc.lines));
    const pos = Math.min(at.from + Math.max(0, column - 1), at.to);
    this.view.dispatch({
      selection: { anchor: pos },
      effects: EditorView.scrollIntoView(pos, { y: 'center' }),
    });
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
