/**
 * Tutor-written ids (scenario, node, choice, act) can hold any character.
 * SCORM's identifier types cannot, so each version gets a safe spelling.
 */

/** SCORM 1.2 CMIIdentifier: printable ASCII without spaces, at most 255 characters. */
export const CMI_IDENTIFIER_12 = /^[\u0021-\u007e]{1,255}$/;

/** A SCORM 1.2 identifier for any text: characters outside `[A-Za-z0-9_.-]` become `_`, cut to `max`. */
export function identifier12(text: string, max = 255): string {
  const safe = text.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, max);
  return safe === '' ? '_' : safe;
}

/**
 * A URI-safe spelling (RFC 3986 unreserved characters, the rest percent-encoded
 * as UTF-8), as SCORM 2004's short and long identifier types expect.
 */
export function uriSegment(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const CHOICE_LETTERS_12 = '123456789abcdefghijklmnopqrstuvwxyz';

/**
 * SCORM 1.2 records a `choice` response as single characters `0-9a-z`: the
 * reply's position among all its node's replies, 1–9 then a–z (10–35).
 * A node with more than 35 replies has no 1.2 spelling for the rest (null).
 */
export function choiceLetter12(index: number): string | null {
  return CHOICE_LETTERS_12[index - 1] ?? null;
}
