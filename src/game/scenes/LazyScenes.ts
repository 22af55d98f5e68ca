import type * as Phaser from 'phaser';
import { lazy } from '../ui/lazy.ts';

/**
 * Makes the scene once its code has arrived. Generic in the shell so this file
 * need not import GameShell, which owns the list (no import circle).
 */
export type SceneFactory<Shell> = (shell: Shell) => Phaser.Scene;

export interface LazyScene<Shell> {
  /** "Loading presenter mode…" */
  readonly loading: string;
  /** "Presenter mode", for "… could not be loaded". */
  readonly what: string;
  readonly load: () => Promise<SceneFactory<Shell>>;
}

/**
 * The scenes whose code is fetched with `import()` the first time one is
 * started (the tutor tools). One per page, owned by the GameShell, so a second
 * game (a test, a reload of the shell) starts with its own list.
 */
export class LazyScenes<Shell> {
  private readonly scenes = new Map<string, LazyScene<Shell>>();

  /**
   * Declares a scene: its module and how to make the scene from it (apart, so a retry can import
   * the module afresh: see `lazy`). LoadingScene fetches its code and adds it to the game on first start.
   */
  register<M>(
    key: string,
    text: { readonly loading: string; readonly what: string },
    importModule: () => Promise<M>,
    factory: (module: M) => SceneFactory<Shell>,
  ): void {
    this.scenes.set(key, { ...text, load: lazy(importModule, factory) });
  }

  get(key: string): LazyScene<Shell> | undefined {
    return this.scenes.get(key);
  }
}
