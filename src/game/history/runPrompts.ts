import type { Scenario } from '../../scenario/index.ts';
import type { RunPrompts } from '../run/index.ts';
import { ask } from './dialog.ts';
import { PROGRESS_STRINGS } from './strings.ts';

const S = PROGRESS_STRINGS;

/** The questions the `RunService` asks the learner before a run starts, as the role-play's dialogs. */
export const RUN_PROMPTS: RunPrompts = Object.freeze({
  async resume(scenario: Scenario, replies: number): Promise<boolean> {
    const answer = await ask(
      S.resume.heading,
      [S.resume.body(scenario.title, replies)],
      [
        { value: 'resume', label: S.resume.resume, kind: 'primary' },
        { value: 'restart', label: S.resume.restart },
      ],
      'resume',
    );
    return answer === 'resume';
  },
  async stale(message: string): Promise<void> {
    await ask(S.resume.staleHeading, [message], [{ value: 'ok', label: S.resume.ok, kind: 'primary' }], 'ok');
  },
});
