/** Attributes a type computed (so the same keys) holding the same values: a link repeated in a story, say. */
export function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let keys = 0;
  for (const key in b) {
    if (a[key] !== b[key]) return false;
    keys += 1;
  }
  for (const _ in a) keys -= 1;
  return keys === 0;
}
