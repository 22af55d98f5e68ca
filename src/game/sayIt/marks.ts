import type { FoundAct } from '../../reading/index.ts';

/** A piece of the learner's text: plain, or marked as the evidence of one or more acts. */
export interface MarkedPiece {
  readonly text: string;
  /** The acts these words perform, in the order found; empty for plain text. */
  readonly acts: readonly FoundAct[];
}

/**
 * The learner's text cut into plain and marked pieces, one `<mark>` per
 * evidence span. Spans that overlap (one phrase can both apologise and
 * empathise) become one mark carrying every act, so no word is marked twice.
 */
export function markedPieces(text: string, found: readonly FoundAct[]): MarkedPiece[] {
  const spans = [...found].filter((a) => a.end > a.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; acts: FoundAct[] }[] = [];
  for (const act of spans) {
    const last = merged.at(-1);
    if (last !== undefined && act.start < last.end) {
      last.end = Math.max(last.end, act.end);
      last.acts.push(act);
    } else merged.push({ start: act.start, end: act.end, acts: [act] });
  }
  const pieces: MarkedPiece[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), acts: [] });
    pieces.push({ text: text.slice(span.start, span.end), acts: span.acts });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), acts: [] });
  return pieces;
}
