/** What `salvageJson` could read, and whether it had to cut the text short. */
export type Salvaged =
  | { readonly ok: true; readonly value: unknown; readonly cut: boolean }
  | { readonly ok: false };

/**
 * Parses JSON text; if it is cut off or damaged part-way, keeps the longest
 * prefix that ends just after a complete object or array, closes the open
 * brackets, and parses that. Records after the damage are lost; records
 * before it are kept (and checked one by one later).
 */
export function salvageJson(text: string): Salvaged {
  try {
    return { ok: true, value: JSON.parse(text), cut: false };
  } catch {
    // fall through to the salvage below
  }
  const cuts = cutPoints(text);
  // Parse success is (nearly always) true up to the damage and false after it: search for the last good cut.
  let lo = 0;
  let hi = cuts.length - 1;
  let best: unknown;
  let found = false;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cut = cuts[mid];
    const parsed = cut === undefined ? undefined : tryParse(text.slice(0, cut.at) + cut.closers);
    if (parsed !== undefined) {
      best = parsed.value;
      found = true;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found ? { ok: true, value: best, cut: true } : { ok: false };
}

function tryParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

interface Cut {
  readonly at: number;
  readonly closers: string;
}

/** Positions just after a complete `{…}` or `[…]` that is not the whole document, with the brackets to close. */
function cutPoints(text: string): Cut[] {
  const stack: string[] = [];
  const cuts: Cut[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') stack.push('}');
    else if (ch === '[') stack.push(']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return cuts;
      if (stack.length > 0) cuts.push({ at: i + 1, closers: [...stack].reverse().join('') });
    }
  }
  return cuts;
}
