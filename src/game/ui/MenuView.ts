import { CHANNELS, type Scenario } from '../../scenario/index.ts';
import type { Band } from '../../scoring/index.ts';
import type { MenuChoices } from '../GameShell.ts';
import { describeBroken, type Library } from '../library/Library.ts';
import { MODES, type Mode } from '../run/mode.ts';
import { STRINGS } from '../strings.ts';
import { brand } from './brand.ts';
import { h } from './dom.ts';
import { channelIcon } from './icons.ts';
import { minutesFor, orderForMenu, startHere } from './scenarioCards.ts';

export interface MenuViewProps {
  readonly library: Library;
  /** The menu's current choices (read-only here: the view reports a change through `onChoice`). */
  readonly choices: Readonly<MenuChoices>;
  readonly onChoice: (patch: Partial<MenuChoices>) => void;
  readonly unknownLink: boolean;
  readonly onStart: (scenario: Scenario) => void;
}

/** The learner's best band so far on each scenario (by id), per model (by id). */
export type BestBands = ReadonlyMap<string, ReadonlyMap<string, Band>>;

const S = STRINGS.menu;

/**
 * The menu as DOM: model and mode, filters, scenario cards (easiest first, with
 * "Start here", a time estimate and the best band so far), and files with problems.
 */
export class MenuView {
  private readonly cards: HTMLElement;
  private readonly count: HTMLElement;
  private readonly ordered: readonly Scenario[];
  private readonly first: Scenario | undefined;
  private readonly minutes = new Map<Scenario, number>();
  /** Null until saved progress has been read: the cards then say nothing about it rather than "not tried". */
  private best: BestBands | null = null;

  constructor(
    private readonly panel: HTMLElement,
    topbar: HTMLElement,
    private readonly props: MenuViewProps,
  ) {
    const { library, choices } = props;
    topbar.append(brand());
    this.cards = h('ul', { class: 'cards', role: 'list' });
    this.count = h('p', { class: 'count', 'aria-live': 'polite' });

    const channels = CHANNELS.filter((c) => library.scenarios.some((s) => s.channel === c));
    const difficulties = [...new Set(library.scenarios.map((s) => s.difficulty))].sort();
    this.first = startHere(library.scenarios);
    this.ordered = orderForMenu(library.scenarios, this.first);
    for (const scenario of library.scenarios) this.minutes.set(scenario, minutesFor(scenario));

    panel.append(
      h(
        'div',
        { class: 'menu' },
        h('h1', { class: 'menu-title' }, S.heading),
        h('p', { class: 'lead' }, S.intro),
        props.unknownLink ? h('p', { class: 'notice', role: 'status' }, S.unknownLink) : null,
        h(
          'div',
          { class: 'menu-body' },
          h(
            'div',
            { class: 'menu-choices' },
            h(
              'div',
              { class: 'settings' },
              this.radioGroup(
                S.modelLegend,
                'model',
                library.models.map((m) => ({ value: m.id, label: m.name, hint: m.summary })),
                choices.modelId,
                (v) => {
                  props.onChoice({ modelId: v });
                  this.renderCards();
                },
              ),
              this.radioGroup(
                S.modeLegend,
                'mode',
                MODES.map((m: Mode) => ({
                  value: m,
                  label: STRINGS.mode[m],
                  hint: STRINGS.mode[`${m}Hint`],
                })),
                choices.mode,
                (v) => {
                  props.onChoice({ mode: v === 'assessment' ? 'assessment' : 'practice' });
                },
              ),
            ),
            h(
              'section',
              { class: 'filters', 'aria-labelledby': 'filters-heading' },
              h('h2', { id: 'filters-heading', class: 'visually-hidden' }, S.filterHeading),
              this.radioGroup(
                S.channelLegend,
                'channel',
                [
                  { value: 'all', label: S.any },
                  ...channels.map((c) => ({ value: c, label: STRINGS.channel(c) })),
                ],
                choices.channel,
                (v) => {
                  props.onChoice({ channel: v });
                  this.renderCards();
                },
                'chips',
              ),
              this.radioGroup(
                S.difficultyLegend,
                'difficulty',
                [
                  { value: 'all', label: S.any },
                  ...difficulties.map((d) => ({ value: String(d), label: STRINGS.difficulty(d) })),
                ],
                choices.difficulty,
                (v) => {
                  props.onChoice({ difficulty: v });
                  this.renderCards();
                },
                'chips',
              ),
            ),
          ),
          h(
            'section',
            { class: 'scenarios', 'aria-labelledby': 'scenarios-heading' },
            h(
              'div',
              { class: 'section-head' },
              h('h2', { id: 'scenarios-heading' }, S.scenariosHeading),
              this.count,
            ),
            this.cards,
          ),
        ),
        this.brokenSection(),
      ),
    );
    this.renderCards();
  }

  private radioGroup(
    legend: string,
    name: string,
    options: readonly { value: string; label: string; hint?: string }[],
    selected: string,
    onChange: (value: string) => void,
    style: 'tiles' | 'chips' = 'tiles',
  ): HTMLElement {
    return h(
      'fieldset',
      { class: `group ${style}` },
      h('legend', {}, legend),
      h(
        'div',
        { class: 'options' },
        options.map((option) => {
          const input = h('input', {
            type: 'radio',
            name,
            value: option.value,
            checked: option.value === selected,
            'data-testid': `${name}-${option.value}`,
          });
          input.addEventListener('change', () => {
            if (input.checked) onChange(option.value);
          });
          return h(
            'label',
            { class: 'option' },
            input,
            h(
              'span',
              { class: 'option-body' },
              h('span', { class: 'option-label' }, option.label),
              option.hint === undefined ? null : h('span', { class: 'option-hint' }, option.hint),
            ),
          );
        }),
      ),
    );
  }

  /** The best band so far on each scenario, from saved progress; the cards are drawn again when it changed. */
  showBest(best: BestBands): void {
    if (this.best !== null && sameBest(this.best, best)) return;
    this.best = best;
    this.renderCards();
  }

  private renderCards(): void {
    const { library, choices } = this.props;
    // Drawing the cards again must not lose the learner's place (WCAG 2.4.3).
    const focused =
      document.activeElement instanceof HTMLElement && this.cards.contains(document.activeElement)
        ? document.activeElement.dataset.scenario
        : undefined;
    const shown = this.ordered.filter(
      (s) =>
        (choices.channel === 'all' || s.channel === choices.channel) &&
        (choices.difficulty === 'all' || String(s.difficulty) === choices.difficulty),
    );
    this.cards.replaceChildren(...shown.map((s) => this.card(s)));
    if (library.scenarios.length === 0) this.cards.append(h('li', { class: 'empty' }, S.noScenarios));
    else if (shown.length === 0) this.cards.append(h('li', { class: 'empty' }, S.noMatch));
    this.count.textContent = S.showing(shown.length, library.scenarios.length);
    if (focused !== undefined)
      this.cards.querySelector<HTMLElement>(`[data-scenario="${CSS.escape(focused)}"]`)?.focus();
  }

  private card(scenario: Scenario): HTMLElement {
    const modelId = this.props.choices.modelId;
    const writtenFor = scenario.models.includes(modelId);
    const start = h(
      'button',
      { type: 'button', class: 'button primary', 'data-scenario': scenario.id },
      S.start,
      h('span', { class: 'visually-hidden' }, `: ${scenario.title}`),
    );
    start.addEventListener('click', () => this.props.onStart(scenario));
    const first = scenario === this.first;
    const minutes = this.minutes.get(scenario) ?? 1;
    const best = this.best === null ? null : (this.best.get(scenario.id)?.get(modelId) ?? 'none');
    return h(
      'li',
      {
        class: first ? 'card start-here' : 'card',
        'data-channel': scenario.channel,
        'data-scenario-card': scenario.id,
        'data-difficulty': scenario.difficulty,
      },
      first ? h('p', { class: 'start-here-badge' }, S.startHere) : null,
      h(
        'div',
        { class: 'card-top' },
        h(
          'span',
          { class: `channel-badge channel-${scenario.channel}` },
          channelIcon(scenario.channel),
          STRINGS.channel(scenario.channel),
        ),
        h(
          'span',
          { class: 'difficulty', title: STRINGS.difficultyLabel(scenario.difficulty) },
          h(
            'span',
            { class: 'dots', 'aria-hidden': 'true' },
            '●'.repeat(scenario.difficulty) + '○'.repeat(3 - scenario.difficulty),
          ),
          h('span', { class: 'visually-hidden' }, `${STRINGS.difficultyLabel(scenario.difficulty)}: `),
          STRINGS.difficulty(scenario.difficulty),
        ),
      ),
      h('h3', { class: 'card-title' }, scenario.title),
      h(
        'p',
        { class: 'card-meta' },
        h(
          'span',
          { class: 'card-time', 'data-testid': 'card-time' },
          h('span', { 'aria-hidden': 'true' }, S.minutes(minutes)),
          h('span', { class: 'visually-hidden' }, S.minutesLabel(minutes)),
        ),
        best === null
          ? null
          : best === 'none'
            ? h('span', { class: 'card-best untried', 'data-testid': 'card-best' }, S.notTried)
            : h(
                'span',
                { class: 'card-best', 'data-testid': 'card-best', 'data-band': best },
                h(
                  'span',
                  { class: `band-pill band-${best.toLowerCase().replace(/\s+/g, '-')}` },
                  S.best(STRINGS.band(best)),
                ),
              ),
      ),
      first ? h('p', { class: 'start-here-hint' }, S.startHereHint) : null,
      h('p', { class: 'card-summary' }, scenario.summary),
      scenario.tags.length === 0
        ? null
        : h(
            'ul',
            { class: 'tags', role: 'list' },
            scenario.tags.map((t) => h('li', { class: 'tag' }, t)),
          ),
      h(
        'div',
        { class: 'card-foot' },
        h(
          'p',
          { class: writtenFor ? 'written-for' : 'written-for warn' },
          writtenFor ? `${S.writtenFor} ${scenario.models.join(', ')}` : S.notWrittenFor(modelId),
        ),
        start,
      ),
    );
  }

  private brokenSection(): HTMLElement | null {
    const { broken, catalogueProblems } = this.props.library;
    if (broken.length === 0 && catalogueProblems.length === 0) return null;
    const list = (items: typeof broken) =>
      h(
        'ul',
        { class: 'problems', role: 'list' },
        items.map((b) =>
          h(
            'li',
            { class: 'problem' },
            h('code', {}, describeBroken(b)),
            b.errorCount > 1 ? h('span', { class: 'more' }, ` (${S.moreErrors(b.errorCount - 1)})`) : null,
          ),
        ),
      );
    return h(
      'section',
      { class: 'broken', 'aria-labelledby': 'broken-heading' },
      h('h2', { id: 'broken-heading' }, S.brokenHeading),
      h('p', {}, S.brokenIntro),
      broken.length > 0 ? list(broken) : null,
      catalogueProblems.length > 0 ? h('h3', {}, S.catalogueHeading) : null,
      catalogueProblems.length > 0 ? list(catalogueProblems) : null,
    );
  }

  focusFirst(): void {
    this.panel.querySelector<HTMLElement>('h1')?.focus();
  }
}

function sameBest(a: BestBands, b: BestBands): boolean {
  if (a.size !== b.size) return false;
  for (const [scenario, byModel] of a) {
    const other = b.get(scenario);
    if (other === undefined || other.size !== byModel.size) return false;
    for (const [model, band] of byModel) if (other.get(model) !== band) return false;
  }
  return true;
}
