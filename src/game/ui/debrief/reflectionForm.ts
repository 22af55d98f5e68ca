import type { Reflection } from '../../../progress/index.ts';
import { PROGRESS_STRINGS } from '../../history/strings.ts';
import { h } from '../dom.ts';
import '../../history/progress.css';

const S = PROGRESS_STRINGS;

/**
 * The debrief's reflection (went well, even better if, plan-do-check-act),
 * filled with what was saved before; `save` stores it and the form says so.
 * Keys typed in it stay in it (a digit is text here, not a reply).
 */
export function reflectionForm(
  initial: Reflection | null,
  save: (reflection: Reflection) => Promise<void>,
): HTMLElement {
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
