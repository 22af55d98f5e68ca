import type * as Phaser from 'phaser';
import {
  BandSchema,
  branchFrom,
  buildAttempt,
  calibrate,
  RATINGS,
  type Rating,
  type Reflection,
  type SelfAssessment,
  scenarioFingerprint,
  startRun,
} from '../../progress/index.ts';
import type { Model } from '../../scenario/index.ts';
import { openEvidence } from '../evidence/EvidencePage.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import type { DebriefRequest } from '../run/DebriefRequest.ts';
import { newId, nowIso } from '../run/index.ts';
import { STRINGS } from '../strings.ts';
import type { DebriefProgress } from '../ui/DebriefView.ts';
import { h } from '../ui/dom.ts';
import { openHistory } from './HistoryScreen.ts';
import { PROGRESS_STRINGS } from './strings.ts';

const S = PROGRESS_STRINGS;

/**
 * The debrief's hook into saved progress: stores the finished attempt, asks
 * for a self-assessment first in Assessment mode, then hands the debrief
 * what it renders from the saved attempt (the learner's own rating, "try
 * again from here" at each fork, the reflection prompts) and adds the
 * evidence record and history to the top bar.
 */
export function attachDebrief(
  scene: Phaser.Scene,
  shell: GameShell,
  data: DebriefRequest,
  debrief: { readonly showProgress: (progress: DebriefProgress) => void },
): void {
  const { view, request } = data;
  const model = shell.library.model(request.modelId);
  if (model === undefined || view.ending === null) return;
  let live = true;
  scene.events.once('shutdown', () => {
    live = false;
  });
  void (async () => {
    const storage = await shell.progress.open();
    if (!live) return;
    shell.progress.notices.show(storage);
    const { scenario } = view;
    const choices = view.transcript.map((entry) => entry.choice.id);
    const own = data.run?.saved ?? null;
    const run =
      own !== null &&
      own.scenarioId === scenario.id &&
      own.model === model.id &&
      own.mode === request.mode &&
      own.choices.join('\n') === choices.join('\n')
        ? own
        : {
            ...startRun(
              newId(),
              scenario,
              scenarioFingerprint(scenario),
              model.id,
              request.mode,
              nowIso(),
              data.seed,
            ),
            choices,
          };
    let attempt =
      storage.store.attempts.find((a) => a.id === run.id) ??
      (run === own ? data.run?.finish() : null) ??
      buildAttempt(scenario, shell.library.catalogue, run, view.run, nowIso());
    // Ask before anything is awaited, so the result never shows first; a reload meanwhile resumes at the ending.
    if (request.mode === 'assessment' && attempt.selfAssessment === null) {
      const self = await askSelfAssessment(model);
      if (!live) return;
      attempt = { ...attempt, selfAssessment: self, updatedAt: nowIso() };
    }
    // Saved progress (an observer of every run) stores it; the LMS reported the ending when it came.
    await shell.runs.finish({ saved: run, view, attempt });
    if (!live) return;
    debrief.showProgress({
      onTryAgain: (position) => {
        const branch = branchFrom(attempt, position, newId(), nowIso());
        scene.scene.start(SceneKey.Roleplay, { ...request, handover: { kind: 'branch', run: branch } });
      },
      selfRating: attempt.selfAssessment === null ? null : calibrate(attempt, attempt.selfAssessment),
      branchOf: attempt.parentId !== null && attempt.forkAt !== null ? attempt.forkAt + 1 : null,
      reflection: reflectionForm(attempt.reflection, async (reflection) => {
        attempt = { ...attempt, reflection, updatedAt: nowIso() };
        await storage.saveAttempt(attempt);
      }),
    });
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
