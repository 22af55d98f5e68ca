import * as Phaser from 'phaser';
import type { GameShell } from '../GameShell.ts';
import { SceneKey, Screen } from '../keys.ts';
import { STRINGS } from '../strings.ts';
import { loadFailure, loadingNote } from '../ui/lazy.ts';
import type { SceneFactory as LazySceneFactory } from './LazyScenes.ts';

/** Makes the scene once its code has arrived. */
export type SceneFactory = LazySceneFactory<GameShell>;
// TEMPORARY, issue 17: tutorTools.ts imports it from here until the lead moves it to shell.lazyScenes.

/**
 * Starts a scene, fetching its code first (with a loading message) if it is
 * not in the game yet. Every scene the game has not added is a lazy one
 * (main.ts adds the rest at start-up), so this needs no list of its own: the
 * loading scene looks the key up in the shell's LazyScenes.
 */
export function startScene(from: Phaser.Scene, key: string, data?: object): void {
  if (isAdded(from.game, key)) from.scene.start(key, data);
  else from.scene.start(SceneKey.Loading, { key, data } satisfies LoadingRequest);
}

function isAdded(game: Phaser.Game, key: string): boolean {
  return Object.hasOwn(game.scene.keys, key);
}

export interface LoadingRequest {
  readonly key: string;
  readonly data?: object | undefined;
}

/**
 * Shown while a lazily loaded scene's code is fetched; says so plainly, with
 * "Try again" and "Back to menu", when it cannot be (offline and never cached,
 * or replaced by a newer build).
 */
export class LoadingScene extends Phaser.Scene {
  private request: LoadingRequest | null = null;

  constructor(private readonly shell: GameShell) {
    super(SceneKey.Loading);
  }

  init(data: LoadingRequest): void {
    this.request = data;
  }

  create(): void {
    const { shell, request } = this;
    const entry = request === null ? undefined : shell.lazyScenes.get(request.key);
    if (request === null || entry === undefined) {
      this.scene.start(SceneKey.Menu);
      return;
    }
    shell.setScreen(Screen.Fetching);
    document.title = `${STRINGS.loading} · ${STRINGS.appTitle}`;
    shell.regions.panel.append(loadingNote(entry.loading));
    shell.onKey((event) => {
      if (event.key !== 'Escape') return false;
      this.scene.start(SceneKey.Menu);
      return true;
    });
    entry.load().then(
      (factory) => {
        if (!this.scene.isActive()) return;
        if (!isAdded(this.game, request.key)) this.scene.add(request.key, factory(shell), false);
        this.scene.start(request.key, request.data);
      },
      () => {
        if (!this.scene.isActive()) return;
        const failure = loadFailure({
          what: entry.what,
          retry: () => this.scene.restart(request),
          leave: { label: STRINGS.lazy.menu, action: () => this.scene.start(SceneKey.Menu) },
        });
        shell.regions.panel.replaceChildren(failure);
        failure.querySelector<HTMLElement>('button')?.focus();
      },
    );
  }
}
