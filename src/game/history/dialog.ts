import { Dialog } from '../ui/Dialog.ts';
import { h } from '../ui/dom.ts';
import './progress.css';

/**
 * A modal question with buttons (ui/Dialog.ts); resolves with the value of the
 * button chosen (Escape gives `cancelValue`). Keys pressed inside stay inside,
 * so the role-play's number keys cannot choose a reply behind it.
 */
export function ask<T extends string>(
  heading: string,
  body: readonly (string | Node)[],
  buttons: readonly {
    readonly value: T;
    readonly label: string;
    readonly kind?: 'primary' | 'secondary' | 'danger';
  }[],
  cancelValue: T,
): Promise<T> {
  return new Promise((resolve) => {
    const titleId = `dialog-${Math.random().toString(36).slice(2)}`;
    let chosen: T = cancelValue;
    const row = h('div', { class: 'dialog-buttons' });
    const dialog = new Dialog(
      {
        className: 'progress-dialog',
        labelledBy: titleId,
        initialFocus: () => row.querySelector('button'),
        onClose: () => resolve(chosen),
      },
      h('h2', { id: titleId }, heading),
      ...body.map((part) => (typeof part === 'string' ? h('p', {}, part) : part)),
      row,
    );
    for (const button of buttons) {
      const el = h(
        'button',
        { type: 'button', class: `button ${button.kind ?? 'secondary'}`, 'data-value': button.value },
        button.label,
      );
      el.addEventListener('click', () => {
        chosen = button.value;
        dialog.close('action');
      });
      row.append(el);
    }
    dialog.open();
  });
}
