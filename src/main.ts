/** Composition root: the precompiled library (fetched as JSON) → the shell → the Phaser game and its scenes. */

import * as Phaser from 'phaser';
// Started before this module's imports arrived (src/early.ts, an async script of its own).
import { EARLY_INDEXED_DB, EARLY_LIBRARY } from './early.ts';
import { installAccessibility } from './game/a11y/index.ts';
import { PAGE_LAYER_CSS, PALETTE, PALETTE_CSS } from './game/art/palette.ts';
import { GameShell, type Regions } from './game/GameShell.ts';
import { PageProgress } from './game/history/PageProgress.ts';
import { RUN_PROMPTS } from './game/history/runPrompts.ts';
import { Screen } from './game/keys.ts';
import { libraryFailure } from './game/library/fetchLibrary.ts';
import { libraryFromData } from './game/library/Library.ts';
import type { LibraryData } from './game/library/libraryData.ts';
import { lmsLaunched, PageLms } from './game/lms/index.ts';
import { installTutorTools } from './game/presenter/tutorTools.ts';
import { eraseRecordings } from './game/rehearse/index.ts';
import { type DeepLink, parseDeepLink } from './game/run/deepLink.ts';
import { newId, nowIso, RunService } from './game/run/index.ts';
import { newSeed } from './game/run/newSeed.ts';
import { BootScene } from './game/scenes/BootScene.ts';
import { DebriefScene } from './game/scenes/DebriefScene.ts';
import { LoadingScene } from './game/scenes/LoadingScene.ts';
import { MenuScene } from './game/scenes/MenuScene.ts';
import { RoleplayScene } from './game/scenes/RoleplayScene.ts';
import { STRINGS } from './game/strings.ts';
import { installTopbarMenu } from './game/ui/TopbarMenu.ts';
import './game/ui/styles.css';
import { RunVoice } from './game/voice/index.ts';

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`index.html has no #${id}`);
  return el;
}

for (const [name, value] of Object.entries(PALETTE_CSS)) {
  document.documentElement.style.setProperty(`--${name}`, value);
}

/**
 * Canvas 2D by default: the scene is a still backdrop and one figure, which
 * Canvas draws at full frame rate everywhere, while WebGL falls back to
 * software (SwiftShader) on remote desktops and old college PCs and runs at a
 * few frames a second there. `?renderer=webgl` opts in for comparison.
 */
function rendererFor(search: string): number {
  return new URLSearchParams(search).get('renderer') === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS;
}

/**
 * WebGL: a transparent canvas over its own CSS background (the page colour, and
 * the role-play's setting: see drawSetting), so software WebGL does not
 * redraw a full-screen backdrop every frame (issue 9). Canvas 2D: unchanged.
 */
function webglConfig(type: number): Phaser.Types.Core.GameConfig {
  if (type !== Phaser.WEBGL) return {};
  return { transparent: true, canvasStyle: `background-image: ${PAGE_LAYER_CSS}` };
}

const regions: Regions = {
  app: element('app'),
  topbar: element('topbar'),
  hud: element('hud'),
  panel: element('panel'),
  announcer: element('announcer'),
};
// Text size, contrast, motion, the customer's voice and focus rescue (see docs/accessibility.md).
const accessibility = installAccessibility(window, regions.topbar);
// A phone's top bar folds its controls behind one Menu button (styles.css, "Top bar on a phone").
installTopbarMenu(regions.topbar);
// Both started by src/early.ts, before Phaser's chunk had arrived.
EARLY_LIBRARY.then(start, showLibraryFailure);

/**
 * The page's services, made once: saved progress, the owner of learners' runs,
 * and the observers that follow every run, in the order they hear of a change
 * (saved progress first, so nothing is reported that is not also kept).
 */
function start(data: LibraryData): void {
  const library = libraryFromData(data);
  // "Erase all my data" also empties Rehearse aloud's recordings (their own database: docs/progress.md).
  const progress = new PageProgress(library, () => EARLY_INDEXED_DB, [eraseRecordings]);
  // Read now (IndexedDB itself was opened by src/early.ts), so a deep link's first turn, which asks
  // for the saved run, finds it ready. A failure is kept and met by whoever asks next, exactly as
  // if it were opened then.
  progress.open().catch(() => undefined);
  const runs = new RunService({
    // Through the shell: the editor plays a tutor's draft by giving the shell a library that holds it.
    library: () => shell.library,
    localRun: async () => (await progress.open()).store.run,
    prompts: RUN_PROMPTS,
    newId,
    newSeed,
    now: nowIso,
  });
  runs.observe(progress);
  const shell = new GameShell(library, regions, { runs, progress });
  const deepLink = parseDeepLink(window.location.search, shell.library);
  const voice = new RunVoice(accessibility.narrator);
  // An LMS or LRS that launched the page: fetch the LMS runtime, report to it, and reopen the run it
  // saved (see docs/lms.md). The page keeps "Loading the role-plays…" until it is connected.
  if (!lmsLaunched(window)) {
    runs.observe(voice);
    startGame(shell, deepLink);
    return;
  }
  const lms = new PageLms();
  runs.resumeFrom(lms);
  runs.observe(lms);
  runs.observe(voice);
  void lms.connect(window, deepLink, shell.library).then((link) => startGame(shell, link));
}

/**
 * The library could not be fetched (a damaged deploy, the network gone before the service worker
 * has cached it): say so in place of "Loading the role-plays…", with Reload, never a blank page.
 */
function showLibraryFailure(error: unknown): void {
  console.error(error);
  regions.app.dataset.screen = Screen.Fetching;
  const notice = libraryFailure(error, () => window.location.reload());
  regions.panel.replaceChildren(notice);
  document.title = `${STRINGS.startup.failedHeading} · ${STRINGS.appTitle}`;
  notice.querySelector('button')?.focus();
}

/**
 * Registers the offline service worker (docs/security.md, "Browser: offline")
 * once the first screen's stage has been drawn and the browser is idle, so its
 * precache download does not compete with the first reply.
 */
function registerOfflineWhenDrawn(): void {
  if (!__OFFLINE__ || !('serviceWorker' in navigator)) return;
  const stage = element('stage');
  const register = () => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => {
      navigator.serviceWorker
        .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
        .catch(() => {
          // No worker (a private window, a blocked scope): the app works online as before.
        });
    });
  };
  if (stage.dataset.drawn !== undefined) {
    register();
    return;
  }
  const watcher = new MutationObserver(() => {
    if (stage.dataset.drawn === undefined) return;
    watcher.disconnect();
    register();
  });
  watcher.observe(stage, { attributes: true, attributeFilter: ['data-drawn'] });
}

function startGame(shell: GameShell, link: DeepLink): void {
  const type = rendererFor(window.location.search);
  shell.game = new Phaser.Game({
    type,
    ...webglConfig(type),
    parent: element('stage'),
    backgroundColor: PALETTE.background,
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    // Keys are handled in the DOM (GameShell) so focused HTML buttons keep Space and Enter.
    input: { keyboard: false },
    // No Phaser sound: the customer's voice is the browser's speech synthesis (src/game/voice) and
    // Rehearse aloud records with MediaRecorder. Phaser's Web Audio context cost 18–30 ms of the
    // first reply's start-up (docs/benchmarks.md) and its unlock listeners on every tap.
    audio: { noAudio: true },
    banner: false,
    scene: [
      new BootScene(shell, link),
      new MenuScene(shell),
      new RoleplayScene(shell),
      new DebriefScene(shell),
      // Fetches the tutor tools' scenes (presenter mode, authoring) the first time one is opened.
      new LoadingScene(shell),
    ],
  });
  // Phaser's boot now waits for its first textures to decode: meanwhile, work out what the deep
  // link's first turn will need (docs/benchmarks.md, "The first reply").
  if (link.kind === 'roleplay') shell.runs.prepare(link.request);
  installTutorTools(shell);
  registerOfflineWhenDrawn();
}
