/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition),
 * abandoned as soon as it must exceed `budget`: the scorer only needs to know
 * whether two tokens are within a few edits, and most pairs are not.
 * Returns budget + 1 when the distance is larger than the budget.
 */
export function boundedEditDistance(a: string, b: string, budget: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > budget) return budget + 1;
  const width = lb + 1;
  // Tokens this long are not names (wallet addresses, glued junk): no fuzzy match.
  if (width > ROW_CAPACITY) return budget + 1;
  let prevPrev = ROWS[0]!;
  let prev = ROWS[1]!;
  let curr = ROWS[2]!;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prevPrev[j - 2]! + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > budget) return budget + 1;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = curr;
    curr = recycled;
  }
  return Math.min(prev[lb]!, budget + 1);
}

// Three reusable rows (module scope, never observable): this runs for every candidate token pair, and allocating
// per call dominated search time. Safe because the function is synchronous.
const ROW_CAPACITY = 64;
const ROWS = [new Int32Array(ROW_CAPACITY), new Int32Array(ROW_CAPACITY), new Int32Array(ROW_CAPACITY)];

/** Edits a token may absorb and still match: none for short tokens, more for long ones. */
export function editBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}
