/**
 * The scenario folder's one door: YAML text in, a checked `Scenario` or
 * diagnostics out. Pure: no DOM, no Phaser, no Node-only modules.
 */

export { AstReader, type Block, type Field, written } from './astReader.ts';
export { cueProblem } from './cueSyntax.ts';
export { type AgeGroup, type Mobility, pronounsFromTitle } from './customerLook.ts';
export {
  type CatalogueData,
  catalogueFromData,
  catalogueToData,
  type ScenarioData,
  scenarioFromData,
  scenarioToData,
} from './data.ts';
export { formatDiagnostic, sortDiagnostics } from './diagnostics.ts';
export { closest, didYouMean } from './didYouMean.ts';
export type { FieldSpec, FieldTable } from './fileSchema.ts';
export { scenarioJsonSchema } from './jsonSchema.ts';
export { type LibraryResult, loadLibrary } from './library.ts';
export { loadCatalogue } from './loadCatalogue.ts';
export { type LoadOptions, type LoadResult, loadScenario } from './loadScenario.ts';
export { detailKey, MIN_DETAIL_CHARACTERS } from './readReading.ts';
export type { SourceFile } from './sourceFile.ts';
export { MAX_FILE_BYTES } from './sourceFile.ts';
export type * from './types.ts';
export { CHANNELS, OUTCOMES } from './types.ts';
export { MAX_ALIAS_COUNT, type ParsedYaml, parseYaml } from './yamlDocument.ts';
