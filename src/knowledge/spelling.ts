import { allowedEdits, editDistance } from './distance.js';
import type { TermUnit } from './units.js';

/** Spellings that typo correction considers: ASCII words that start with a letter. */
const CORRECTABLE = /^[a-z][a-z0-9]*$/;

/** An indexed unit close to a misspelled word, with the number of edits between their spellings. */
export interface Correction {
  unit: string;
  distance: number;
}

/**
 * The indexed ASCII spellings, by length, for typo correction. A query word is compared with the
 * spellings before stemming (`stauts` with `status`), because stems distort typos: `stauts` stems to
 * `staut`, one edit from `start`.
 */
export class SpellingIndex {
  private readonly byLength = new Map<number, Map<string, string>>();

  add({ unit, raw }: TermUnit): void {
    if (!CORRECTABLE.test(raw)) return;

    let bucket = this.byLength.get(raw.length);
    if (!bucket) {
      bucket = new Map<string, string>();
      this.byLength.set(raw.length, bucket);
    }
    if (!bucket.has(raw)) bucket.set(raw, unit);
  }

  /** Returns the units whose spelling is within the edits a word of this length allows, each once. */
  corrections(raw: string): Correction[] {
    if (!CORRECTABLE.test(raw)) return [];

    const max = allowedEdits(raw.length);
    const best = new Map<string, number>();
    for (let length = raw.length - max; length <= raw.length + max; length++) {
      for (const [spelling, unit] of this.byLength.get(length) ?? []) {
        const distance = editDistance(raw, spelling, max);
        if (distance <= max && distance < (best.get(unit) ?? Infinity)) best.set(unit, distance);
      }
    }
    return [...best].map(([unit, distance]) => ({ unit, distance }));
  }
}
