import { Dialog } from '../ui/Dialog.ts';
import { h } from '../ui/dom.ts';
import type { Voice } from '../voice/Voice.ts';
import { sortVoices } from '../voice/Voice.ts';
import type { SettingsStore } from './SettingsStore.ts';
import { TEXT_SIZES, VOICE_RATES } from './settings.ts';
import { A11Y_STRINGS as S } from './strings.ts';

/**
 * The accessibility settings as a modal dialog (ui/Dialog.ts): every control
 * applies at once and is saved. Keys pressed inside stay inside (the
 * role-play's number keys cannot choose a reply behind it); Escape, Close or
 * a click beside it returns focus to the button that opened it.
 */
export class SettingsPanel {
  private readonly dialog: Dialog;
  private readonly voiceSelect: HTMLSelectElement;
  private readonly voiceRow: HTMLElement;
  private readonly noVoices: HTMLElement;
  private readonly unsubscribe: () => void;

  constructor(
    parent: HTMLElement,
    private readonly store: SettingsStore,
    private readonly voice: Voice,
  ) {
    // One panel per page (installAccessibility makes it once), so one fixed prefix keeps its ids unique.
    const id = 'a11y-settings';
    const s = store.settings;
    const check = (
      name: string,
      label: string,
      hint: string,
      checked: boolean,
      onChange: (on: boolean) => void,
    ): HTMLElement => {
      const input = h('input', {
        type: 'checkbox',
        id: `${id}-${name}`,
        name,
        checked,
        'aria-describedby': `${id}-${name}-hint`,
        'data-testid': `a11y-${name}`,
      });
      input.addEventListener('change', () => onChange(input.checked));
      return h(
        'div',
        { class: 'a11y-check' },
        input,
        h(
          'div',
          {},
          h('label', { for: `${id}-${name}` }, label),
          h('p', { id: `${id}-${name}-hint`, class: 'a11y-hint' }, hint),
        ),
      );
    };

    const sizes = h(
      'fieldset',
      { class: 'a11y-sizes' },
      h('legend', {}, S.textSize),
      TEXT_SIZES.map((size) => {
        const input = h('input', {
          type: 'radio',
          name: `${id}-size`,
          value: size,
          id: `${id}-size-${size}`,
          checked: size === s.textSize,
          'data-testid': `a11y-size-${size}`,
        });
        input.addEventListener('change', () => {
          if (input.checked) store.update({ textSize: size });
        });
        return h(
          'div',
          { class: 'a11y-size' },
          input,
          h('label', { for: `${id}-size-${size}` }, S.textSizeOption(size)),
        );
      }),
    );

    const rate = h(
      'select',
      { id: `${id}-rate`, 'data-testid': 'a11y-rate' },
      VOICE_RATES.map((r) => h('option', { value: r, selected: r === s.voice.rate }, S.rateOption(r))),
    );
    rate.addEventListener('change', () => store.update({ voice: { rate: Number(rate.value) } }));
    this.voiceSelect = h('select', { id: `${id}-voice`, 'data-testid': 'a11y-voice' });
    this.voiceSelect.addEventListener('change', () =>
      store.update({ voice: { voiceId: this.voiceSelect.value === '' ? null : this.voiceSelect.value } }),
    );
    this.voiceRow = h(
      'div',
      { class: 'a11y-field' },
      h('label', { for: `${id}-voice` }, S.voiceChoice),
      this.voiceSelect,
    );
    this.noVoices = h('p', { class: 'a11y-hint a11y-novoices', 'data-testid': 'a11y-novoices' }, S.noVoices);
    const test = h(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'a11y-test' },
      S.test,
    );
    test.addEventListener('click', () => {
      const { rate: r, voiceId } = store.settings.voice;
      voice.cancel();
      voice.speak(S.testLine, { rate: r, voiceId });
    });
    const close = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'a11y-close' },
      S.close,
    );
    close.addEventListener('click', () => this.close());

    this.dialog = new Dialog(
      {
        className: 'a11y-panel',
        labelledBy: `${id}-heading`,
        describedBy: `${id}-intro`,
        testId: 'a11y-panel',
        closeOnBackdrop: true,
        reusable: true,
        initialFocus: (dialog) => dialog.querySelector<HTMLInputElement>('input:checked, input'),
      },
      h('h2', { id: `${id}-heading` }, S.heading),
      h('p', { id: `${id}-intro` }, S.intro),
      h(
        'section',
        { 'aria-labelledby': `${id}-display` },
        h('h3', { id: `${id}-display` }, S.display),
        sizes,
        check('contrast', S.highContrast, S.highContrastHint, s.highContrast, (on) =>
          store.update({ highContrast: on }),
        ),
        check('motion', S.reduceMotion, S.reduceMotionHint, s.motion === 'reduce', (on) =>
          store.update({ motion: on ? 'reduce' : 'system' }),
        ),
        check('timer', S.showCallTimer, S.showCallTimerHint, s.showCallTimer, (on) =>
          store.update({ showCallTimer: on }),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': `${id}-voice-heading` },
        h('h3', { id: `${id}-voice-heading` }, S.voice),
        check('voice-on', S.voiceEnabled, S.voiceEnabledHint, s.voice.enabled, (on) =>
          store.update({ voice: { enabled: on } }),
        ),
        h('div', { class: 'a11y-field' }, h('label', { for: `${id}-rate` }, S.rate), rate),
        this.voiceRow,
        this.noVoices,
        h('div', { class: 'a11y-buttons' }, test),
      ),
      h('section', {}, h('h3', {}, S.keysHeading), h('p', {}, S.keys)),
      h('div', { class: 'a11y-buttons a11y-foot' }, close),
    );
    this.unsubscribe = voice.onVoicesChanged(() => this.renderVoices());
    this.renderVoices();
    parent.append(this.dialog.element);
  }

  get isOpen(): boolean {
    return this.dialog.isOpen;
  }

  open(opener: HTMLElement | null): void {
    if (this.dialog.isOpen) return;
    this.renderVoices();
    this.dialog.open(opener);
  }

  close(): void {
    this.dialog.close();
  }

  dispose(): void {
    this.unsubscribe();
    this.dialog.dispose();
  }

  private renderVoices(): void {
    const voices = sortVoices(this.voice.voices());
    const chosen = this.store.settings.voice.voiceId;
    this.voiceSelect.replaceChildren(
      h('option', { value: '', selected: chosen === null }, S.voiceAuto),
      ...voices.map((v) => h('option', { value: v.id, selected: v.id === chosen }, `${v.name} (${v.lang})`)),
    );
    this.voiceRow.hidden = voices.length === 0;
    this.noVoices.hidden = voices.length > 0;
  }
}
