/** A file's name (for messages) and its text. The core never reads files itself. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** Files larger than this are refused before parsing: real scenarios are 10–50 KB. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** UTF-8 size of a string, without TextEncoder (the core has no DOM or Node globals). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++; // the low surrogate belongs to this character
    } else bytes += 3;
  }
  return bytes;
}
