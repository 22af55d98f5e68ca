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
  startRun,
} from '../../progress/index.ts';
import type { Model } from '../../scenario/index.ts';
import { openEvidence } from '../evidence/EvidencePage.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import type { DebriefRequest } from '../session/RoleplayRequest.ts';
import { STRINGS } from '../strings.ts';
import type { DebriefProgress } from '../ui/DebriefView.ts';
import { Dialog } from '../ui/Dialog.ts';
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
    debrief.showProgress({
      onTryAgain: (position) => {
        setPendingRun(branchFrom(attempt, position, newId(), nowIso()));
        scene.scene.start(SceneKey.Roleplay, request);
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
    // Escape does not close it: the result stays hidden until the learner has rated themselves.
    const dialog = new Dialog(
      {
        className: 'progress-dialog self-dialog',
        labelledBy: 'self-heading',
        escape: 'ignore',
        initialFocus: (el) => el.querySelector('input'),
      },
      h('h2', { id: 'self-heading' }, S.self.heading),
      h('p', {}, S.self.intro),
      form,
    );
    form.append(...steps, band, error, submit);
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
      dialog.close('action');
      resolve({ steps: ratings, predictedBand: predicted.data });
    });
    dialog.open();
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
