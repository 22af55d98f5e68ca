import { rescoreAttempts } from '../../progress/index.ts';
import type { Library } from '../library/Library.ts';
import { type FinishedRun, type LearnerRun, nowIso, type RunChange, type RunObserver } from '../run/index.ts';
import { type KeyValueBackend, openIndexedDb, ProgressStorage } from '../storage/index.ts';
import { NoticeBar } from './notices.ts';

/**
 * The page's saved progress (made once in main.ts): the one `ProgressStorage`,
 * opened on first use, with the attempts scored by the earlier rules rescored
 * once before anything reads them; and the observer that saves every run
 * after each change and stores its attempt when the debrief finishes it.
 */
export class PageProgress implements RunObserver {
  /** The page's one bar of storage notices (the menu, role-play and debrief show it). */
  readonly notices = new NoticeBar();
  private opening: Promise<ProgressStorage> | null = null;
  /** The last save this page asked for: `idle` waits for it (writes land in order). */
  private lastSave: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly library: Pick<Library, 'scenario' | 'catalogue'>,
    private readonly backend: () => Promise<KeyValueBackend> = openIndexedDb,
    /** Other stores "Erase all my data" empties too (main.ts: Rehearse aloud's recordings). */
    private readonly alsoErase: readonly (() => Promise<void>)[] = [],
  ) {}

  /** The storage, opened (and its old attempts rescored) on first call. */
  open(): Promise<ProgressStorage> {
    this.opening ??= ProgressStorage.open(this.backend).then(async (storage) => {
      for (const erase of this.alsoErase) storage.alsoErase(erase);
      await storage.useRescorer(
        (attempts) =>
          rescoreAttempts(attempts, (id) => this.library.scenario(id), this.library.catalogue, nowIso())
            .rescored,
      );
      return storage;
    });
    return this.opening;
  }

  /** Resolves once every save asked for so far has landed (or failed, which the storage tells the learner). */
  async idle(): Promise<void> {
    await this.lastSave;
  }

  started(run: LearnerRun): void {
    this.save(run);
  }

  changed(change: RunChange): void {
    this.save(change.run);
  }

  private save(run: LearnerRun): void {
    const saved = run.saved;
    this.lastSave = this.open().then((storage) => storage.saveRun(saved));
  }

  /** Stores the attempt (once: the debrief may be shown again) and clears the saved run. */
  async finished({ attempt }: FinishedRun): Promise<void> {
    const storage = await this.open();
    if (storage.store.attempts.some((a) => a.id === attempt.id)) await storage.saveAttempt(attempt);
    else await storage.finishRun(attempt);
  }
}
