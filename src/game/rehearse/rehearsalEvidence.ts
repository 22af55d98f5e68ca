import type { Attempt } from '../../progress/index.ts';
import type { Model } from '../../scenario/index.ts';
import { h } from '../ui/dom.ts';
import { REHEARSE_STRINGS as S } from './strings.ts';

/**
 * The self-marks of Rehearse aloud, per turn, for the evidence record: the
 * steps the learner ticked and whether they recorded, never the audio.
 * Nothing when the learner did not rehearse.
 */
export function rehearsalEvidence(attempt: Attempt, model: Model | undefined): Node[] {
  const marks = attempt.rehearsed ?? [];
  if (marks.length === 0) return [];
  const name = (id: string): string => model?.steps.find((step) => step.id === id)?.name ?? id;
  return [
    h(
      'section',
      { class: 'evidence-rehearsed', 'data-testid': 'evidence-rehearsed' },
      h('h2', {}, S.evidenceHeading),
      h('p', {}, S.evidenceIntro),
      h(
        'ul',
        {},
        marks.map((mark) =>
          h(
            'li',
            { 'data-at': mark.at, 'data-steps': mark.steps.join(' ') },
            h('strong', {}, `${S.turn(mark.at)}: `),
            mark.steps.length === 0 ? S.noneTicked : S.ticked(mark.steps.map(name).join(', ')),
            ` (${mark.recorded ? S.withRecording : S.withoutRecording})`,
          ),
        ),
      ),
    ),
  ];
}
