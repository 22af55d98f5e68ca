import type { Catalogue, Scenario } from '../../scenario/index.ts';
import { type AuthorReport, describeGaming, describeGiveaways, shortestRoute } from '../../tutor/index.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { Dialog } from '../ui/Dialog.ts';
import { h } from '../ui/dom.ts';
import { MapView } from './MapView.ts';
import { type TutorFacts, tutorFacts } from './tutorFacts.ts';
import './map.css';

export { tutorFacts };

const S = TUTOR_STRINGS.map;

export interface MapDialogOptions {
  readonly scenario: Scenario;
  readonly catalogue: Catalogue;
  /** The page's memo of each scenario's explorations (`GameShell.tutorFacts`), shared with presenter mode. */
  readonly facts: TutorFacts;
  readonly modelId: string;
  readonly path: readonly string[];
  readonly pathChoices: readonly string[];
  readonly current: string | null;
  /** What choosing a node does: play from there, or nothing (inspect only). */
  readonly jump: 'practice' | 'presenter' | 'none';
  /** Called with the node and the shortest route of reply ids to it. */
  readonly onJump?: (nodeId: string, route: readonly string[]) => void;
  readonly onClose?: () => void;
}

/**
 * The scenario map as a modal dialog over whatever is on screen: the graph,
 * a key, and the author report. Escape or the close button closes it and
 * gives focus back to where it was.
 */
export class MapDialog {
  private readonly dialog: Dialog;

  constructor(options: MapDialogOptions) {
    const { scenario, catalogue, modelId, jump } = options;
    const { exploration, report } = tutorFacts(scenario, catalogue, options.facts);
    const map = new MapView({
      scenario,
      modelId,
      exploration,
      path: options.path,
      pathChoices: options.pathChoices,
      current: options.current,
      onNode:
        jump === 'none'
          ? null
          : (nodeId) => {
              const route = shortestRoute(scenario, nodeId);
              if (route === null) return;
              this.close();
              options.onJump?.(nodeId, route);
            },
    });
    const headingId = 'map-dialog-heading';
    const close = h('button', { type: 'button', class: 'button primary map-close' }, '✕ ', S.close);
    close.addEventListener('click', () => this.close());
    const zoomOut = h('button', { type: 'button', class: 'button secondary', 'aria-label': S.zoomOut }, '−');
    const zoomIn = h('button', { type: 'button', class: 'button secondary', 'aria-label': S.zoomIn }, '+');
    const fit = h('button', { type: 'button', class: 'button secondary' }, S.fit);
    zoomOut.addEventListener('click', () => map.zoomBy(1 / 1.25));
    zoomIn.addEventListener('click', () => map.zoomBy(1.25));
    fit.addEventListener('click', () => map.fit());

    const hint =
      jump === 'practice' ? S.clickPractice : jump === 'presenter' ? S.clickPresenter : S.clickNone;
    this.dialog = new Dialog(
      {
        className: 'map-dialog',
        look: 'sheet',
        labelledBy: headingId,
        testId: 'map-dialog',
        initialFocus: (el) => el.querySelector<HTMLElement>(`#${headingId}`),
        onClose: () => options.onClose?.(),
      },
      h(
        'div',
        { class: 'map-header' },
        h('h2', { id: headingId, tabindex: -1 }, S.heading(scenario.title)),
        h('div', { class: 'map-tools' }, zoomOut, zoomIn, fit, close),
      ),
      h(
        'div',
        { class: 'map-body' },
        map.element,
        h(
          'aside',
          // Focusable: the side panel scrolls, and keyboard users must be able to scroll it.
          { class: 'map-side', 'aria-label': S.legendHeading, tabindex: 0 },
          hint === '' ? null : h('p', { class: 'map-hint' }, hint),
          legend(modelId),
          reportSection(report),
        ),
      ),
    );
    // Modal (ui/Dialog.ts): no key reaches the scene underneath (a digit would choose a reply there).
    this.dialog.open();
    // Opens at natural size (readable on a projector) around the current node; "Fit to screen" shows it all.
    map.reveal(options.current ?? scenario.start);
  }

  get open(): boolean {
    return this.dialog.isOpen;
  }

  close(): void {
    this.dialog.close();
  }
}

function legend(modelId: string): HTMLElement {
  const swatch = (cls: string, text: string) =>
    h('li', {}, h('span', { class: `map-swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h(
    'section',
    { class: 'map-legend' },
    h('h3', {}, S.legendHeading),
    h(
      'ul',
      {},
      swatch('turn', S.customerNode),
      swatch('outcome-resolved', S.outcome('resolved')),
      swatch('outcome-escalated', S.outcome('escalated')),
      swatch('outcome-unresolved', S.outcome('unresolved')),
      swatch('outcome-lost', S.outcome('lost')),
      swatch('path', S.onPath),
      swatch('current', S.current),
      swatch('unreachable', S.unreachable),
    ),
    h('p', {}, S.rangeNote(modelId)),
  );
}

function reportSection(report: AuthorReport): HTMLElement {
  const list = (items: readonly string[]) =>
    items.length === 0
      ? h('p', {}, S.none)
      : h(
          'ul',
          {},
          items.map((text) => h('li', {}, text)),
        );
  const section = h(
    'section',
    { class: 'map-report', 'data-testid': 'author-report' },
    h('h3', {}, S.reportHeading),
    report.exhaustive ? null : h('p', {}, S.reportCut),
    h('h4', {}, S.unreachableHeading),
    report.unreachable === null
      ? h('p', {}, S.reportCut)
      : list(report.unreachable.map((n) => S.line(n.id, n.line))),
    h('h4', {}, S.missingFeedbackHeading),
    list(report.missingFeedback.map((c) => S.line(c.id, c.line))),
  );
  for (const model of report.models) {
    section.append(
      h('h4', {}, S.endingsHeading(model.model)),
      list([
        ...model.endings.map((e) =>
          S.endingRow(
            e.node,
            S.outcome(e.outcome),
            `${e.min.percent}% ${e.min.band}`,
            `${e.max.percent}% ${e.max.band}`,
          ),
        ),
        ...(model.endingsNeverReached ?? []).map(S.neverReached),
      ]),
      h('h4', {}, S.gamingHeading(model.model)),
      model.gaming.length === 0
        ? h('p', {}, S.noGaming)
        : h(
            'ul',
            { 'data-testid': 'gaming' },
            model.gaming.map((g) =>
              h('li', {}, `${describeGaming(g)} (replies ${g.example.choices.join(', ')})`),
            ),
          ),
    );
  }
  section.append(
    h('h4', {}, S.giveawaysHeading),
    h(
      'ul',
      { 'data-testid': 'giveaways' },
      describeGiveaways(report.giveaways).map((text) => h('li', {}, text)),
    ),
  );
  return section;
}
