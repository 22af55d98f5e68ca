import { h } from '../ui/dom.ts';
import { learnerSwitch, saveLearnerSwitch } from './sayItSetting.ts';
import { SAY_IT_STRINGS as S } from './strings.ts';

/**
 * The menu's "Say it your way" switch, in the menu's own tile style, added
 * to the choices beside the model and mode (the menu's `.settings` block).
 * It is the same saved switch as the role-play's.
 */
export function addMenuSwitch(panel: HTMLElement, win: Window = window): void {
  const settings = panel.querySelector('.menu-choices .settings');
  if (settings === null) return;
  let local: Storage | null = null;
  try {
    local = win.localStorage;
  } catch {
    local = null;
  }
  const input = h('input', { type: 'checkbox', role: 'switch', 'data-testid': 'say-it-menu-switch' });
  input.checked = learnerSwitch(local);
  input.addEventListener('change', () => saveLearnerSwitch(local, input.checked));
  settings.append(
    h(
      'fieldset',
      { class: 'group tiles say-it-menu' },
      h('legend', {}, S.switchLabel),
      h(
        'div',
        { class: 'options' },
        h(
          'label',
          { class: 'option' },
          input,
          h(
            'span',
            { class: 'option-body' },
            h('span', { class: 'option-label' }, S.menuLabel),
            h('span', { class: 'option-hint' }, `${S.menuHint} ${S.assessmentOff}`),
          ),
        ),
      ),
    ),
  );
}
