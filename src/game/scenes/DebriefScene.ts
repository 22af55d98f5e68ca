import * as Phaser from 'phaser';
import { bandHeadline, explainSteps, limitSentences, scoreAllModels, scoreRun } from '../../scoring/index.ts';
import type { GameShell } from '../GameShell.ts';
import { attachDebrief } from '../history/attachDebrief.ts';
import { reviewRun } from '../history/reviewRun.ts';
import { SceneKey, Screen } from '../keys.ts';
import { rehearsalFold } from '../rehearse/index.ts';
import type { DebriefRequest } from '../run/DebriefRequest.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { whatYouWroteFold } from '../sayIt/index.ts';
import { CustomerStage, castOf } from '../stage/CustomerStage.ts';
import { STRINGS } from '../strings.ts';
import { customerTurnOf, speechBubble } from '../ui/customerTurn.ts';
import { DebriefView } from '../ui/DebriefView.ts';
import { h } from '../ui/dom.ts';

/** The debrief: the customer as the conversation left them, and the run scored by the scoring module. */
export class DebriefScene extends Phaser.Scene {
  private request: DebriefRequest | null = null;

  constructor(private readonly shell: GameShell) {
    super(SceneKey.Debrief);
  }

  init(data: DebriefRequest): void {
    this.request = data;
  }

  preload(): void {
    const scenario = this.request?.view.scenario;
    if (scenario !== undefined) CustomerStage.preload(this, scenario);
  }

  create(): void {
    const { shell, request: data } = this;
    const model = data === null ? undefined : shell.library.model(data.request.modelId);
    if (data === null || model === undefined) {
      this.scene.start(SceneKey.Menu);
      return;
    }
    const { view, request } = data;
    const { scenario } = view;
    const { catalogue } = shell.library;
    shell.setScreen(Screen.Debrief);
    document.title = `${STRINGS.debrief.heading}: ${scenario.title} · ${STRINGS.appTitle}`;

    new CustomerStage(this, castOf(scenario, view.mood, view.ending?.outcome)).showConversation(view);
    shell.regions.hud.append(
      h(
        'div',
        { class: 'hud-bottom' },
        speechBubble(customerTurnOf(scenario, view.node), { channel: scenario.channel, heading: false }),
      ),
    );

    const score = scoreRun(scenario, view.run, model, catalogue);
    const debrief = new DebriefView(shell.regions, {
      view,
      model,
      mode: request.mode,
      catalogue,
      score,
      allScores: scoreAllModels(scenario, view.run, catalogue),
      explanations: explainSteps(score, model),
      review: reviewRun(scenario, catalogue, model.id, score.choices),
      // Say it your way's "What you wrote" and rehearse aloud's ticks, when the learner used them.
      details: [
        whatYouWroteFold(data.run?.saved.said, scenario, catalogue),
        rehearsalFold(data.run?.saved.rehearsed, score.choices, scenario, model),
      ].filter((part): part is HTMLElement => part !== null),
      onReplay: (modelId) => {
        const next: RoleplayRequest = { ...request, modelId };
        shell.chooseForMenu({ modelId });
        this.scene.start(SceneKey.Roleplay, next);
      },
      onMenu: () => this.scene.start(SceneKey.Menu),
    });
    debrief.focus();
    // Saved progress: store the attempt, self-assessment, best replies, reflection, evidence record.
    attachDebrief(this, shell, data, debrief);
    // When a limit lowered the band, the learner hears why with it, as the debrief shows it beside the band.
    const lowered = limitSentences(score, scenario, model, catalogue).lowered.length > 0;
    shell.announce(
      lowered
        ? `${STRINGS.debrief.heading}: ${bandHeadline(score, scenario, model, catalogue)}`
        : `${STRINGS.debrief.heading}: ${score.score.band}, ${STRINGS.debrief.percent(score.score.percent)}.`,
    );
  }
}
