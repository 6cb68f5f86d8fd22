import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { entryTexts } from './fields.js';
import { AnalyzeCache, contentWords, type Word } from './normalize.js';
import type { Entry } from './schema.js';

/**
 * One normalized string of an entry under the key it belongs to; the other keys are absent. Each
 * string is its own fuse.js record so an entry is scored by its best string: fuse.js multiplies the
 * scores of all matches in a record, which would favour entries that merely repeat a word.
 */
interface FuzzyRecord {
  doc: number;
  name?: string;
  keyword?: string;
  option?: string;
}

/**
 * fuse.js settings. Extended search stays off because shell text is full of `| ! ^ $ =`, which
 * extended search would read as operators. Names weigh most, keywords and option names next;
 * summaries and details are left to the term index, whose cost does not grow with text length.
 */
const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'keyword', weight: 2 },
    { name: 'option', weight: 1.5 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  useExtendedSearch: false,
};

/**
 * Longest normalized query given to fuse.js. Bitap matching costs time in proportion to the pattern
 * length times the errors the threshold allows, and fuse.js splits patterns over 32 characters into
 * chunks that each cost as much again. Long queries are sentences, pasted errors or command lines,
 * which the term and command indexes match better. A limit of 24 kept the eval results unchanged
 * while halving the slowest searches.
 */
export const FUZZY_MAX_PATTERN = 24;

/** Joins the content words of a text, the form both fuse.js keys and patterns take. */
export function fuzzyText(words: readonly Word[]): string {
  return contentWords(words)
    .map((word) => word.text)
    .join(' ');
}

function fuzzyRecords(entry: Entry, doc: number, cache: AnalyzeCache): FuzzyRecord[] {
  const texts = entryTexts(entry);
  const records: FuzzyRecord[] = [];
  const add = (key: 'name' | 'keyword' | 'option', values: readonly string[]): void => {
    const normalized = new Set(values.map((value) => fuzzyText(cache.analyze(value))));
    for (const value of normalized) if (value !== '') records.push({ doc, [key]: value });
  };
  add('name', texts.name);
  add('keyword', texts.keyword);
  add('option', texts.option);
  return records;
}

type IndexRecord = FuseIndex<FuzzyRecord>['records'][number];

/**
 * Approximate matching with fuse.js over a few candidate entries. Bitap matching costs time in
 * proportion to all indexed text, so fuse.js scores only the candidates the other indexes found.
 * Its index is built once and sliced per query, so the cost per query stays flat as entries grow.
 */
export class FuzzyRanker {
  private readonly records: FuzzyRecord[];
  private readonly indexRecords: IndexRecord[];
  private readonly keys: ReturnType<FuseIndex<FuzzyRecord>['toJSON']>['keys'];
  /** Range of each entry's records: entries' records are stored in entry order. */
  private readonly firstRecord: number[] = [];

  constructor(entries: readonly Entry[], cache = new AnalyzeCache()) {
    this.records = [];
    entries.forEach((entry, doc) => {
      this.firstRecord.push(this.records.length);
      this.records.push(...fuzzyRecords(entry, doc, cache));
    });
    this.firstRecord.push(this.records.length);

    const index = Fuse.createIndex(FUSE_OPTIONS.keys!, this.records).toJSON();
    this.keys = index.keys;
    this.indexRecords = index.records;
  }

  /** Returns, for each candidate that matches `pattern`, 1 minus the fuse.js score of its best string. */
  score(pattern: string, candidates: readonly number[]): Map<number, number> {
    const scores = new Map<number, number>();
    if (pattern.length < 2 || pattern.length > FUZZY_MAX_PATTERN || candidates.length === 0) return scores;

    const positions = candidates.flatMap((doc) => range(this.firstRecord[doc]!, this.firstRecord[doc + 1]!));
    const records = positions.map((position, i) => ({ ...this.indexRecords[position]!, i }));
    const index = Fuse.parseIndex<FuzzyRecord>({ keys: this.keys, records });
    const fuse = new Fuse(positions.map((position) => this.records[position]!), FUSE_OPTIONS, index);
    for (const result of fuse.search(pattern)) {
      const similarity = 1 - (result.score ?? 1);
      if (similarity > (scores.get(result.item.doc) ?? 0)) scores.set(result.item.doc, similarity);
    }
    return scores;
  }
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
