/** A page's run services in Node, as main.ts wires them: saved progress over a key-value backend, an optional LMS. */
import { Scorm12API } from 'scorm-again';
import { PageProgress } from '../../../src/game/history/PageProgress.ts';
import { LmsBridge, PageLms } from '../../../src/game/lms/index.ts';
import { LearnerRun, type RunPrompts, RunService } from '../../../src/game/run/index.ts';
import type { RoleplayRequest } from '../../../src/game/run/RoleplayRequest.ts';
import type { KeyValueBackend } from '../../../src/game/storage/index.ts';
import { type SavedRun, scenarioFingerprint, startRun } from '../../../src/progress/index.ts';
import type { Model, Scenario } from '../../../src/scenario/index.ts';
import { catalogue, loadFile } from '../../lms/support.ts';

export const kettle = loadFile('scenarios/faulty-kettle.yaml');
export const library = {
  catalogue,
  scenario: (id: string): Scenario | undefined => (id === kettle.id ? kettle : undefined),
  model: (id: string): Model | undefined => catalogue.models.get(id),
};

export const practice: RoleplayRequest = {
  scenarioId: kettle.id,
  modelId: 'LASS',
  mode: 'practice',
  seed: 7,
};
export const assessment: RoleplayRequest = { ...practice, mode: 'assessment' };

export const NOW = '2026-12-03T10:00:00.000Z';

/** A new Practice run of the kettle under LASS (seed 7), optionally with replies already made or other saved fields. */
export function kettleRun(saved: Partial<SavedRun> = {}): LearnerRun {
  const fresh = startRun('r1', kettle, scenarioFingerprint(kettle), 'LASS', 'practice', NOW, 7);
  const model = catalogue.models.get('LASS');
  if (model === undefined) throw new Error('LASS missing');
  return new LearnerRun({
    request: practice,
    scenario: kettle,
    model,
    catalogue,
    saved: { ...fresh, ...saved },
    source: 'new',
    now: () => NOW,
  });
}

/** What the learner answers, and what they were asked (in order). */
export function prompts(resume: boolean): RunPrompts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async resume(_scenario, replies) {
      asked.push(`resume ${replies}`);
      return resume;
    },
    async stale(message) {
      asked.push(`stale: ${message}`);
    },
  };
}

/** One browser tab: its saved progress on `backend`, its RunService, and the LMS when one launched it. */
export function tab(
  backend: KeyValueBackend,
  options: { resume?: boolean; lms?: LmsBridge | null; name?: string } = {},
): { runs: RunService; progress: PageProgress; asked: string[]; lms: PageLms | null } {
  const progress = new PageProgress(library, async () => backend);
  const answer = prompts(options.resume ?? true);
  let id = 0;
  const runs = new RunService({
    library: () => library,
    localRun: async () => (await progress.open()).store.run,
    prompts: answer,
    newId: () => `${options.name ?? 'tab'}-run-${++id}`,
    newSeed: () => 99,
    now: () => '2026-12-03T10:00:00.000Z',
  });
  runs.observe(progress);
  const bridge = options.lms ?? null;
  const lms = bridge === null ? null : PageLms.around(bridge, library);
  if (lms !== null) {
    runs.resumeFrom(lms);
    runs.observe(lms);
  }
  return { runs, progress, asked: answer.asked, lms };
}

/** A SCORM 1.2 LMS (scorm-again), optionally relaunched with what an earlier session stored. */
export function scorm12(saved: Record<string, string> = {}): Scorm12API {
  const api = new Scorm12API({ logLevel: 5, autocommit: false });
  if (Object.keys(saved).length > 0) api.loadFromFlattenedJSON({ ...saved, 'cmi.core.entry': 'resume' }, '');
  return api;
}

export function connect(api: Scorm12API): LmsBridge {
  let t = Date.UTC(2026, 11, 3, 10);
  return LmsBridge.connect({ API: api } as never, () => (t += 5000));
}
