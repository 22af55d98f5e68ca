import { STRINGS } from '../strings.ts';
import { h } from './dom.ts';

const S = STRINGS.pause;

export interface PauseMenuProps {
  readonly onResume: () => void;
  readonly onRestart: () => void;
  readonly onMenu: () => void;
}

/** A modal <dialog>: the browser traps focus and Escape closes it (resume). */
export class PauseMenu {
  private readonly dialog: HTMLDialogElement;

  constructor(parent: HTMLElement, props: PauseMenuProps) {
    const button = (label: string, cls: string, action: () => void): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: `button ${cls}` }, label);
      b.addEventListener('click', () => {
        this.dialog.close('action');
        action();
      });
      return b;
    };
    this.dialog = h(
      'dialog',
      { class: 'pause-menu', 'aria-labelledby': 'pause-heading' },
      h('h2', { id: 'pause-heading' }, S.heading),
      h(
        'div',
        { class: 'pause-actions' },
        button(S.resume, 'primary', props.onResume),
        button(S.restart, 'secondary', props.onRestart),
        button(S.menu, 'secondary', props.onMenu),
      ),
      h('p', { class: 'pause-keys' }, S.keys),
    );
    // Escape (the browser's "cancel") resumes.
    this.dialog.addEventListener('close', () => {
      if (this.dialog.returnValue !== 'action') props.onResume();
      this.dialog.returnValue = '';
    });
    parent.append(this.dialog);
  }

  get open(): boolean {
    return this.dialog.open;
  }

  show(): void {
    if (!this.dialog.open) this.dialog.showModal();
  }

  dispose(): void {
    if (this.dialog.open) this.dialog.close('action');
    this.dialog.remove();
  }
}
