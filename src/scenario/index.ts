/**
 * The scenario folder's one door: YAML text in, a checked `Scenario` or
 * diagnostics out. Pure: no DOM, no Phaser, no Node-only modules.
 */
export type * from './types.ts';
export { CHANNELS, OUTCOMES } from './types.ts';
