/**
 * Tutor text can hold anything, including terminal control sequences
 * (ESC ]0; retitles the terminal, ESC ]52; writes the clipboard) and bidi
 * overrides that reorder what is shown. Everything the CLI prints passes
 * through here: such characters are shown as visible escapes instead.
 */
// C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with each unsafe character as `\uXXXX`: visible in a terminal, and still valid inside JSON strings. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
