import * as Phaser from 'phaser';
import type { PageProgress } from './history/PageProgress.ts';
import type { Screen } from './keys.ts';
import type { Library } from './library/Library.ts';
import type { TutorFacts } from './map/tutorFacts.ts';
import type { RunService } from './run/index.ts';
import type { Mode } from './run/mode.ts';
import { LazyScenes } from './scenes/LazyScenes.ts';

/** The page regions scenes render their DOM views into. */
export interface Regions {
  readonly app: HTMLElement;
  readonly topbar: HTMLElement;
  readonly hud: HTMLElement;
  readonly panel: HTMLElement;
  readonly announcer: HTMLElement;
}

/** What the menu remembers between visits. */
export interface MenuChoices {
  modelId: string;
  mode: Mode;
  channel: string;
  difficulty: string;
}

/** The page's services, made once in main.ts: every scene reaches them through the shell, never a module variable. */
export interface Services {
  /** The owner of learners' runs: starts, resumes and finishes them, and tells their observers. */
  readonly runs: RunService;
  /** Saved progress (the one storage of the page). */
  readonly progress: PageProgress;
}

/** Returns true when it handled the key (the event is then not passed on). */
export type KeyHandler = (event: KeyboardEvent) => boolean;

/**
 * What every scene shares: the library, the page's services (runs, saved
 * progress), the page regions around the canvas,
 * one keyboard listener, the live region. Keys are read from the DOM rather
 * than Phaser's keyboard plugin so Space and Enter keep working on focused buttons.
 */
export class GameShell {
  private gameRef: Phaser.Game | null = null;
  /** What the menu remembers: one object, changed only through `chooseForMenu`. */
  private readonly choices: MenuChoices;
  /** The tutor tools' scenes, fetched on first use (scenes/LazyScenes.ts). */
  readonly lazyScenes = new LazyScenes<GameShell>();
  /** What the map and presenter mode work out about each scenario, once per page (map/tutorFacts.ts). */
  readonly tutorFacts: TutorFacts = new WeakMap();
  private keyHandler: KeyHandler | null = null;

  readonly runs: RunService;
  readonly progress: PageProgress;
  private currentLibrary: Library;

  constructor(
    library: Library,
    readonly regions: Regions,
    services: Services,
  ) {
    this.runs = services.runs;
    this.progress = services.progress;
    this.currentLibrary = library;
    const firstModel = library.models[0]?.id ?? '';
    this.choices = { modelId: firstModel, mode: 'practice', channel: 'all', difficulty: 'all' };
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (this.keyHandler?.(event) === true) event.preventDefault();
    });
  }

  /** The scenarios and models every scene reads. */
  get library(): Library {
    return this.currentLibrary;
  }

  /** Replaces the library for this page (a tutor's draft made playable: authoring/draftLibrary.ts). */
  useLibrary(library: Library): void {
    this.currentLibrary = library;
  }

  /** The menu's model, mode and filters, as the learner (or a deep link, or a tutor tool) last chose them. */
  get menuChoices(): Readonly<MenuChoices> {
    return this.choices;
  }

  /** The one way to change them: the menu's selects, a deep link, "play from here", another model on the debrief. */
  chooseForMenu(patch: Partial<MenuChoices>): void {
    Object.assign(this.choices, patch);
  }

  get game(): Phaser.Game | null {
    return this.gameRef;
  }

  /**
   * The game whose canvas fills #stage. The canvas is refitted as soon as its box
   * changes (a layout switch, a button added to the top bar), not on Phaser's
   * half-second poll, so the stage is never drawn for the wrong size.
   */
  set game(game: Phaser.Game | null) {
    this.gameRef = game;
    if (game === null) return;
    game.events.once(Phaser.Core.Events.READY, () => {
      const parent = game.canvas.parentElement;
      if (parent !== null) new ResizeObserver(() => this.refitStage()).observe(parent);
    });
  }

  /**
   * Switches the page layout, empties the regions and lets the canvas fit its new box: at once,
   * or, with `refitNow: false`, when the stage's ResizeObserver sees the box change, before the
   * next paint. Refitting at once lays the page out on the spot (8–14 ms on a deep link); a scene
   * that draws nothing on the canvas this frame (the role-play: see its create) need not.
   */
  setScreen(screen: Screen, { refitNow = true }: { readonly refitNow?: boolean } = {}): void {
    const { app, topbar, hud, panel } = this.regions;
    app.dataset.screen = screen;
    topbar.replaceChildren();
    hud.replaceChildren();
    panel.replaceChildren();
    panel.scrollTop = 0;
    this.keyHandler = null;
    if (this.game !== null) {
      delete this.game.canvas.parentElement?.dataset.drawn;
      if (refitNow) this.refitStage();
    }
  }

  /** `refresh()` alone keeps Phaser's cached parent size: read the box again first. */
  private refitStage(): void {
    const scale = this.gameRef?.scale;
    if (scale?.getParentBounds() === true) scale.refresh();
  }

  onKey(handler: KeyHandler | null): void {
    this.keyHandler = handler;
  }

  /** Says something to screen readers through the polite live region. */
  announce(text: string): void {
    const { announcer } = this.regions;
    // Clearing first makes a repeated message be announced again.
    announcer.textContent = '';
    window.setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  }
}
