/** A run of the text: unchanged, only in the newer text, or only in the older one. */
export interface WordDiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface WordDiff {
  /** In reading order; within a change, the removed text comes before the added text. */
  parts: WordDiffPart[];
  /** Words only in the newer text. */
  added: number;
  /** Words only in the older text. */
  removed: number;
}

// Words (with inner apostrophes, hyphens and dots), runs of white space, and single other characters.
const TOKEN = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;
const IS_WORD = /[\p{L}\p{N}]/u;
const BLANK = /^\s+$/;

/** Beyond this many token edits the changed middle is shown as removed whole and added whole (keeps the diff fast). */
const MAX_EDITS = 4000;

type Op = 0 | 1 | 2; // same, added, removed

/** Myers' O(ND) shortest edit script between two token arrays, as one op per token, in order. */
function editScript(a: readonly string[], b: readonly string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return null;
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const snapshot = trace[d]!;
    const at = (k: number) => snapshot[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(0);
      x -= 1;
      y -= 1;
    }
    if (d > 0) ops.push(x === prevX ? 1 : 2);
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/**
 * The words added and removed between two texts (a story body's plain text, a headline). Joining the `same` and
 * `removed` parts gives the older text; joining `same` and `added` gives the newer one.
 */
export function diffWords(before: string, after: string): WordDiff {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops = editScript(midA, midB) ?? [...midA.map((): Op => 2), ...midB.map((): Op => 1)];

  const tokens: { kind: Op; text: string }[] = a.slice(0, start).map((text) => ({ kind: 0 as Op, text }));
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === 0) {
      tokens.push({ kind: 0, text: midB[j++]! });
      i += 1;
    } else if (op === 1) tokens.push({ kind: 1, text: midB[j++]! });
    else tokens.push({ kind: 2, text: midA[i++]! });
  }
  for (const text of a.slice(endA)) tokens.push({ kind: 0, text });

  let added = 0;
  let removed = 0;
  for (const token of tokens) {
    if (token.kind === 0 || !IS_WORD.test(token.text)) continue;
    if (token.kind === 1) added += 1;
    else removed += 1;
  }
  return { parts: groupParts(tokens), added, removed };
}

/** Joins tokens into parts; white space between two changes joins the change, so "a b" → "c d" reads as one change. */
function groupParts(tokens: { kind: Op; text: string }[]): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  let same = '';
  let removed = '';
  let added = '';
  const closeChange = () => {
    if (removed) parts.push({ kind: 'removed', text: removed });
    if (added) parts.push({ kind: 'added', text: added });
    removed = added = '';
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const inChange = removed !== '' || added !== '';
    if (token.kind === 0) {
      const next = tokens[index + 1];
      if (inChange && BLANK.test(token.text) && next !== undefined && next.kind !== 0) {
        removed += token.text;
        added += token.text;
        continue;
      }
      closeChange();
      same += token.text;
      continue;
    }
    if (same) parts.push({ kind: 'same', text: same });
    same = '';
    if (token.kind === 1) added += token.text;
    else removed += token.text;
  }
  closeChange();
  if (same) parts.push({ kind: 'same', text: same });
  return parts;
}
