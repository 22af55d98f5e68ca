import type { Run } from '../../engine/index.ts';
import type { Catalogue, Choice, Model, Scenario } from '../../scenario/index.ts';
import { previewReply } from '../../tutor/index.ts';
import { replyLimit } from '../ui/bandReasons.ts';
import { h } from '../ui/dom.ts';
import { TUTOR_STRINGS } from './strings.ts';

const S = TUTOR_STRINGS.presenter;

/** Where runs through a reply end, best and worst, under the model on show (the map's exploration). */
export interface ReplyRange {
  readonly best: { readonly percent: number };
  readonly worst: { readonly percent: number };
}

export interface MarksInput {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly catalogue: Catalogue;
  /** The run so far, before this reply. */
  readonly run: Run;
  readonly choice: Choice;
  readonly letter: string;
  readonly range: ReplyRange | undefined;
}

/**
 * One reply's marks, condensed to what a tutor points at from the front of the room: the faults in
 * words, the score change, the mood and the band the reply allows, and where runs through it end.
 * The acts and the per-step lines are folded under a visible control (docs/tutor-tools.md says why).
 */
export function replyMarks({
  scenario,
  model,
  catalogue,
  run,
  choice,
  letter,
  range,
}: MarksInput): HTMLElement {
  const preview = previewReply(scenario, run, choice, model, catalogue);
  const limit = replyLimit(preview.after, choice.id, scenario, model, catalogue);
  const actName = (id: string) => catalogue.acts.get(id)?.name ?? id;
  return h(
    'section',
    {
      class: 'presenter-marks',
      'data-testid': 'marks',
      'data-choice-id': choice.id,
      'data-letter': letter,
      'aria-label': S.marksFor(letter),
    },
    h(
      'p',
      { class: preview.faults.length > 0 ? 'marks-faults has-faults' : 'marks-faults' },
      preview.faults.length === 0
        ? S.noFaults
        : [
            h('strong', {}, `${S.faults}: `),
            preview.faults
              .map((f) => `${actName(f.act)} (${S.penalty(f.penalty)}${f.critical ? `, ${S.critical}` : ''})`)
              .join(', '),
          ],
    ),
    h(
      'p',
      { class: 'marks-score' },
      h('strong', {}, S.scoreShort(preview.percentBefore, preview.percentAfter)),
      ' · ',
      h('span', { class: 'marks-mood' }, S.moodChange(preview.mood)),
    ),
    limit === null ? null : h('p', { class: 'marks-limit' }, h('strong', {}, S.limitShort(limit.atMost))),
    h(
      'p',
      { class: 'marks-range' },
      range === undefined ? S.noRange : S.endsShort(range.best.percent, range.worst.percent),
    ),
    h(
      'details',
      { class: 'marks-more' },
      h('summary', {}, S.marksMore),
      h('p', {}, S.percentChange(preview.percentBefore, preview.percentAfter, preview.bandAfter)),
      h('p', {}, range === undefined ? S.noRange : S.range(range.best.percent, range.worst.percent)),
      h(
        'p',
        {},
        h('strong', {}, `${S.acts}: `),
        preview.acts.length === 0
          ? S.noActs
          : preview.acts.map((a) => `${actName(a.act)}${a.credit < 1 ? ` ×${a.credit}` : ''}`).join(', '),
      ),
      h(
        'ul',
        { class: 'presenter-steps', 'aria-label': S.steps },
        preview.steps.map((step) =>
          h(
            'li',
            { class: step.after > step.before ? 'gain' : undefined },
            S.stepChange(step.name, step.before, step.after),
            step.outOfOrder ? ` (${S.outOfOrder})` : '',
          ),
        ),
      ),
      limit === null
        ? null
        : h(
            'p',
            { class: 'presenter-limit', 'data-testid': 'reply-limit' },
            h('strong', {}, S.replyLimit(limit.atMost)),
            ` ${limit.sentence}`,
          ),
    ),
  );
}
