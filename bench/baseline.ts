// Plain fuse.js with its default options, the baseline that the tuned search is compared against.

import Fuse from 'fuse.js';
import type { EvalCase } from '../eval/run.js';
import type { Entry } from '../src/knowledge/schema.js';

/** Hit rates of a ranking on the evaluation cases, with the same rules as `npm run eval:search`. */
export interface HitRates {
  top1: number;
  top3: number;
  mrr: number;
}

/** Keys that a first attempt would use: title, aliases and summary, without weights or normalization. */
const BASELINE_KEYS = ['title', 'aliases', 'summary.ja', 'summary.en'];

/** Builds plain fuse.js over the entries: default threshold, location and distance. */
export function createBaseline(entries: readonly Entry[]): Fuse<Entry> {
  return new Fuse([...entries], { keys: BASELINE_KEYS, includeScore: true });
}

/** Returns the ids the baseline ranks for a query, best first. */
export function baselineIds(fuse: Fuse<Entry>, query: string, limit = 10): string[] {
  return fuse.search(query, { limit }).map((result) => result.item.id);
}

/** Returns the 1-based rank of the first accepted id (0 when absent); for junk, 1 when the ranking is empty. */
function positionOf(testCase: EvalCase, ids: readonly string[]): number {
  if (testCase.expected.length === 0) return ids.length === 0 ? 1 : 0;
  return ids.findIndex((id) => testCase.expected.includes(id)) + 1;
}

/**
 * Scores a ranking function on the cases. A junk case (no accepted ids) counts as a hit when the
 * ranking is empty, because plain fuse.js has no notion of confidence.
 */
export function hitRates(cases: readonly EvalCase[], rank: (query: string) => string[]): HitRates {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  for (const testCase of cases) {
    const ids = rank(testCase.query);
    const position = positionOf(testCase, ids);
    if (position === 1) top1++;
    if (position >= 1 && position <= 3) top3++;
    if (position >= 1) reciprocal += 1 / position;
  }
  const count = cases.length || 1;
  return { top1: top1 / count, top3: top3 / count, mrr: reciprocal / count };
}
