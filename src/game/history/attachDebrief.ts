import type * as Phaser from 'phaser';
import {
  type Attempt,
  BandSchema,
  branchFrom,
  buildAttempt,
  calibrate,
  RATINGS,
  type Rating,
  type Reflection,
  reviewReplies,
  type SelfAssessment,
  startRun,
} from '../../progress/index.ts';
import type { Model } from '../../scenario/index.ts';
import { openEvidence } from '../evidence/EvidencePage.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import type { DebriefRequest, RoleplayRequest } from '../session/RoleplayRequest.ts';
import { STRINGS } from '../strings.ts';
import { h } from '../ui/dom.ts';
import { openHistory } from './HistoryScreen.ts';
import { showNotices } from './notices.ts';
import {
  activeRun,
  fingerprintOf,
  newId,
  nowIso,
  progress,
  setActiveRun,
  setPendingRun,
} from './progressService.ts';
import { PROGRESS_STRINGS } from './strings.ts';

const S = PROGRESS_STRINGS;

/**
 * The debrief's hook into saved progress: stores the finished attempt, asks
 * for a self-assessment first in Assessment mode, then adds the comparison,
 * the best reply at each fork (with "try again from here"), reflection
 * prompts and the evidence record to the debrief the game drew.
 */
export function attachDebrief(scene: Phaser.Scene, shell: GameShell, data: DebriefRequest): void {
  const { view, request } = data;
  const model = shell.library.model(request.modelId);
  if (model === undefined || view.ending === null) return;
  let live = true;
  scene.events.once('shutdown', () => {
    live = false;
  });
  void (async () => {
    const storage = await progress();
    if (!live) return;
    showNotices(storage);
    const { scenario } = view;
    const choices = view.transcript.map((entry) => entry.choice.id);
    const active = activeRun();
    const run =
      active !== null &&
      active.scenarioId === scenario.id &&
      active.model === model.id &&
      active.mode === request.mode &&
      active.choices.join('\n') === choices.join('\n')
        ? active
        : {
            ...startRun(
              newId(),
              scenario,
              fingerprintOf(scenario),
              model.id,
              request.mode,
              nowIso(),
              data.seed,
            ),
            choices,
          };
    setActiveRun(null);
    let attempt =
      storage.store.attempts.find((a) => a.id === run.id) ??
      buildAttempt(scenario, shell.library.catalogue, run, view.run, nowIso());
    const stored = storage.store.attempts.some((a) => a.id === attempt.id);
    // Ask before anything is awaited, so the result never shows first; a reload meanwhile resumes at the ending.
    if (request.mode === 'assessment' && attempt.selfAssessment === null) {
      const self = await askSelfAssessment(model);
      if (!live) return;
      attempt = { ...attempt, selfAssessment: self, updatedAt: nowIso() };
    }
    if (!stored) await storage.finishRun(attempt);
    else await storage.saveAttempt(attempt);
    if (!live) return;
    const article = shell.regions.panel.querySelector('article.debrief');
    if (article === null || !live) return;

    if (attempt.selfAssessment !== null) article.append(comparison(attempt, attempt.selfAssessment));
    annotateTranscript(article, shell, request, attempt, scene);
    article.append(
      reflectionForm(attempt.reflection, async (reflection) => {
        attempt = { ...attempt, reflection, updatedAt: nowIso() };
        await storage.saveAttempt(attempt);
      }),
    );
    const evidence = h(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'open-evidence' },
      S.evidence.open,
    );
    evidence.addEventListener('click', () => {
      const latest = storage.store.attempts.find((a) => a.id === attempt.id) ?? attempt;
      openEvidence(latest, shell, storage);
    });
    const history = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'open-history' },
      S.history.open,
    );
    history.addEventListener('click', () => openHistory(shell, storage));
    shell.regions.topbar.querySelector('.debrief-actions')?.append(evidence, history) ??
      shell.regions.topbar.append(evidence, history);
  })();
}

/** Assessment mode: rate each step and predict the band, on an opaque screen that hides the result until done. */
function askSelfAssessment(model: Model): Promise<SelfAssessment> {
  return new Promise((resolve) => {
    const form = h('form', { class: 'self-assessment', 'data-testid': 'self-assessment' });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true }, S.self.needAll);
    const steps = model.steps.map((step) =>
      h(
        'fieldset',
        { class: 'rating' },
        h('legend', {}, S.self.stepLegend(step.name)),
        RATINGS.map((rating) =>
          h(
            'label',
            {},
            h('input', { type: 'radio', name: `step-${step.id}`, value: rating, required: true }),
            ` ${S.rating(rating)}`,
          ),
        ),
      ),
    );
    const band = h(
      'fieldset',
      { class: 'rating' },
      h('legend', {}, S.self.bandLegend),
      BandSchema.options.map((b) =>
        h(
          'label',
          {},
          h('input', { type: 'radio', name: 'band', value: b, required: true }),
          ` ${STRINGS.band(b)}`,
        ),
      ),
    );
    const submit = h('button', { type: 'submit', class: 'button primary' }, S.self.submit);
    const dialog = h(
      'dialog',
      { class: 'progress-dialog self-dialog', 'aria-labelledby': 'self-heading' },
      h('h2', { id: 'self-heading' }, S.self.heading),
      h('p', {}, S.self.intro),
      form,
    );
    form.append(...steps, band, error, submit);
    dialog.addEventListener('keydown', (event) => event.stopPropagation());
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const ratings: Record<string, Rating> = {};
      for (const step of model.steps) {
        const value = data.get(`step-${step.id}`);
        if (typeof value === 'string' && (RATINGS as readonly string[]).includes(value))
          ratings[step.id] = value as Rating;
      }
      const predicted = BandSchema.safeParse(data.get('band'));
      if (Object.keys(ratings).length !== model.steps.length || !predicted.success) {
        error.hidden = false;
        return;
      }
      dialog.close();
      dialog.remove();
      resolve({ steps: ratings, predictedBand: predicted.data });
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('input')?.focus();
  });
}

function comparison(attempt: Attempt, self: SelfAssessment): HTMLElement {
  const c = calibrate(attempt, self);
  return h(
    'section',
    { class: 'block progress-block', 'aria-labelledby': 'compare-heading', 'data-testid': 'self-comparison' },
    h('h2', { id: 'compare-heading' }, S.self.compareHeading),
    h('p', {}, S.self.predicted(c.predictedBand, c.actualBand)),
    h('p', {}, S.self.summary(c.matched, c.rated)),
    h(
      'table',
      { class: 'table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, S.self.colStep),
          h('th', { scope: 'col' }, S.self.colYou),
          h('th', { scope: 'col' }, S.self.colMarks),
        ),
      ),
      h(
        'tbody',
        {},
        c.steps.map((step) =>
          h(
            'tr',
            { class: step.gap === 0 ? 'match' : 'mismatch' },
            h('th', { scope: 'row' }, step.name),
            h('td', {}, step.self === null ? '–' : S.rating(step.self)),
            h('td', {}, `${S.rating(step.actual)} (${step.marks} / ${step.max})`),
          ),
        ),
      ),
    ),
    c.bias !== null && c.bias > 0 ? h('p', {}, S.self.over) : null,
    c.bias !== null && c.bias < 0 ? h('p', {}, S.self.under) : null,
  );
}

/** Adds, under each of the learner's replies in the debrief transcript, the best reply there and "try again from here". */
function annotateTranscript(
  article: Element,
  shell: GameShell,
  request: RoleplayRequest,
  attempt: Attempt,
  scene: Phaser.Scene,
): void {
  const scenario = shell.library.scenario(attempt.scenarioId);
  if (scenario === undefined) return;
  let review: ReturnType<typeof reviewReplies>;
  try {
    review = reviewReplies(scenario, shell.library.catalogue, attempt.model, attempt.choices, {
      visitsPerNode: 2,
      maxRuns: 50_000,
      maxSteps: 1_000_000,
    });
  } catch {
    return;
  }
  const turns = article.querySelectorAll('.transcript li.turn.you');
  for (const fork of review.forks) {
    const li = turns[fork.position];
    if (li === undefined) continue;
    const chosen = fork.offered.find((o) => o.choice.id === fork.chosen.id)?.best ?? null;
    const best = fork.offered.find((o) => o.choice.id === fork.best?.id)?.best ?? null;
    const retry = h(
      'button',
      {
        type: 'button',
        class: 'button ghost try-again',
        'data-position': fork.position,
        'aria-label': S.forks.tryAgainLabel(fork.position + 1),
      },
      '↺ ',
      S.forks.tryAgain,
    );
    retry.addEventListener('click', () => {
      setPendingRun(branchFrom(attempt, fork.position, newId(), nowIso()));
      scene.scene.start(SceneKey.Roleplay, request);
    });
    li.append(
      h(
        'div',
        { class: `fork-review ${fork.chosenIsBest ? 'best' : 'better'}`, 'data-testid': 'fork-review' },
        !fork.fork
          ? null
          : fork.chosenIsBest || fork.best === null
            ? h('p', {}, fork.chosenHasFault ? S.forks.noBetter : `✓ ${S.forks.yourReply}`)
            : h(
                'div',
                {},
                h('p', { class: 'better-label' }, S.forks.better),
                h('blockquote', { class: 'best-reply' }, h('p', {}, `“${fork.best.say}”`)),
                best === null ? null : h('p', { class: 'reach' }, S.forks.bestLabel(best.percent, best.band)),
                chosen === null
                  ? null
                  : h('p', { class: 'reach' }, S.forks.chosenLabel(chosen.percent, chosen.band)),
              ),
        fork.fork ? retry : null,
      ),
    );
  }
  if (!review.exhaustive)
    article.querySelector('.transcript')?.before(h('p', { class: 'note' }, S.forks.notExhaustive));
  if (attempt.parentId !== null && attempt.forkAt !== null)
    article
      .querySelector('.transcript')
      ?.before(h('p', { class: 'note' }, S.forks.branchOf(attempt.forkAt + 1)));
}

function reflectionForm(initial: Reflection | null, save: (r: Reflection) => Promise<void>): HTMLElement {
  const field = (name: keyof Reflection, label: string, rows = 2): HTMLElement =>
    h(
      'label',
      { class: 'field' },
      h('span', {}, label),
      h(
        'textarea',
        { name, rows, maxlength: 2000, 'data-testid': `reflection-${name}` },
        initial?.[name] ?? '',
      ),
    );
  const status = h('p', { class: 'saved-status', role: 'status' });
  const form = h(
    'form',
    { class: 'reflection' },
    field('wentWell', S.reflection.wentWell, 3),
    field('evenBetterIf', S.reflection.evenBetterIf, 3),
    h(
      'fieldset',
      {},
      h('legend', {}, S.reflection.pdcaHeading),
      field('plan', S.reflection.plan),
      field('do', S.reflection.do),
      field('check', S.reflection.check),
      field('act', S.reflection.act),
    ),
    h(
      'button',
      { type: 'submit', class: 'button primary', 'data-testid': 'save-reflection' },
      S.reflection.save,
    ),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: keyof Reflection): string => String(data.get(name) ?? '').slice(0, 2000);
    void save({
      wentWell: text('wentWell'),
      evenBetterIf: text('evenBetterIf'),
      plan: text('plan'),
      do: text('do'),
      check: text('check'),
      act: text('act'),
    }).then(() => {
      status.textContent = S.reflection.saved;
    });
  });
  form.addEventListener('keydown', (event) => event.stopPropagation());
  return h(
    'section',
    { class: 'block progress-block', 'aria-labelledby': 'reflection-heading' },
    h('h2', { id: 'reflection-heading' }, S.reflection.heading),
    h('p', {}, S.reflection.intro),
    form,
  );
}
