import type { Model } from '../../scenario/index.ts';
import type { LearnerRun } from '../run/index.ts';
import { h } from '../ui/dom.ts';
import { RECORDING_LIMITS, recordingKey } from './limits.ts';
import { type ActiveRecording, MicError, startRecording } from './Recorder.ts';
import type { RecordingStore } from './RecordingStore.ts';
import { REHEARSE_STRINGS as S } from './strings.ts';

/**
 * Rehearse aloud, for one run on screen: a toggle in the reply panel's foot
 * and, when open, a panel between the conversation and the replies (so it
 * never covers them or the customer): Record/Stop, Play back, and the
 * model's steps to tick. Ticks are recorded on the run (`run.rehearse`) as
 * they change, with whether this turn has a recording; the audio goes only
 * to `store`. The written replies below work exactly as without it.
 */
export class RehearsePanel {
  readonly toggle: HTMLButtonElement;
  readonly root: HTMLElement;
  private readonly recordButton: HTMLButtonElement;
  private readonly playButton: HTMLButtonElement;
  private readonly audio: HTMLAudioElement;
  private readonly status: HTMLElement;
  private readonly boxes: HTMLInputElement[];
  private active: ActiveRecording | null = null;
  private ticker = 0;
  private url: string | null = null;
  /** Whether this turn has a recording kept in the store. */
  private kept = false;
  /** Counts turns, so a store read from an earlier turn does nothing when it arrives. */
  private turn = 0;
  private disposed = false;
  /** While the browser is asking for the microphone: a second press waits for it. */
  private starting = false;

  constructor(
    private readonly run: LearnerRun,
    model: Model,
    private readonly store: RecordingStore,
  ) {
    this.toggle = h(
      'button',
      {
        type: 'button',
        class: 'button ghost rehearse-toggle',
        'aria-expanded': 'false',
        'aria-controls': 'rehearse-panel',
        'data-testid': 'rehearse-toggle',
      },
      S.toggle,
    );
    this.toggle.addEventListener('click', () =>
      this.setOpen(this.toggle.getAttribute('aria-expanded') !== 'true'),
    );
    this.recordButton = h(
      'button',
      { type: 'button', class: 'button primary rehearse-record', 'data-testid': 'rehearse-record' },
      S.record,
    );
    this.recordButton.addEventListener('click', () => void this.recordOrStop());
    this.playButton = h(
      'button',
      {
        type: 'button',
        class: 'button secondary rehearse-play',
        'data-testid': 'rehearse-play',
        disabled: true,
      },
      S.play,
    );
    this.playButton.addEventListener('click', () => this.playOrPause());
    // No controls of its own: Play back is the one labelled, keyboard-first control.
    this.audio = h('audio', { preload: 'auto', 'data-testid': 'rehearse-audio' });
    this.audio.addEventListener('ended', () => {
      this.playButton.textContent = S.play;
      this.say(S.played);
    });
    this.audio.addEventListener('pause', () => {
      this.playButton.textContent = S.play;
    });
    this.status = h('p', { class: 'rehearse-status', role: 'status', 'data-testid': 'rehearse-status' });
    this.boxes = model.steps.map((step) =>
      h('input', { type: 'checkbox', id: `rehearse-step-${step.id}`, value: step.id, 'data-step': step.id }),
    );
    for (const box of this.boxes) box.addEventListener('change', () => this.mark());
    const legend = h('legend', {}, S.stepsLegend(model.name));
    this.root = h(
      'section',
      {
        id: 'rehearse-panel',
        class: 'rehearse',
        'aria-labelledby': 'rehearse-heading',
        'data-testid': 'rehearse',
        hidden: true,
      },
      h(
        'div',
        { class: 'rehearse-head' },
        h('h2', { id: 'rehearse-heading', class: 'rehearse-heading' }, S.heading),
        h('div', { class: 'rehearse-controls' }, this.recordButton, this.playButton, this.audio),
      ),
      h('p', { class: 'rehearse-intro' }, S.intro(model.name)),
      h(
        'fieldset',
        { class: 'rehearse-steps' },
        legend,
        model.steps.map((step, i) =>
          h(
            'label',
            { class: 'rehearse-step', for: `rehearse-step-${step.id}` },
            this.boxes[i] ?? null,
            step.name,
          ),
        ),
      ),
      this.status,
      h('p', { class: 'rehearse-limit' }, h('small', {}, S.limit)),
    );
  }

  /** Opens or closes the panel; opening moves focus to Record, closing back to the toggle (and stops a recording, keeping it). */
  setOpen(open: boolean): void {
    if (!open && this.active !== null) void this.finishTake(this.active);
    this.root.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    // One scrolling page (a phone): the toggle may sit below the fold, so reaching it scrolled the
    // page; the open panel takes the conversation's place under the customer, so show it from the
    // top, where Record and the first reply are both in view (rehearse.browser.test.ts pins it).
    if (open && document.documentElement.dataset.layout === 'flow') window.scrollTo({ top: 0 });
    if (open) this.recordButton.focus({ preventScroll: true });
    else this.toggle.focus();
  }

  /**
   * A new turn (or the run's first): stops any recording, clears the audio
   * and ticks, then shows what this turn already has (ticked before an
   * Undo, say), and its kept recording if there is one. Hidden at the end.
   */
  showTurn(): void {
    const turn = ++this.turn;
    this.active?.discard();
    this.active = null;
    window.clearInterval(this.ticker);
    this.recordButton.textContent = S.record;
    this.setAudio(null);
    this.kept = false;
    this.say('');
    const ended = this.run.view().ending !== null;
    this.toggle.hidden = ended;
    if (ended) this.root.hidden = true;
    const marks = this.run.rehearsedHere();
    for (const box of this.boxes) box.checked = marks?.steps.includes(box.value) ?? false;
    if (marks?.recorded !== true) return;
    void this.store.get(recordingKey(this.run.saved.id, this.run.view().transcript.length)).then((found) => {
      if (turn !== this.turn || this.disposed || found === undefined) return;
      this.kept = true;
      this.setAudio(found.audio);
      this.say(S.previous);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.active?.discard();
    this.active = null;
    window.clearInterval(this.ticker);
    this.setAudio(null);
    this.toggle.remove();
    this.root.remove();
  }

  private async recordOrStop(): Promise<void> {
    if (this.active !== null) {
      await this.finishTake(this.active);
      return;
    }
    if (this.starting) return;
    const turn = this.turn;
    this.audio.pause();
    this.say(S.asking);
    // Not `disabled` while the browser asks: that would take the keyboard focus off the button.
    this.starting = true;
    this.recordButton.setAttribute('aria-disabled', 'true');
    let active: ActiveRecording;
    try {
      // The microphone is asked for here, on the learner's press, and never before.
      active = await startRecording(RECORDING_LIMITS.maxSeconds, () => void this.finishTake(active, true));
    } catch (error) {
      if (turn === this.turn) this.say(S.problem(error instanceof MicError ? error.problem : 'failed'));
      return;
    } finally {
      this.starting = false;
      this.recordButton.removeAttribute('aria-disabled');
    }
    if (turn !== this.turn || this.disposed) {
      active.discard();
      return;
    }
    this.active = active;
    this.recordButton.textContent = S.stop;
    this.recordButton.setAttribute('data-recording', 'true');
    this.playButton.disabled = true;
    const tick = (): void => this.say(S.recording(active.elapsed()));
    tick();
    this.ticker = window.setInterval(tick, 250);
  }

  private async finishTake(active: ActiveRecording, cut = false): Promise<void> {
    if (this.active !== active) return;
    this.active = null;
    window.clearInterval(this.ticker);
    this.recordButton.textContent = S.record;
    this.recordButton.removeAttribute('data-recording');
    const turn = this.turn;
    const take = await active.stop();
    if (turn !== this.turn || this.disposed) return;
    // Said before Play back is offered, so the status never still reads "Recording…" once it is.
    const recorded = [cut || take.cut ? S.cut : null, S.recorded(take.seconds)];
    this.say(recorded.filter((w) => w !== null).join(' '));
    this.setAudio(take.audio);
    const view = this.run.view();
    const saved = await this.store.save({
      key: recordingKey(this.run.saved.id, view.transcript.length),
      runId: this.run.saved.id,
      at: view.transcript.length,
      node: view.node.id,
      createdAt: new Date().toISOString(),
      bytes: take.audio.size,
      seconds: take.seconds,
      type: take.audio.type,
      audio: take.audio,
    });
    if (turn !== this.turn || this.disposed) return;
    this.kept = saved.kept;
    const words = [...recorded];
    if (saved.kept && saved.dropped > 0) words.push(S.dropped(saved.dropped));
    if (!saved.kept) words.push(saved.reason === 'too-big' ? S.tooBig : S.notKept);
    this.say(words.filter((w) => w !== null).join(' '));
    this.mark();
    if (!this.root.hidden) this.playButton.focus();
  }

  private playOrPause(): void {
    if (this.url === null) return;
    if (!this.audio.paused) {
      this.audio.pause();
      return;
    }
    this.playButton.textContent = S.pause;
    this.say(S.playing);
    void this.audio.play().catch(() => {
      this.playButton.textContent = S.play;
    });
  }

  /** Records this turn's ticks (and whether a recording is kept) on the run, which saves them. */
  private mark(): void {
    const steps = this.boxes.filter((box) => box.checked).map((box) => box.value);
    if (
      this.run.rehearse({ steps, recorded: this.kept }) !== null &&
      this.active === null &&
      this.url === null
    )
      this.say(S.marksSaved);
  }

  private setAudio(audio: Blob | null): void {
    if (this.url !== null) URL.revokeObjectURL(this.url);
    this.url = audio === null ? null : URL.createObjectURL(audio);
    if (this.url === null) {
      this.audio.pause();
      this.audio.removeAttribute('src');
    } else this.audio.src = this.url;
    this.playButton.disabled = this.url === null;
    this.playButton.textContent = S.play;
  }

  private say(text: string): void {
    this.status.textContent = text;
  }
}
