import type { Said } from '../../progress/index.ts';
import type { Catalogue, Scenario } from '../../scenario/index.ts';
import { fold } from '../ui/debrief/fold.ts';
import { h } from '../ui/dom.ts';
import { SAY_IT_STRINGS as S } from './strings.ts';

type SaidAct = Said['acts'][number];

/**
 * Whether the reader was sure of an act, by the same rule as in the role-play:
 * a record saved before it kept this (no `check`) is "tutor to check", so an
 * unconfirmed reading never reads as a fault against the learner.
 */
function sure(act: SaidAct): boolean {
  return act.check === 'sure';
}

/**
 * The learner's own words with the evidence of each act marked. The record
 * keeps the evidence, not its offsets, so each is found again in the text
 * (first place it occurs, after the previous mark).
 */
function markedWords(entry: Said, catalogue: Catalogue): HTMLElement {
  const spans = entry.acts
    .map((a) => ({ act: a, start: entry.text.indexOf(a.evidence), length: a.evidence.length }))
    .filter((s) => s.start >= 0 && s.length > 0)
    .sort((a, b) => a.start - b.start);
  const parts: (HTMLElement | string)[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    parts.push(entry.text.slice(at, span.start));
    parts.push(
      h(
        'mark',
        { class: `say-it-mark${sure(span.act) ? '' : ' tutor'}`, 'data-acts': span.act.act },
        entry.text.slice(span.start, span.start + span.length),
        h('span', { class: 'say-it-tag' }, catalogue.acts.get(span.act.act)?.name ?? span.act.act),
      ),
    );
    at = span.start + span.length;
  }
  parts.push(entry.text.slice(at));
  return h('span', { class: 'say-it-words' }, parts);
}

/** Each act found, with its evidence, and "tutor to check" on those the reader was not sure of. */
function foundActs(acts: readonly SaidAct[], catalogue: Catalogue): (HTMLElement | string)[] {
  return acts.flatMap((a, index) => [
    index === 0 ? '' : '; ',
    h(
      'span',
      { class: 'said-act', 'data-act': a.act, 'data-confidence': sure(a) ? 'sure' : 'tutor' },
      `${catalogue.acts.get(a.act)?.name ?? a.act} “${a.evidence}”`,
      sure(a) ? '' : h('span', { class: 'say-it-tutor', title: S.tutorCheckHint }, S.tutorCheck),
    ),
  ]);
}

/** One row per turn the learner typed: what they wrote, what was found, what they then chose. */
export function saidList(
  said: readonly Said[],
  scenario: Scenario | undefined,
  catalogue: Catalogue,
): HTMLElement {
  return h(
    'ol',
    { class: 'say-it-record', 'data-testid': 'what-you-wrote' },
    said.map((entry) =>
      h(
        'li',
        { 'data-at': entry.at },
        h('p', { class: 'say-it-turn' }, S.wroteTurn(entry.at + 1)),
        h(
          'dl',
          {},
          h('dt', {}, S.wroteYou),
          h('dd', { 'data-testid': 'said-text' }, markedWords(entry, catalogue)),
          h('dt', {}, S.wroteFound),
          h(
            'dd',
            { 'data-testid': 'said-acts' },
            entry.acts.length === 0 ? S.wroteNone : foundActs(entry.acts, catalogue),
          ),
          h('dt', {}, S.wrotePicked),
          h(
            'dd',
            { 'data-testid': 'said-picked', 'data-choice-id': entry.picked },
            scenario?.choices.get(entry.picked)?.say ?? entry.picked,
            entry.picked === entry.closest ? ` (${S.closestTag.toLowerCase()})` : '',
          ),
        ),
      ),
    ),
  );
}

/**
 * The debrief's folded "What you wrote", one of the sections the debrief
 * view places in its details. Null when the learner did not type a reply in
 * this run.
 */
export function whatYouWroteFold(
  said: readonly Said[] | undefined,
  scenario: Scenario,
  catalogue: Catalogue,
): HTMLElement | null {
  if (said === undefined || said.length === 0) return null;
  return fold(
    'said',
    S.wroteHeading,
    h('p', { class: 'details-intro' }, S.wroteIntro),
    saidList(said, scenario, catalogue),
  );
}

/** The evidence record's section: the same list under its own heading (empty when nothing was typed). */
export function saidSection(
  said: readonly Said[] | undefined,
  scenario: Scenario | undefined,
  catalogue: Catalogue,
): HTMLElement | null {
  if (said === undefined || said.length === 0) return null;
  return h(
    'section',
    { class: 'evidence-said' },
    h('h2', {}, S.wroteHeading),
    h('p', {}, S.wroteIntro),
    saidList(said, scenario, catalogue),
  );
}
