import type { Diagnostic } from '../../scenario/index.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { brand } from '../ui/brand.ts';
import { h } from '../ui/dom.ts';
import { ScenarioEditor } from './ScenarioEditor.ts';
import './authoring.css';

const S = TUTOR_STRINGS.authoring;

export interface AuthoringViewProps {
  /** The text the editor opens with (the draft so far, or empty). */
  readonly text: string;
  /** Every keystroke's text, for the scene to keep and check. */
  readonly onChange: (text: string) => void;
  /** A file chosen with Open or dropped onto the editor. */
  readonly onFile: (file: File) => void;
  readonly onExample: () => void;
  readonly onDownload: () => void;
  readonly onPlay: (modelId: string) => void;
  readonly onPresent: (modelId: string) => void;
  readonly onMap: (modelId: string) => void;
  readonly onHub: () => void;
  readonly onBack: () => void;
}

/** What one check of the editor's text found, as the view shows it. */
export interface CheckShown {
  readonly diagnostics: readonly Diagnostic[];
  /** True when the text is a valid scenario (play, present and map are offered). */
  readonly ready: boolean;
  /** The models the scenario can be played under. */
  readonly models: readonly string[];
  /** The model to pick when the one picked now is not among them (the menu's). */
  readonly preferredModel: string;
}

/**
 * The editor's page as DOM: the file actions, the CodeMirror editor (with
 * drop-a-file), the problems list, and play / present / map with the model.
 * It shows what the scene's checks found and reports what the tutor does.
 */
export class AuthoringView {
  private readonly editor: ScenarioEditor;
  private readonly heading: HTMLElement;
  private readonly editorBox: HTMLElement;
  private readonly status: HTMLElement;
  private readonly problems: HTMLElement;
  private readonly modelSelect: HTMLSelectElement;
  private readonly actions: readonly HTMLButtonElement[];
  private readonly playNote: HTMLElement;

  constructor(panel: HTMLElement, topbar: HTMLElement, props: AuthoringViewProps) {
    const fileInput = h('input', {
      type: 'file',
      accept: '.yaml,.yml,text/yaml,application/yaml,text/plain',
      class: 'visually-hidden',
      id: 'authoring-file',
      'aria-label': S.open,
      'data-testid': 'file-input',
      tabindex: -1,
    });
    const open = h(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'open-file' },
      S.open,
    );
    open.addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (file !== undefined) props.onFile(file);
      fileInput.value = '';
    });
    const exampleButton = h('button', { type: 'button', class: 'button secondary' }, S.example);
    exampleButton.addEventListener('click', () => props.onExample());
    const download = h('button', { type: 'button', class: 'button secondary' }, S.download);
    download.addEventListener('click', () => props.onDownload());

    this.status = h('p', { class: 'authoring-status', role: 'status', 'data-testid': 'authoring-status' });
    this.problems = h('ol', { class: 'authoring-problems', 'data-testid': 'problems' });
    this.modelSelect = h('select', {
      class: 'select',
      id: 'authoring-model',
      'data-testid': 'authoring-model',
    });
    const play = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'authoring-play' },
      '▶ ',
      S.play,
    );
    const present = h(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'authoring-present' },
      S.present,
    );
    const mapButton = h(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'authoring-map' },
      S.map,
    );
    this.actions = [play, present, mapButton];
    this.playNote = h('p', { class: 'authoring-note' });
    play.addEventListener('click', () => props.onPlay(this.modelSelect.value));
    present.addEventListener('click', () => props.onPresent(this.modelSelect.value));
    mapButton.addEventListener('click', () => props.onMap(this.modelSelect.value));

    this.editorBox = h('div', { class: 'authoring-editor', 'data-testid': 'editor' });
    const dropHint = h('div', { class: 'authoring-drop', 'aria-hidden': 'true' }, S.dropHint);
    const editorWrap = h('div', { class: 'authoring-editor-wrap' }, this.editorBox, dropHint);
    // Capture phase: a dropped file replaces the text (CodeMirror would insert it at the drop point).
    editorWrap.addEventListener(
      'dragover',
      (event) => {
        if (!event.dataTransfer?.types.includes('Files')) return;
        event.preventDefault();
        editorWrap.dataset.dragging = 'true';
      },
      true,
    );
    editorWrap.addEventListener('dragleave', () => delete editorWrap.dataset.dragging);
    editorWrap.addEventListener(
      'drop',
      (event) => {
        const file = event.dataTransfer?.files[0];
        delete editorWrap.dataset.dragging;
        if (file === undefined) return;
        event.preventDefault();
        event.stopPropagation();
        props.onFile(file);
      },
      true,
    );

    const backButton = h('button', { type: 'button', class: 'button ghost' }, '← ', S.back);
    backButton.addEventListener('click', () => props.onBack());
    const hub = h('button', { type: 'button', class: 'button ghost' }, TUTOR_STRINGS.menuButton);
    hub.addEventListener('click', () => props.onHub());
    topbar.append(brand(), h('span', { style: 'margin-left:auto' }), hub, backButton);
    this.heading = h('h1', { tabindex: -1 }, S.heading);
    panel.append(
      h(
        'div',
        { class: 'authoring' },
        h(
          'div',
          { class: 'authoring-head' },
          this.heading,
          h('p', {}, S.intro),
          h('div', { class: 'tutor-actions' }, open, exampleButton, download, fileInput),
        ),
        h(
          'div',
          { class: 'authoring-main' },
          h('label', { class: 'visually-hidden', id: 'editor-label' }, S.editorLabel),
          editorWrap,
        ),
        h(
          'aside',
          { class: 'authoring-side', 'aria-labelledby': 'problems-heading' },
          h('h2', { id: 'problems-heading' }, S.problemsHeading),
          this.status,
          this.problems,
          h(
            'div',
            { class: 'authoring-play' },
            h('label', { class: 'tutor-field', for: 'authoring-model' }, S.model, this.modelSelect),
            h('div', { class: 'tutor-actions' }, play, present, mapButton),
            this.playNote,
          ),
        ),
      ),
    );
    this.editor = new ScenarioEditor(this.editorBox, props.text, S.editorLabel, (text) => {
      this.status.textContent = S.checking;
      props.onChange(text);
    });
  }

  /** The editor's text now. */
  get text(): string {
    return this.editor.text;
  }

  /** Replaces the editor's text (an opened file, the example); the editor reports it as a change. */
  setText(text: string): void {
    this.editor.setText(text);
  }

  /** Shows one check's result: the problems in the editor and the list, the count, and whether it can be played. */
  showCheck({ diagnostics, ready, models, preferredModel }: CheckShown): void {
    this.editor.showProblems(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    this.status.textContent =
      this.editor.text.trim() === ''
        ? ''
        : errors === 0 && warnings === 0
          ? S.noProblems
          : S.counts(errors, warnings);
    this.status.dataset.errors = String(errors);
    this.problems.replaceChildren(...diagnostics.map((d) => h('li', {}, this.problemButton(d))));
    for (const button of this.actions) button.disabled = !ready;
    this.playNote.textContent = ready ? '' : S.cannotPlay;
    const chosen = this.modelSelect.value || preferredModel;
    this.modelSelect.replaceChildren(...models.map((id) => h('option', { value: id }, id)));
    if (models.includes(chosen)) this.modelSelect.value = chosen;
    // When the last check landed, on the editor for anyone inspecting the page (kept as it was; nothing reads it yet).
    this.editorBox.dataset.checked = String(Date.now());
  }

  /** Offers the editor's text as a file to save. */
  download(fileName: string): void {
    const url = URL.createObjectURL(new Blob([this.editor.text], { type: 'text/yaml' }));
    const link = h('a', { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Focus starts on the page's heading, as on every screen. */
  focus(): void {
    this.heading.focus({ preventScroll: true });
  }

  dispose(): void {
    this.editor.destroy();
  }

  private problemButton(d: Diagnostic): HTMLElement {
    const button = h(
      'button',
      {
        type: 'button',
        class: `authoring-problem ${d.severity}`,
        'data-line': d.line,
        'data-severity': d.severity,
      },
      h(
        'span',
        { class: 'authoring-where' },
        `${d.severity === 'error' ? S.error : S.warning} · ${S.goTo(d.line, d.column)}`,
      ),
      h('span', { class: 'authoring-message' }, d.message),
    );
    button.addEventListener('click', () => this.editor.goTo(d.line, d.column));
    return button;
  }
}
