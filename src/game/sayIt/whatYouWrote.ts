import type { Said } from '../../progress/index.ts';
import type { Catalogue, Scenario } from '../../scenario/index.ts';
import { fold } from '../ui/debrief/fold.ts';
import { h } from '../ui/dom.ts';
import { SAY_IT_STRINGS as S } from './strings.ts';

/**
 * The learner's own words with the evidence of each act marked. The record
 * keeps the evidence, not its offsets, so each is found again in the text
 * (first place it occurs, after the previous mark).
 */
function markedWords(entry: Said, catalogue: Catalogue): HTMLElement {
  const spans = entry.acts
    .map((a) => ({ act: a.act, start: entry.text.indexOf(a.evidence), length: a.evidence.length }))
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
        { class: 'say-it-mark', 'data-acts': span.act },
        entry.text.slice(span.start, span.start + span.length),
        h('span', { class: 'say-it-tag' }, catalogue.acts.get(span.act)?.name ?? span.act),
      ),
    );
    at = span.start + span.length;
  }
  parts.push(entry.text.slice(at));
  return h('span', { class: 'say-it-words' }, parts);
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
            entry.acts.length === 0
              ? S.wroteNone
              : entry.acts
                  .map((a) => `${catalogue.acts.get(a.act)?.name ?? a.act} “${a.evidence}”`)
                  .join('; '),
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
