import {
  type Attempt,
  calibrate,
  type ReplyReview,
  replayChoices,
  resultFor,
  scoredUnder,
  shownDifferently,
} from '../../progress/index.ts';
import type { GameShell } from '../GameShell.ts';
import { reviewRun } from '../history/reviewRun.ts';
import { PROGRESS_STRINGS } from '../history/strings.ts';
import { rehearsalEvidence } from '../rehearse/index.ts';
import { saidSection } from '../sayIt/index.ts';
import type { ProgressStorage } from '../storage/index.ts';
import { STRINGS } from '../strings.ts';
import { customerTurnOf, recordedTurn } from '../ui/customerTurn.ts';
import { Dialog } from '../ui/Dialog.ts';
import { coachingFor } from '../ui/debrief/coaching.ts';
import { coachList, nextTimeList } from '../ui/debrief/coachLists.ts';
import { selfRating } from '../ui/debrief/selfRating.ts';
import { h } from '../ui/dom.ts';
import { attemptReasons, attemptScore } from './attemptReasons.ts';
import './evidence.css';

const S = PROGRESS_STRINGS.evidence;

/**
 * The evidence record of one attempt, as a page over the app that prints on
 * A4 (print CSS). "Print or save as PDF" opens the browser's print window,
 * where "Save as PDF" downloads it: nothing is generated or sent elsewhere.
 */
export function openEvidence(attempt: Attempt, shell: GameShell, storage: ProgressStorage): HTMLElement {
  document.querySelector('.evidence-overlay')?.remove();
  const nameOut = h('dd', { 'data-testid': 'learner-name' }, storage.store.learnerName ?? S.notGiven);
  const nameInput = h('input', {
    type: 'text',
    id: 'learner-name-input',
    autocomplete: 'name',
    maxlength: 200,
    value: storage.store.learnerName ?? '',
  });
  nameInput.addEventListener('change', () => {
    void storage.saveLearnerName(nameInput.value);
    nameOut.textContent = nameInput.value.trim() === '' ? S.notGiven : nameInput.value.trim();
  });
  const print = h(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'print-evidence' },
    S.print,
  );
  print.addEventListener('click', () => window.print());
  const close = h(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'close-evidence' },
    S.close,
  );
  // The title becomes the PDF's title (and the suggested file name in "Save as PDF").
  const title = document.title;
  const dialog = new Dialog(
    {
      className: 'evidence-overlay',
      look: 'sheet',
      labelledBy: 'evidence-title',
      testId: 'evidence',
      initialFocus: (el) => el.querySelector<HTMLElement>('#evidence-title'),
      onClose: () => {
        document.title = title;
      },
    },
    h(
      'div',
      { class: 'evidence-tools no-print' },
      h('label', { for: 'learner-name-input' }, S.nameLabel),
      nameInput,
      print,
      close,
      h('p', { class: 'print-hint' }, S.printHint),
    ),
    h('article', { class: 'evidence-page' }, ...record(attempt, shell, nameOut)),
  );
  document.title = `${S.heading}: ${attempt.scenarioTitle}`;
  close.addEventListener('click', () => dialog.close());
  dialog.open();
  return dialog.element;
}

function record(attempt: Attempt, shell: GameShell, nameOut: HTMLElement): Node[] {
  const model = shell.library.model(attempt.model);
  const scenario = shell.library.scenario(attempt.scenarioId);
  const result = resultFor(attempt, attempt.model);
  // Why the band is what it is, as the debrief said it (only for attempts saved with their limits).
  const why = attemptReasons(attempt, shell);
  const score = attemptScore(attempt, shell);
  const review =
    scenario === undefined
      ? null
      : reviewRun(scenario, shell.library.catalogue, attempt.model, attempt.choices);
  const C = STRINGS.debrief.coach;
  // The debrief's order: the band and why, what went well, what was missed, next time, the learner's rating.
  const coaching =
    score === null || scenario === undefined || model === undefined
      ? null
      : coachingFor(score, scenario, model, shell.library.catalogue, review);
  const row = (label: string, value: Node | string, testid?: string): Node[] => [
    h('dt', {}, label),
    typeof value === 'string' ? h('dd', testid === undefined ? {} : { 'data-testid': testid }, value) : value,
  ];
  const nodes: Node[] = [
    h('h1', { id: 'evidence-title', tabindex: -1 }, S.heading),
    h(
      'dl',
      { class: 'evidence-facts' },
      row(S.learner, nameOut),
      row(S.date, PROGRESS_STRINGS.dateTime(attempt.finishedAt)),
      row(S.scenario, attempt.scenarioTitle),
      row(S.model, model === undefined ? attempt.model : `${model.name}: ${model.summary}`),
      row(S.mode, STRINGS.mode[attempt.mode]),
      row(S.outcome, attempt.ending === null ? '–' : STRINGS.outcome(attempt.ending.outcome)),
      row(S.band, STRINGS.band(attempt.band), 'evidence-band'),
      row(S.percent, PROGRESS_STRINGS.percent(attempt.percent), 'evidence-percent'),
      scoringRow(attempt, row),
    ),
    ...(why === null ? [] : [why]),
    ...(coaching === null
      ? []
      : [
          h(
            'section',
            { class: 'evidence-coach' },
            h('h2', {}, C.wentWellHeading),
            coachList('went-well', coaching.wentWell),
          ),
          h(
            'section',
            { class: 'evidence-coach' },
            h('h2', {}, C.missedHeading),
            coachList('missed', coaching.missed),
          ),
          h(
            'section',
            { class: 'evidence-coach' },
            h('h2', {}, C.nextTimeHeading),
            nextTimeList(coaching.nextTime, () => null),
          ),
        ]),
    h('section', {}, h('h2', {}, S.selfHeading), selfAssessment(attempt)),
    h(
      'section',
      {},
      h('h2', {}, S.stepsHeading),
      h(
        'table',
        { class: 'evidence-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, PROGRESS_STRINGS.self.colStep),
            h('th', { scope: 'col' }, S.marks),
          ),
        ),
        h(
          'tbody',
          {},
          (result?.steps ?? []).map((step) =>
            h(
              'tr',
              { 'data-step': step.id },
              h('th', { scope: 'row' }, step.name),
              h('td', {}, `${step.marks} / ${step.max}`),
            ),
          ),
        ),
      ),
    ),
  ];
  if (attempt.marking.length > 0) {
    nodes.push(
      h(
        'section',
        {},
        h('h2', {}, S.markingHeading),
        h(
          'ul',
          { class: 'evidence-marking' },
          attempt.marking.map((point) =>
            h(
              'li',
              { class: point.met ? 'met' : 'missed' },
              `${point.met ? '✓' : '✗'} ${point.met ? S.met : S.notMet}: ${point.text}`,
            ),
          ),
        ),
      ),
    );
  }
  if (attempt.kpis !== null) {
    nodes.push(
      h(
        'section',
        {},
        h('h2', {}, S.kpisHeading),
        h(
          'dl',
          { class: 'evidence-facts' },
          row(S.csat, String(attempt.kpis.csat)),
          row(S.nps, `${attempt.kpis.npsScore} (${STRINGS.nps(attempt.kpis.nps)})`),
          row(S.fcr, attempt.kpis.fcr ? S.yes : S.no),
        ),
      ),
    );
  }
  nodes.push(transcript(attempt, shell, review));
  // Say it your way: what the learner typed at each turn, when they did.
  const said = saidSection(attempt.said, scenario, shell.library.catalogue);
  if (said !== null) nodes.push(said);
  // Rehearse aloud's self-marks per turn (src/game/rehearse), when the learner rehearsed.
  nodes.push(...rehearsalEvidence(attempt, model));
  const r = attempt.reflection;
  nodes.push(
    h(
      'section',
      {},
      h('h2', {}, S.reflectionHeading),
      r === null
        ? h('p', {}, S.noReflection)
        : h(
            'dl',
            { class: 'evidence-reflection' },
            row(PROGRESS_STRINGS.reflection.wentWell, r.wentWell || '–'),
            row(PROGRESS_STRINGS.reflection.evenBetterIf, r.evenBetterIf || '–'),
            row(PROGRESS_STRINGS.reflection.plan, r.plan || '–'),
            row(PROGRESS_STRINGS.reflection.do, r.do || '–'),
            row(PROGRESS_STRINGS.reflection.check, r.check || '–'),
            row(PROGRESS_STRINGS.reflection.act, r.act || '–'),
          ),
      h('p', {}, S.hintsUsed(attempt.hints.length)),
    ),
  );
  nodes.push(h('footer', {}, h('p', {}, S.footer)));
  return nodes;
}

/** Where the scoring rules changed since the attempt, the record says so beside the band (nothing otherwise). */
function scoringRow(
  attempt: Attempt,
  row: (label: string, value: string, testid?: string) => Node[],
): Node[] {
  if (scoredUnder(attempt) === 'earlier')
    return row(
      S.scoring,
      `${PROGRESS_STRINGS.scoring.earlier}. ${PROGRESS_STRINGS.scoring.earlierWhy}`,
      'evidence-scoring',
    );
  const first = shownDifferently(attempt);
  return first === null
    ? []
    : row(
        S.scoring,
        `${PROGRESS_STRINGS.scoring.rescored(STRINGS.band(first.band), first.percent)}.`,
        'evidence-scoring',
      );
}

function selfAssessment(attempt: Attempt): Node {
  if (attempt.selfAssessment === null) return h('p', {}, S.noSelf);
  return h('div', {}, selfRating(calibrate(attempt, attempt.selfAssessment), false));
}

function transcript(attempt: Attempt, shell: GameShell, review: ReplyReview | null): Node {
  const scenario = shell.library.scenario(attempt.scenarioId);
  const replay = scenario === undefined ? null : replayChoices(scenario, attempt.choices);
  if (scenario === undefined || replay === null || !replay.ok) {
    return h(
      'section',
      {},
      h('h2', {}, S.transcriptHeading),
      h('p', {}, S.stale),
      h(
        'ol',
        {},
        attempt.choices.map((id) => h('li', {}, scenario?.choices.get(id)?.say ?? id)),
      ),
    );
  }
  const forks = review?.forks ?? [];
  const items: Node[] = [];
  replay.steps.forEach((step, i) => {
    const node = scenario.nodes.get(step.node);
    if (node !== undefined) items.push(recordedTurn(customerTurnOf(scenario, node)));
    const fork = forks[i];
    items.push(
      h(
        'li',
        { class: 'learner' },
        h('strong', {}, `${S.you} (${i + 1}): `),
        step.choice.say,
        step.choice.feedback === undefined
          ? null
          : h('p', { class: 'evidence-feedback' }, step.choice.feedback),
        fork?.fork && !fork.chosenIsBest && fork.best !== null
          ? h('p', { class: 'evidence-best' }, `${S.bestHere}: “${fork.best.say}”`)
          : null,
      ),
    );
  });
  const end = scenario.nodes.get(replay.node);
  if (end !== undefined) items.push(recordedTurn(customerTurnOf(scenario, end)));
  return h('section', {}, h('h2', {}, S.transcriptHeading), h('ul', { class: 'evidence-transcript' }, items));
}
