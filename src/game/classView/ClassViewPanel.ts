import {
  type ClassFile,
  type ClassView,
  classViewOfFiles,
  type GroupView,
  lineStart,
  shortestRoute,
  type TeachFork,
} from '../../tutor/index.ts';
import type { Library } from '../library/Library.ts';
import type { PresenterData } from '../presenter/keys.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { h } from '../ui/dom.ts';
import './classView.css';

const S = TUTOR_STRINGS.classView;
/** Far above any real export (a learner's year of attempts is well under 1 MB); a bigger file is not read. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface ClassViewOptions {
  readonly library: Library;
  readonly announce: (text: string) => void;
  /** Opens presenter mode at a fork. */
  readonly present: (data: PresenterData) => void;
}

/**
 * The class view's DOM: a file input (several files), a drop zone and the
 * sample class; then the numbers per scenario and model as tables with
 * captions and bars, the files with problems, and the forks to teach next.
 * Files are read in the page (`File.text()`); nothing is sent anywhere.
 */
export class ClassViewPanel {
  private readonly files = new Map<string, ClassFile>();
  /** Files the page could not read at all (too big, or refused by the browser). */
  private readonly unread = new Map<string, string>();
  private readonly results: HTMLElement;
  private readonly status: HTMLElement;
  private disposed = false;

  constructor(
    root: HTMLElement,
    private readonly options: ClassViewOptions,
  ) {
    const input = h('input', {
      type: 'file',
      multiple: true,
      accept: '.json,application/json',
      class: 'visually-hidden',
      id: 'class-files',
      'data-testid': 'class-files',
    });
    input.addEventListener('change', () => {
      void this.readFiles([...(input.files ?? [])]);
      input.value = '';
    });
    const pick = h(
      'label',
      { for: 'class-files', class: 'button primary', 'aria-label': S.pickLabel },
      S.pick,
    );
    const sample = h(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'class-sample' },
      S.sample,
    );
    sample.addEventListener('click', () => void this.loadSample());
    const clear = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'class-clear' },
      S.clear,
    );
    clear.addEventListener('click', () => {
      this.files.clear();
      this.unread.clear();
      this.render();
    });
    const drop = h(
      'div',
      { class: 'class-drop', 'data-testid': 'class-drop' },
      input,
      pick,
      h('span', {}, S.drop),
    );
    drop.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      drop.dataset.dragging = 'true';
    });
    drop.addEventListener('dragleave', () => delete drop.dataset.dragging);
    drop.addEventListener('drop', (event) => {
      delete drop.dataset.dragging;
      const dropped = [...(event.dataTransfer?.files ?? [])];
      if (dropped.length === 0) return;
      event.preventDefault();
      void this.readFiles(dropped);
    });
    this.status = h('p', { class: 'class-status', role: 'status', 'data-testid': 'class-status' });
    this.results = h('div', { class: 'class-results', 'data-testid': 'class-results' });
    root.append(
      h(
        'div',
        { class: 'class-view', 'data-testid': 'class-view' },
        h('h1', { tabindex: -1 }, S.heading),
        h('p', {}, S.intro),
        h('p', { class: 'class-privacy' }, S.privacy),
        drop,
        h('div', { class: 'tutor-actions' }, sample, clear),
        this.status,
        this.results,
      ),
    );
    root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    this.render();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async readFiles(list: readonly File[]): Promise<void> {
    this.status.textContent = S.reading(list.length);
    await Promise.all(
      list.map(async (file) => {
        if (file.size > MAX_FILE_BYTES) {
          this.unread.set(file.name, S.tooBig);
          return;
        }
        try {
          this.files.set(file.name, { name: file.name, text: await file.text() });
          this.unread.delete(file.name);
        } catch {
          this.unread.set(file.name, S.unreadable);
        }
      }),
    );
    this.render();
  }

  private async loadSample(): Promise<void> {
    this.status.textContent = S.sampleLoading;
    const { SAMPLE_CLASS } = await import('./sampleClass.ts');
    for (const file of SAMPLE_CLASS) this.files.set(file.name, file);
    this.render();
  }

  private render(): void {
    if (this.disposed) return;
    this.results.replaceChildren();
    if (this.files.size === 0 && this.unread.size === 0) {
      this.status.textContent = S.empty;
      return;
    }
    const { library } = this.options;
    const view = classViewOfFiles([...this.files.values()], {
      scenario: (id) => library.scenario(id),
      catalogue: library.catalogue,
      routeTo: shortestRoute,
    });
    const summary = S.summary(this.files.size + this.unread.size, view.learners, view.attempts);
    this.status.textContent = summary;
    this.options.announce(summary);
    this.results.append(
      this.notes(view),
      this.problems(view),
      ...view.groups.map((g, i) => this.group(g, i)),
    );
  }

  private notes(view: ClassView): HTMLElement {
    const notes = [
      view.duplicates > 0 ? S.duplicates(view.duplicates) : null,
      view.unfinished > 0 ? S.unfinished(view.unfinished) : null,
      ...view.notInLibrary.map((m) => S.notInLibrary(m.scenarioId, m.count)),
    ].filter((n): n is string => n !== null);
    return h(
      'ul',
      { class: 'class-notes', 'data-testid': 'class-notes' },
      notes.map((n) => h('li', {}, n)),
    );
  }

  private problems(view: ClassView): HTMLElement | string {
    const problems = [...[...this.unread].map(([file, reason]) => ({ file, reason })), ...view.problems];
    if (problems.length === 0) return '';
    return h(
      'section',
      {
        class: 'class-problems',
        'aria-labelledby': 'class-problems-heading',
        'data-testid': 'class-problems',
      },
      h('h2', { id: 'class-problems-heading' }, S.problemsHeading),
      h(
        'ul',
        {},
        problems.map((p) => h('li', { 'data-file': p.file }, h('strong', {}, p.file), ': ', p.reason)),
      ),
    );
  }

  private group(group: GroupView, index: number): HTMLElement {
    const title = S.group(group.title, group.modelName);
    const id = `class-group-${index}`;
    const most = Math.max(1, ...group.bands.map((b) => b.count));
    return h(
      'section',
      {
        class: 'class-group',
        'aria-labelledby': id,
        'data-testid': 'class-group',
        'data-scenario': group.scenarioId,
        'data-model': group.model,
      },
      h('h2', { id }, title),
      h('p', { 'data-testid': 'group-count' }, S.groupCount(group.attempts, group.learners)),
      group.olderVersion > 0
        ? h('p', { 'data-testid': 'group-older' }, S.olderVersion(group.olderVersion))
        : '',
      group.exhaustive ? '' : h('p', {}, S.notExhaustive),
      table(
        S.bandsCaption(title),
        [S.band, S.attempts],
        group.bands.map((b) => ({
          testid: 'band-row',
          cells: [b.band, bar(String(b.count), b.count / most)],
          data: { band: b.band, count: String(b.count) },
        })),
      ),
      table(
        S.stepsCaption(title),
        [S.step, S.average, S.outOfOrder],
        group.steps.map((s) => ({
          testid: 'step-row',
          cells: [
            s.name,
            bar(S.averageOf(s.average, s.max), s.max === 0 ? 0 : s.average / s.max),
            S.outOfOrderOf(s.outOfOrder, s.performed),
          ],
          data: { step: s.id, average: String(s.average), outoforder: String(s.outOfOrder) },
        })),
      ),
      group.faults.length === 0
        ? h('p', {}, S.noFaults)
        : table(
            S.faultsCaption(title),
            [S.fault, S.times, S.replies],
            group.faults.map((f) => ({
              testid: 'fault-row',
              cells: [f.name, String(f.count), f.replies.join(', ')],
              data: { act: f.act, count: String(f.count) },
            })),
          ),
      h('h3', {}, S.teachHeading),
      h('p', {}, S.teachIntro),
      group.teachNext.length === 0
        ? h('p', {}, S.noTeach)
        : h(
            'ol',
            { class: 'class-teach' },
            group.teachNext.map((fork) => this.fork(group, fork)),
          ),
    );
  }

  private fork(group: GroupView, fork: TeachFork): HTMLElement {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        'data-testid': 'present-fork',
        'aria-label': S.presentLabel(lineStart(fork.line)),
        disabled: fork.route === null,
      },
      S.present,
    );
    const route = fork.route;
    button.addEventListener('click', () => {
      if (route === null) return;
      this.options.present({
        scenarioId: group.scenarioId,
        modelId: group.model,
        jump: { node: fork.node, route },
      });
    });
    return h(
      'li',
      {
        'data-testid': 'teach-fork',
        'data-node': fork.node,
        'data-weaker': String(fork.weaker),
        'data-reached': String(fork.reached),
      },
      h('p', {}, fork.summary),
      route === null ? h('p', {}, S.noRoute) : '',
      button,
    );
  }
}

interface Row {
  readonly testid: string;
  readonly cells: readonly (string | Node)[];
  readonly data: Readonly<Record<string, string>>;
}

function table(caption: string, headings: readonly string[], rows: readonly Row[]): HTMLElement {
  return h(
    'table',
    { class: 'presenter-table class-table' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headings.map((text) => h('th', { scope: 'col' }, text)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {
            'data-testid': row.testid,
            ...Object.fromEntries(Object.entries(row.data).map(([k, v]) => [`data-${k}`, v])),
          },
          row.cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
        ),
      ),
    ),
  );
}

/** A bar with its number beside it: the text is what a screen reader reads; the bar is decoration. */
function bar(text: string, share: number): HTMLElement {
  const width = `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
  return h(
    'span',
    { class: 'class-bar-cell' },
    h('span', { class: 'class-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${width}` })),
    h('span', {}, text),
  );
}
