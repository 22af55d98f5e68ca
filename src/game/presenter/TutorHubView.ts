import type { Library } from '../library/Library.ts';
import { brand } from '../ui/brand.ts';
import { h } from '../ui/dom.ts';
import { TUTOR_STRINGS } from './strings.ts';

const S = TUTOR_STRINGS.hub;

/** What the tutor has picked on the hub: the scenario and model to present or map. */
export interface HubChoice {
  readonly scenarioId: string;
  readonly modelId: string;
}

export interface TutorHubViewProps {
  readonly library: Library;
  /** The model picked first (the menu's). */
  readonly modelId: string;
  /** A presenter link named a scenario or model the library does not have. */
  readonly unknown: boolean;
  /** The address that opens presenter mode on a choice, shown for the tutor to copy. */
  readonly presenterLink: (choice: HubChoice) => string;
  readonly onModel: (modelId: string) => void;
  readonly onPresent: (choice: HubChoice) => void;
  readonly onMap: (choice: HubChoice) => void;
  readonly onWrite: () => void;
  readonly onClassView: () => void;
  readonly onBack: () => void;
}

/**
 * The tutor tools' page as DOM: present a scenario to a class (with its
 * presenter link), open its map, open the editor or the class view. It draws
 * what it is given and reports choices; the scene decides what they do.
 */
export class TutorHubView {
  private readonly heading: HTMLElement;

  constructor(panel: HTMLElement, topbar: HTMLElement, props: TutorHubViewProps) {
    const { library } = props;
    const scenarioSelect = h('select', {
      class: 'select',
      id: 'tutor-scenario',
      'data-testid': 'tutor-scenario',
    });
    for (const scenario of library.scenarios)
      scenarioSelect.append(h('option', { value: scenario.id }, scenario.title));
    const modelSelect = h('select', { class: 'select', id: 'tutor-model', 'data-testid': 'tutor-model' });
    for (const model of library.models) modelSelect.append(h('option', { value: model.id }, model.name));
    modelSelect.value = props.modelId;
    const choice = (): HubChoice => ({ scenarioId: scenarioSelect.value, modelId: modelSelect.value });

    const link = h('a', { class: 'tutor-link', 'data-testid': 'presenter-link' });
    const updateLink = (): void => {
      link.href = props.presenterLink(choice());
      link.textContent = link.href;
    };
    scenarioSelect.addEventListener('change', updateLink);
    modelSelect.addEventListener('change', () => {
      props.onModel(modelSelect.value);
      updateLink();
    });
    updateLink();

    const present = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'present' },
      S.present,
    );
    present.addEventListener('click', () => props.onPresent(choice()));
    const map = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'open-map' }, S.map);
    map.addEventListener('click', () => props.onMap(choice()));
    const write = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'open-editor' },
      S.write,
    );
    write.addEventListener('click', () => props.onWrite());
    const classView = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'open-class-view' },
      S.classView,
    );
    classView.addEventListener('click', () => props.onClassView());
    const backButton = h('button', { type: 'button', class: 'button ghost' }, '← ', S.back);
    backButton.addEventListener('click', () => props.onBack());

    this.heading = h('h1', { tabindex: -1 }, S.heading);
    topbar.append(brand(), h('span', { style: 'margin-left:auto' }), backButton);
    panel.append(
      h(
        'div',
        { class: 'tutor-hub' },
        this.heading,
        props.unknown
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
  }

  /** Focus starts on the page's heading, as on every screen. */
  focus(): void {
    this.heading.focus({ preventScroll: true });
  }
}
