import { STRINGS } from '../strings.ts';
import { Dialog } from './Dialog.ts';
import { h } from './dom.ts';

const S = STRINGS.pause;

export interface PauseMenuProps {
  readonly onResume: () => void;
  readonly onRestart: () => void;
  readonly onMenu: () => void;
}

/** The pause menu, a modal dialog kept in the page to open again; Escape closes it and resumes. */
export class PauseMenu {
  private readonly dialog: Dialog;

  constructor(parent: HTMLElement, props: PauseMenuProps) {
    const button = (label: string, cls: string, action: () => void): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: `button ${cls}` }, label);
      b.addEventListener('click', () => {
        this.dialog.close('action');
        action();
      });
      return b;
    };
    this.dialog = new Dialog(
      {
        className: 'pause-menu',
        labelledBy: 'pause-heading',
        reusable: true,
        // Escape (or any close not from a button) resumes.
        onClose: (reason) => {
          if (reason !== 'action') props.onResume();
        },
      },
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
    parent.append(this.dialog.element);
  }

  get open(): boolean {
    return this.dialog.isOpen;
  }

  show(): void {
    this.dialog.open();
  }

  dispose(): void {
    this.dialog.dispose();
  }
}
