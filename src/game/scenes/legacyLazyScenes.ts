/**
 * TEMPORARY, issue 17: the old module-level `registerLazyScene`, kept only so
 * presenter/tutorTools.ts (the lead's, being rewritten) still compiles. The
 * lead's tutorTools calls `shell.lazyScenes.register(...)` instead and deletes
 * this file (and its line in scripts/lint/moduleState.ts's known list).
 */
import type { GameShell } from '../GameShell.ts';
import { type LazyScene, LazyScenes, type SceneFactory } from './LazyScenes.ts';

const registered = new LazyScenes<GameShell>();

/** @deprecated Use `shell.lazyScenes.register(key, text, load)`. */
export function registerLazyScene(
  key: string,
  text: { readonly loading: string; readonly what: string },
  load: () => Promise<SceneFactory<GameShell>>,
): void {
  registered.register(key, text, load);
}

export function legacyLazyScene(key: string): LazyScene<GameShell> | undefined {
  return registered.get(key);
}
