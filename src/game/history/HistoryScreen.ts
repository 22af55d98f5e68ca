import {
  type Attempt,
  calibrationOverTime,
  exportStore,
  historyFor,
  playedPairs,
  resultFor,
  scoredUnder,
  shownDifferently,
} from '../../progress/index.ts';
import { openEvidence } from '../evidence/EvidencePage.ts';
import type { GameShell } from '../GameShell.ts';
import { nowIso } from '../run/index.ts';
import type { ProgressStorage } from '../storage/index.ts';
import { STRINGS } from '../strings.ts';
import { Dialog } from '../ui/Dialog.ts';
import { h } from '../ui/dom.ts';
import { ask } from './dialog.ts';
import { percentChart } from './percentChart.ts';
import { stepMarksChart } from './stepMarksChart.ts';
import { PROGRESS_STRINGS } from './strings.ts';

const S = PROGRESS_STRINGS.history;

/**
 * The History screen, over whatever scene is showing: per scenario and model,
 * every attempt (date, band, percent, steps), a chart of percent over
 * attempts, each step's marks over time; then export, import and erase.
 */
export function openHistory(shell: GameShell, storage: ProgressStorage): void {
  document.querySelector('.progress-overlay.history')?.remove();
  const body = h('div', { class: 'overlay-body' });
  const close = h(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'close-history' },
    S.close,
  );
  const dialog = new Dialog(
    {
      className: 'progress-overlay history',
      look: 'sheet',
      labelledBy: 'history-title',
      testId: 'history',
      initialFocus: (el) => el.querySelector<HTMLElement>('#history-title'),
      onClose: () => unsubscribe(),
    },
    h('header', { class: 'overlay-head' }, h('h1', { id: 'history-title', tabindex: -1 }, S.heading), close),
    body,
  );
  close.addEventListener('click', () => dialog.close());
  // One status line for the whole visit: the body is redrawn after every change, the message must survive it.
  const status = h('p', { class: 'data-status', role: 'status', 'data-testid': 'data-status' });
  const render = (): void => body.replaceChildren(...content(shell, storage, status));
  const unsubscribe = storage.subscribe(render);
  render();
  dialog.open();
}

function content(shell: GameShell, storage: ProgressStorage, status: HTMLElement): Node[] {
  const { attempts } = storage.store;
  const nodes: Node[] = [
    h(
      'p',
      { class: `storage-mode ${storage.mode}` },
      storage.mode === 'saving'
        ? S.modeSaving
        : storage.mode === 'memory-only'
          ? S.modeMemory
          : S.modeReadOnly,
    ),
  ];
  const pairs = playedPairs(attempts);
  if (pairs.length === 0) nodes.push(h('p', { class: 'empty' }, S.empty));
  for (const pair of pairs)
    nodes.push(pairSection(shell, storage, pair.scenarioId, pair.scenarioTitle, pair.model));
  const calibration = calibrationOverTime(attempts);
  if (calibration.length > 0) {
    let matched = 0;
    let rated = 0;
    for (const a of attempts) {
      if (a.selfAssessment === null) continue;
      for (const step of resultFor(a, a.model)?.steps ?? []) {
        const self = a.selfAssessment.steps[step.id];
        if (self === undefined) continue;
        rated++;
        const actual = step.marks <= 0 ? 'not-done' : step.marks >= step.max ? 'fully' : 'partly';
        if (self === actual) matched++;
      }
    }
    nodes.push(
      h(
        'section',
        { class: 'block' },
        h('h2', {}, S.calibrationHeading),
        h('p', {}, S.calibration(calibration.length, matched, rated)),
      ),
    );
  }
  nodes.push(dataSection(storage, status));
  return nodes;
}

function pairSection(
  shell: GameShell,
  storage: ProgressStorage,
  scenarioId: string,
  title: string,
  model: string,
): HTMLElement {
  const history = historyFor(storage.store.attempts, scenarioId, model);
  const modelName = shell.library.model(model)?.name ?? model;
  const desc = S.chartDesc(
    history.points
      .map(
        (p, i) =>
          `${i + 1}: ${p.percent}% ${p.band}${p.scoring === 'earlier' ? ` ${PROGRESS_STRINGS.scoring.chartPoint}` : ''}`,
      )
      .join('; '),
  );
  const anyEarlier = history.points.some((p) => p.scoring === 'earlier');
  const rows = history.attempts.map((attempt, i) => attemptRow(shell, storage, attempt, i, history.steps));
  return h(
    'section',
    { class: 'block history-pair', 'data-scenario': scenarioId, 'data-model': model },
    h('h2', {}, S.pairHeading(title, modelName)),
    h(
      'p',
      { class: 'pair-summary' },
      `${S.attempts(history.attempts.length)} · ${history.bestPercent === null ? '' : S.best(history.bestPercent)}`,
    ),
    history.mostMissed === null
      ? null
      : h(
          'p',
          { class: 'most-missed' },
          S.mostMissed(history.mostMissed.name, history.mostMissed.missed, history.mostMissed.lost),
        ),
    h(
      'div',
      { class: 'charts' },
      h(
        'figure',
        { class: 'chart' },
        percentChart(history.points, S.chartTitle, desc),
        h(
          'figcaption',
          {},
          S.chartTitle,
          anyEarlier ? h('span', { class: 'chart-key' }, PROGRESS_STRINGS.scoring.chartKey) : null,
        ),
      ),
      h(
        'figure',
        { class: 'chart' },
        stepMarksChart(
          history.steps,
          S.stepsHeading,
          history.steps
            .map((s) => `${s.name}: ${s.marks.map((m) => (m === null ? '–' : m)).join(', ')}`)
            .join('; '),
        ),
        h('figcaption', {}, S.stepsHeading),
      ),
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table history-table' },
        h('caption', { class: 'visually-hidden' }, S.stepsHeading),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, S.colAttempt),
            h('th', { scope: 'col' }, S.colDate),
            h('th', { scope: 'col' }, S.colMode),
            h('th', { scope: 'col' }, S.colBand),
            h('th', { scope: 'col', class: 'num' }, S.colPercent),
            history.steps.map((s) => h('th', { scope: 'col', class: 'num' }, s.name)),
            h('th', { scope: 'col', class: 'num' }, S.colHints),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );
}

function attemptRow(
  shell: GameShell,
  storage: ProgressStorage,
  attempt: Attempt,
  index: number,
  steps: readonly { readonly id: string; readonly name: string }[],
): HTMLElement {
  const result = resultFor(attempt, attempt.model);
  const evidence = h(
    'button',
    {
      type: 'button',
      class: 'button ghost small',
      'aria-label': S.evidenceFor(index + 1),
      'data-testid': 'row-evidence',
    },
    S.evidence,
  );
  evidence.addEventListener('click', () => openEvidence(attempt, shell, storage));
  return h(
    'tr',
    { 'data-attempt': attempt.id, 'data-scoring': scoredUnder(attempt) },
    h(
      'th',
      { scope: 'row', class: 'attempt-cell' },
      h('span', { class: 'attempt-number' }, String(index + 1)),
      evidence,
    ),
    // Each cell names its column (data-label): on a phone the row is a card, its cells labelled (progress.css).
    h('td', { 'data-label': S.colDate }, PROGRESS_STRINGS.shortDate(attempt.finishedAt)),
    h('td', { 'data-label': S.colMode }, STRINGS.mode[attempt.mode]),
    h(
      'td',
      { 'data-label': S.colBand },
      h(
        'span',
        { class: `band-pill band-${attempt.band.toLowerCase().replace(/\s+/g, '-')}` },
        STRINGS.band(attempt.band),
      ),
      scoringNote(attempt),
    ),
    h('td', { class: 'num', 'data-label': S.colPercent }, PROGRESS_STRINGS.percent(attempt.percent)),
    steps.map(({ id, name }) => {
      const step = result?.steps.find((s) => s.id === id);
      if (step === undefined) return h('td', { class: 'num', 'data-label': name }, '–');
      const level = step.marks >= step.max ? 'full' : step.marks > 0 ? 'part' : 'none';
      return h('td', { class: `num marks ${level}`, 'data-label': name }, `${step.marks} / ${step.max}`);
    }),
    h('td', { class: 'num', 'data-label': S.colHints }, String(attempt.hints.length)),
  );
}

/** A line under the band when the scoring rules have changed since the attempt: null when there is nothing to say. */
export function scoringNote(attempt: Attempt): HTMLElement | null {
  if (scoredUnder(attempt) === 'earlier')
    return h(
      'span',
      { class: 'scoring-note', 'data-testid': 'scoring-note', title: PROGRESS_STRINGS.scoring.earlierWhy },
      PROGRESS_STRINGS.scoring.earlier,
    );
  const first = shownDifferently(attempt);
  if (first === null) return null;
  return h(
    'span',
    { class: 'scoring-note', 'data-testid': 'scoring-note' },
    PROGRESS_STRINGS.scoring.rescored(STRINGS.band(first.band), first.percent),
  );
}

function dataSection(storage: ProgressStorage, status: HTMLElement): HTMLElement {
  const exportButton = h(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'export' },
    S.export,
  );
  exportButton.addEventListener('click', () => {
    const blob = new Blob([exportStore(storage.store, nowIso())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `complaint-simulator-history-${nowIso().slice(0, 10)}.json` });
    // Inside the dialog: the page behind a modal dialog is inert.
    exportButton.after(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  const file = h('input', {
    type: 'file',
    accept: 'application/json,.json',
    id: 'import-file',
    'data-testid': 'import-file',
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen === undefined) return;
    const result = await storage.importText(await chosen.text());
    status.textContent = result.refused
      ? `${S.importRefused} ${result.warnings.map((w) => w.message).join(' ')}`
      : S.imported(result.added.length, result.updated.length);
    file.value = '';
  });
  const erase = h('button', { type: 'button', class: 'button danger', 'data-testid': 'erase' }, S.erase);
  erase.addEventListener('click', async () => {
    const answer = await ask(
      S.erase,
      [S.eraseConfirm],
      [
        { value: 'keep', label: S.eraseNo, kind: 'primary' },
        { value: 'erase', label: S.eraseYes, kind: 'danger' },
      ],
      'keep',
    );
    if (answer === 'erase') await storage.eraseAll();
  });
  return h(
    'section',
    { class: 'block data-section' },
    h('h2', {}, S.dataHeading),
    h('p', {}, S.dataIntro),
    h(
      'div',
      { class: 'data-actions' },
      exportButton,
      h('label', { class: 'button secondary file-label', for: 'import-file' }, S.import),
      file,
      erase,
    ),
    status,
  );
}
