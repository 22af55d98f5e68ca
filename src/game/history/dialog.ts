import { h } from '../ui/dom.ts';
import './progress.css';

/**
 * A modal question with buttons; resolves with the value of the button chosen
 * (Escape gives `cancelValue`). Keys pressed inside stay inside, so the
 * role-play's number keys cannot choose a reply behind it.
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
    const dialog = h(
      'dialog',
      { class: 'progress-dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, heading),
      body.map((part) => (typeof part === 'string' ? h('p', {}, part) : part)),
    );
    const row = h('div', { class: 'dialog-buttons' });
    for (const button of buttons) {
      const el = h(
        'button',
        { type: 'button', class: `button ${button.kind ?? 'secondary'}`, 'data-value': button.value },
        button.label,
      );
      el.addEventListener('click', () => finish(button.value));
      row.append(el);
    }
    dialog.append(row);
    let done = false;
    const finish = (value: T): void => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('keydown', (event) => event.stopPropagation());
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(cancelValue);
    });
    document.body.append(dialog);
    dialog.showModal();
    row.querySelector('button')?.focus();
  });
}
