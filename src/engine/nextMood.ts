/** The customer's mood after a reply: clamp(mood + delta, 0, 100). */
export function nextMood(mood: number, delta: number): number {
  return Math.min(100, Math.max(0, mood + delta));
}
