/** Maximum word length compared; longer words are not corrected. */
const MAX_WORD_LENGTH = 64;

// Three reused rows keep the hot loop free of allocation: vocabulary scans call this thousands of times.
const rows = [new Int32Array(MAX_WORD_LENGTH + 1), new Int32Array(MAX_WORD_LENGTH + 1), new Int32Array(MAX_WORD_LENGTH + 1)];

/**
 * Returns the optimal string alignment distance (Levenshtein plus adjacent transposition, so
 * `dcoker` is one edit from `docker`), or `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length > MAX_WORD_LENGTH || b.length > MAX_WORD_LENGTH) return max + 1;
  if (a === b) return 0;

  let beforePrevious = rows[0]!;
  let previous = rows[1]!;
  let current = rows[2]!;
  for (let j = 0; j <= b.length; j++) previous[j] = j;

  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Maximum edits tolerated in a word of this length: none up to 3 characters, where typos are guesses. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  return length <= 6 ? 1 : 2;
}
