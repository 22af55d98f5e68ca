import type { GameShell } from '../GameShell.ts';
import { Screen } from '../keys.ts';
import { TutorScreen } from './keys.ts';

/**
 * Switches the page to one of the tutor tools' layouts and lets the canvas fit
 * its new box. Presenter mode keeps the role-play's grid (a stage beside the
 * panel); the other tools use the menu's, with their own `data-screen` styles.
 */
export function enterScreen(shell: GameShell, screen: TutorScreen): void {
  shell.setScreen(screen === TutorScreen.Presenter ? Screen.Roleplay : Screen.Menu);
  shell.regions.app.dataset.screen = screen;
  shell.game?.scale.refresh();
}
