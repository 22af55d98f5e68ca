import {
  type Catalogue,
  catalogueFromData,
  type Model,
  type Scenario,
  scenarioFromData,
} from '../../scenario/index.ts';
import type { BrokenFile, LibraryData } from './libraryData.ts';

/** The checked scenarios and catalogue, rebuilt from the build's JSON (Maps restored). */
export interface Library {
  readonly catalogue: Catalogue;
  readonly scenarios: readonly Scenario[];
  readonly broken: readonly BrokenFile[];
  readonly catalogueProblems: readonly BrokenFile[];
  scenario(id: string): Scenario | undefined;
  model(id: string): Model | undefined;
  readonly models: readonly Model[];
}

export function libraryFromData(data: LibraryData): Library {
  const catalogue = catalogueFromData(data.catalogue);
  const scenarios = data.scenarios.map(scenarioFromData);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  return {
    catalogue,
    scenarios,
    broken: data.broken,
    catalogueProblems: data.catalogueProblems,
    scenario: (id) => byId.get(id),
    model: (id) => catalogue.models.get(id),
    models: [...catalogue.models.values()],
  };
}

/** `file:line:col message`, as the menu shows a broken file. */
export function describeBroken(broken: BrokenFile): string {
  return `${broken.file}:${broken.line}:${broken.column} ${broken.message}`;
}
