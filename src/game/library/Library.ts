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

/**
 * Each scenario is rebuilt from its data when first asked for, once: a deep
 * link's first turn needs only its own, not the whole library's Maps (about
 * 0.7 ms a scenario on a 2-core machine, on the way to the first reply).
 */
export function libraryFromData(data: LibraryData): Library {
  const catalogue = catalogueFromData(data.catalogue);
  const dataById = new Map(data.scenarios.map((s) => [s.id, s]));
  const built = new Map<string, Scenario>();
  const scenario = (id: string): Scenario | undefined => {
    const found = built.get(id);
    if (found !== undefined) return found;
    const source = dataById.get(id);
    if (source === undefined) return undefined;
    const made = scenarioFromData(source);
    built.set(id, made);
    return made;
  };
  let all: readonly Scenario[] | null = null;
  return {
    catalogue,
    get scenarios() {
      all ??= data.scenarios.map((s) => scenario(s.id) as Scenario);
      return all;
    },
    broken: data.broken,
    catalogueProblems: data.catalogueProblems,
    scenario,
    model: (id) => catalogue.models.get(id),
    models: [...catalogue.models.values()],
  };
}

/** `file:line:col message`, as the menu shows a broken file. */
export function describeBroken(broken: BrokenFile): string {
  return `${broken.file}:${broken.line}:${broken.column} ${broken.message}`;
}
