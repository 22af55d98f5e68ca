import { type Scenario, scenarioToData } from '../scenario/index.ts';

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** FNV-1a, 32 bits, over UTF-16 code units; as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Drops where things sit in the file (line, column, file name): moving text around is not a content change. */
function withoutPlaces(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutPlaces);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'position' || key === 'file') continue;
    out[key] = withoutPlaces(v);
  }
  return out;
}

/**
 * Fingerprints by scenario, worked out once: a checked `Scenario` is immutable, and starting a
 * run, resuming one and rescoring history each ask (5–10 ms for a large scenario). Weakly held,
 * so a scenario the app drops (a tutor's old draft) takes its fingerprint with it.
 */
const fingerprints = new WeakMap<Scenario, string>();

/**
 * A stable hash of what a scenario says and does: the same for the same
 * content, different after any edit to lines, replies, acts, moods or targets.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  let print = fingerprints.get(scenario);
  if (print === undefined) {
    print = `fnv1a32:${fnv1a(canonicalJson(withoutPlaces(scenarioToData(scenario))))}`;
    fingerprints.set(scenario, print);
  }
  return print;
}
