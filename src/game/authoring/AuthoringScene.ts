import * as Phaser from 'phaser';
import example from '../../../scenarios/faulty-kettle.yaml?raw';
import { type Diagnostic, loadScenario, MAX_FILE_BYTES, type Scenario } from '../../scenario/index.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import { TutorSceneKey, TutorScreen } from '../presenter/keys.ts';
import { enterScreen } from '../presenter/PresenterScene.ts';
import { jumpInPractice } from '../presenter/playFromHere.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { startScene } from '../scenes/LoadingScene.ts';
import { STRINGS } from '../strings.ts';
import { h } from '../ui/dom.ts';
import { installDraft } from './draftLibrary.ts';
import { ScenarioEditor } from './ScenarioEditor.ts';
import './authoring.css';
import { brand } from '../ui/brand.ts';

const S = TUTOR_STRINGS.authoring;
/** How long typing must pause before the file is checked again, in ms. */
const CHECK_DELAY = 350;
const DRAFT_KEY = 'complaint-sim:draft';

function sessionDraft(): { file: string; text: string } | null {
  try {
    const text = window.sessionStorage.getItem(DRAFT_KEY);
    return text === null ? null : { file: S.draftFile, text };
  } catch {
    return null;
  }
}

function storeSessionDraft(text: string): void {
  try {
    window.sessionStorage.setItem(DRAFT_KEY, text);
  } catch {
    // Storage refused (private mode, quota): the scene's memory still has it.
  }
}

/**
 * Authoring in the browser: open, drop or paste a scenario; the real loader
 * (pure, the same as `sim validate`) checks it as the tutor types; a valid
 * scenario can be played in Practice, presented, or mapped at once.
 * Nothing leaves the page.
 */
export class AuthoringScene extends Phaser.Scene {
  private editor: ScenarioEditor | null = null;
  private timer = 0;
  private file: string = S.draftFile;
  private scenario: Scenario | null = null;
  private map: MapHandle | null = null;
  /**
   * The draft survives a trip to the role-play and back: Phaser keeps this
   * scene object for the page, so its memory is the page's; the tab's session
   * storage is the fallback after a reload.
   */
  private draft: { file: string; text: string } | null = null;

  constructor(private readonly shell: GameShell) {
    super(TutorSceneKey.Authoring);
  }

  create(): void {
    const { shell } = this;
    enterScreen(shell, TutorScreen.Authoring);
    window.history.replaceState(null, '', window.location.pathname);
    document.title = `${S.heading} · ${STRINGS.appTitle}`;
    const start = this.draft ?? sessionDraft();
    this.file = start?.file ?? S.draftFile;

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
      if (file !== undefined) void this.openFile(file);
      fileInput.value = '';
    });
    const exampleButton = h('button', { type: 'button', class: 'button secondary' }, S.example);
    exampleButton.addEventListener('click', () => {
      this.file = 'faulty-kettle.yaml';
      this.editor?.setText(example);
    });
    const download = h('button', { type: 'button', class: 'button secondary' }, S.download);
    download.addEventListener('click', () => this.download());

    const status = h('p', { class: 'authoring-status', role: 'status', 'data-testid': 'authoring-status' });
    const problems = h('ol', { class: 'authoring-problems', 'data-testid': 'problems' });
    const modelSelect = h('select', {
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
    const playNote = h('p', { class: 'authoring-note' });
    play.addEventListener('click', () => this.play(modelSelect.value));
    present.addEventListener('click', () => {
      if (this.scenario === null) return;
      installDraft(shell, this.scenario);
      startScene(this, TutorSceneKey.Presenter, { scenarioId: this.scenario.id, modelId: modelSelect.value });
    });
    mapButton.addEventListener('click', () => {
      const scenario = this.scenario;
      if (scenario === null) return;
      installDraft(shell, scenario);
      this.map = openMap({
        scenario,
        catalogue: shell.library.catalogue,
        modelId: modelSelect.value,
        path: [],
        pathChoices: [],
        current: null,
        jump: 'practice',
        onJump: (node, route) => jumpInPractice(this, shell, scenario, modelSelect.value, node, route),
      });
    });

    const editorBox = h('div', { class: 'authoring-editor', 'data-testid': 'editor' });
    const dropHint = h('div', { class: 'authoring-drop', 'aria-hidden': 'true' }, S.dropHint);
    const editorWrap = h('div', { class: 'authoring-editor-wrap' }, editorBox, dropHint);
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
        void this.openFile(file);
      },
      true,
    );

    const backButton = h('button', { type: 'button', class: 'button ghost' }, '← ', S.back);
    backButton.addEventListener('click', () => this.scene.start(SceneKey.Menu));
    const hub = h('button', { type: 'button', class: 'button ghost' }, TUTOR_STRINGS.menuButton);
    hub.addEventListener('click', () => startScene(this, TutorSceneKey.Hub));
    shell.regions.topbar.append(brand(), h('span', { style: 'margin-left:auto' }), hub, backButton);
    shell.regions.panel.append(
      h(
        'div',
        { class: 'authoring' },
        h(
          'div',
          { class: 'authoring-head' },
          h('h1', { tabindex: -1 }, S.heading),
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
          status,
          problems,
          h(
            'div',
            { class: 'authoring-play' },
            h('label', { class: 'tutor-field', for: 'authoring-model' }, S.model, modelSelect),
            h('div', { class: 'tutor-actions' }, play, present, mapButton),
            playNote,
          ),
        ),
      ),
    );

    const check = (text: string): void => {
      // An empty editor is a blank page, not a mistake: no "the file is empty" error before the tutor starts.
      const result =
        text.trim() === ''
          ? { scenario: null, diagnostics: [] }
          : loadScenario({ file: this.file, text }, shell.library.catalogue);
      this.scenario = result.scenario;
      this.showResult(result.diagnostics, status, problems);
      const ready = result.scenario !== null;
      for (const b of [play, present, mapButton]) b.disabled = !ready;
      playNote.textContent = ready ? '' : S.cannotPlay;
      const models = result.scenario?.models ?? shell.library.models.map((m) => m.id);
      const chosen = modelSelect.value || shell.menuChoices.modelId;
      modelSelect.replaceChildren(...models.map((id) => h('option', { value: id }, id)));
      if (models.includes(chosen)) modelSelect.value = chosen;
      editorBox.dataset.checked = String(Date.now());
    };
    this.editor = new ScenarioEditor(editorBox, start?.text ?? '', S.editorLabel, (text) => {
      this.draft = { file: this.file, text };
      storeSessionDraft(text);
      status.textContent = S.checking;
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => check(text), CHECK_DELAY);
    });
    check(this.editor.text);
    shell.regions.panel.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.clearTimeout(this.timer);
      this.map?.close();
      this.map = null;
      this.editor?.destroy();
      this.editor = null;
    });
  }

  private showResult(diagnostics: readonly Diagnostic[], status: HTMLElement, problems: HTMLElement): void {
    this.editor?.showProblems(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const text = this.editor?.text ?? '';
    status.textContent =
      text.trim() === '' ? '' : errors === 0 && warnings === 0 ? S.noProblems : S.counts(errors, warnings);
    status.dataset.errors = String(errors);
    problems.replaceChildren(
      ...diagnostics.map((d) => {
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
        button.addEventListener('click', () => this.editor?.goTo(d.line, d.column));
        return h('li', {}, button);
      }),
    );
  }

  private async openFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.shell.announce(S.fileTooBig);
      window.alert(S.fileTooBig);
      return;
    }
    try {
      const text = await file.text();
      this.file = file.name;
      this.editor?.setText(text);
      this.shell.announce(S.opened(file.name));
    } catch {
      this.shell.announce(S.readFailed);
    }
  }

  private download(): void {
    const text = this.editor?.text ?? '';
    const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
    const link = h('a', {
      href: url,
      download: this.file.endsWith('.yaml') ? this.file : `${this.file}.yaml`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private play(modelId: string): void {
    if (this.scenario === null) return;
    installDraft(this.shell, this.scenario);
    this.shell.chooseForMenu({ modelId, mode: 'practice' });
    const request: RoleplayRequest = { scenarioId: this.scenario.id, modelId, mode: 'practice' };
    this.scene.start(SceneKey.Roleplay, request);
  }
}
