import { loadEntries } from './load.js';
import type { Entry, Kind } from './schema.js';
import { SearchEngine } from './search.js';
import { MAX_SUGGESTIONS, SuggestIndex, type Suggestion } from './suggest.js';

export type { Entry, Kind } from './schema.js';
export type { Suggestion } from './suggest.js';
export { MAX_QUERY_LENGTH } from './normalize.js';
export { MAX_SUGGESTIONS, MAX_SUGGESTION_LENGTH } from './suggest.js';

/** One match of a search, best first; `score` runs from 0 (no match) to 1 (exact). */
export interface SearchResult {
  entry: Entry;
  score: number;
}

export interface SearchOutcome {
  query: string;
  results: SearchResult[];
  /** True when the best result is strong enough to show as a card; otherwise show "did you mean". */
  confident: boolean;
}

export interface SearchOptions {
  limit?: number;
  kinds?: readonly Kind[];
}

/**
 * Minimum score of the best result for a confident result (shown as a card). Exact names and command lines score
 * about 0.9 to 1, a task phrase that covers an entry's keyword about 0.7; a query that only fuse.js
 * matches approximately cannot pass it alone (its share of the score is 0.35).
 */
export const CONFIDENCE_THRESHOLD = 0.6;

/** Minimum search score for a suggestion when a prefix matches no name; half the confidence threshold. */
const SUGGESTION_MIN_SCORE = CONFIDENCE_THRESHOLD / 2;
/** Results returned when the caller does not set a limit. */
const DEFAULT_LIMIT = 10;
/** Minimum score for a result to be listed at all; weaker ones are noise. */
const MIN_RESULT_SCORE = 0.15;

/** Returns a whole limit between 0 and `max`; a missing or non-numeric one becomes `fallback`. */
function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  const value = limit === undefined || Number.isNaN(limit) ? fallback : Math.floor(limit);
  return Math.max(0, Math.min(value, max));
}

/** Reads a query defensively: callers in plain JavaScript may pass `undefined` or a number. */
function textOf(query: unknown): string {
  return typeof query === 'string' ? query : '';
}

/** The search and autocomplete indexes, built together. */
interface Indexes {
  engine: SearchEngine;
  suggestions: SuggestIndex;
}

/**
 * The loaded knowledge: entries by id, search and autocomplete. Knows nothing of chat platforms.
 * The search indexes are built on the first search or suggest, so start-up does not wait for them.
 * Building takes about half a second for the shipped entries, most of it word segmentation of the
 * details; call `prepare` to build them at a time of your choosing.
 */
export class KnowledgeBase {
  private readonly byId: Map<string, Entry>;
  private built: Indexes | undefined;

  constructor(readonly entries: readonly Entry[]) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
  }

  /** Builds the search and autocomplete indexes now if they are not built yet. */
  prepare(): void {
    this.indexes();
  }

  private indexes(): Indexes {
    this.built ??= { engine: new SearchEngine(this.entries), suggestions: new SuggestIndex(this.entries) };
    return this.built;
  }

  /** Loads and validates every entry under `root`; a broken file raises a KnowledgeError. */
  static load(root: string): KnowledgeBase {
    return new KnowledgeBase(loadEntries(root));
  }

  lookup(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /**
   * Searches names, command forms, keywords and text. Any string is accepted, and only its first
   * MAX_QUERY_LENGTH characters are read. `confident` is false when there are no results or the best is weak.
   */
  search(query: string, options: SearchOptions = {}): SearchOutcome {
    const limit = clampLimit(options.limit, DEFAULT_LIMIT, this.entries.length);
    const kinds = options.kinds;
    const results = this.indexes()
      .engine.search(textOf(query), { limit, minScore: MIN_RESULT_SCORE, accept: kinds ? (doc) => kinds.includes(this.entries[doc]!.kind) : undefined })
      .map(({ doc, score }) => ({ entry: this.entries[doc]!, score: Math.round(score * 1000) / 1000 }));
    return { query, results, confident: (results[0]?.score ?? 0) >= CONFIDENCE_THRESHOLD };
  }

  /**
   * Returns at most 25 autocomplete choices for a prefix (popular entries for an empty one). Each label
   * and value has 1 to 100 characters; the value is the entry id.
   */
  suggest(prefix: string, options: SearchOptions = {}): Suggestion[] {
    const limit = clampLimit(options.limit, MAX_SUGGESTIONS, MAX_SUGGESTIONS);
    const { engine, suggestions } = this.indexes();
    return suggestions.suggest(textOf(prefix), limit, options.kinds, {
      complete: (text) => engine.complete(text, MAX_SUGGESTIONS),
      search: (text) =>
        text.length < 2 ? [] : engine.search(text, { limit: MAX_SUGGESTIONS, minScore: SUGGESTION_MIN_SCORE, namesOnly: true }).map(({ doc }) => doc),
    });
  }
}
