import * as Phaser from 'phaser';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import { startScene } from '../scenes/LoadingScene.ts';
import { STRINGS } from '../strings.ts';
import { brand } from '../ui/brand.ts';
import { h } from '../ui/dom.ts';
import { TutorSceneKey, TutorScreen } from './keys.ts';
import { enterScreen } from './PresenterScene.ts';
import { jumpInPractice } from './playFromHere.ts';
import { TUTOR_STRINGS } from './strings.ts';

const S = TUTOR_STRINGS.hub;

/** The tutor tools' page: present a scenario to a class, open its map, or open the editor. */
export class TutorHubScene extends Phaser.Scene {
  private unknown = false;
  private map: MapHandle | null = null;

  constructor(private readonly shell: GameShell) {
    super(TutorSceneKey.Hub);
  }

  init(data: { unknown?: boolean } = {}): void {
    this.unknown = data.unknown === true;
  }

  create(): void {
    const { shell } = this;
    enterScreen(shell, TutorScreen.Hub);
    window.history.replaceState(null, '', window.location.pathname);
    document.title = `${S.heading} · ${STRINGS.appTitle}`;
    const library = shell.library;
    const scenarioSelect = h('select', {
      class: 'select',
      id: 'tutor-scenario',
      'data-testid': 'tutor-scenario',
    });
    for (const scenario of library.scenarios)
      scenarioSelect.append(h('option', { value: scenario.id }, scenario.title));
    const modelSelect = h('select', { class: 'select', id: 'tutor-model', 'data-testid': 'tutor-model' });
    for (const model of library.models) modelSelect.append(h('option', { value: model.id }, model.name));
    modelSelect.value = shell.menuChoices.modelId;
    const link = h('a', { class: 'tutor-link', 'data-testid': 'presenter-link' });
    const updateLink = (): void => {
      const params = new URLSearchParams({
        scenario: scenarioSelect.value,
        model: modelSelect.value,
        mode: 'presenter',
      });
      link.href = `${window.location.pathname}?${params.toString()}`;
      link.textContent = link.href;
    };
    scenarioSelect.addEventListener('change', updateLink);
    modelSelect.addEventListener('change', () => {
      shell.chooseForMenu({ modelId: modelSelect.value });
      updateLink();
    });
    updateLink();

    const present = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'present' },
      S.present,
    );
    present.addEventListener('click', () =>
      startScene(this, TutorSceneKey.Presenter, {
        scenarioId: scenarioSelect.value,
        modelId: modelSelect.value,
      }),
    );
    const map = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'open-map' }, S.map);
    map.addEventListener('click', () => {
      const scenario = library.scenario(scenarioSelect.value);
      if (scenario === undefined) return;
      const last = shell.runs.lastFinished(scenario.id);
      this.map = openMap({
        scenario,
        catalogue: library.catalogue,
        modelId: modelSelect.value,
        path: last?.path ?? [],
        pathChoices: last?.choices ?? [],
        current: null,
        jump: 'practice',
        onJump: (node, route) => jumpInPractice(this, shell, scenario, modelSelect.value, node, route),
      });
    });
    const write = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'open-editor' },
      S.write,
    );
    write.addEventListener('click', () => startScene(this, TutorSceneKey.Authoring));
    const classView = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'open-class-view' },
      S.classView,
    );
    classView.addEventListener('click', () => startScene(this, TutorSceneKey.ClassView));
    const backButton = h('button', { type: 'button', class: 'button ghost' }, '← ', S.back);
    backButton.addEventListener('click', () => this.scene.start(SceneKey.Menu));

    shell.regions.topbar.append(brand(), h('span', { style: 'margin-left:auto' }), backButton);
    shell.regions.panel.append(
      h(
        'div',
        { class: 'tutor-hub' },
        h('h1', { tabindex: -1 }, S.heading),
        this.unknown
          ? h('p', { class: 'tutor-error', role: 'status' }, TUTOR_STRINGS.presenter.unknown)
          : null,
        h('p', {}, S.intro),
        h(
          'section',
          { 'aria-labelledby': 'tutor-class-heading' },
          h('h2', { id: 'tutor-class-heading' }, S.classHeading),
          h('p', {}, S.classIntro),
          h('label', { class: 'tutor-field', for: 'tutor-scenario' }, S.scenario, scenarioSelect),
          h('label', { class: 'tutor-field', for: 'tutor-model' }, S.model, modelSelect),
          h('div', { class: 'tutor-actions' }, present, map),
          h('p', {}, S.linkLabel, ': ', link),
        ),
        h(
          'section',
          { 'aria-labelledby': 'tutor-write-heading' },
          h('h2', { id: 'tutor-write-heading' }, S.writeHeading),
          h('p', {}, S.writeIntro),
          h('div', { class: 'tutor-actions' }, write),
        ),
        h(
          'section',
          { 'aria-labelledby': 'tutor-classview-heading' },
          h('h2', { id: 'tutor-classview-heading' }, S.classViewHeading),
          h('p', {}, S.classViewIntro),
          h('div', { class: 'tutor-actions' }, classView),
        ),
      ),
    );
    shell.regions.panel.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    shell.onKey((event) => {
      if (event.key === 'Escape' && this.map?.open !== true) {
        this.scene.start(SceneKey.Menu);
        return true;
      }
      return false;
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.map?.close();
      this.map = null;
    });
  }
}
