import Fuse from 'fuse.js';
import { loadEntries } from './load.js';
import type { Entry, Kind } from './schema.js';

export type { Entry, Kind } from './schema.js';

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

/** An autocomplete choice: `label` is shown, `value` is sent back as the query. Both are 1 to 100 characters. */
export interface Suggestion {
  label: string;
  value: string;
}

/** The loaded knowledge: entries by id, search and autocomplete. Knows nothing of chat platforms. */
export class KnowledgeBase {
  private readonly byId: Map<string, Entry>;
  private readonly fuse: Fuse<Entry>;

  constructor(readonly entries: readonly Entry[]) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    // NOTE: a placeholder index until the tuned search lands.
    this.fuse = new Fuse([...entries], {
      keys: ['id', 'title', 'aliases', 'keywords'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
    });
  }

  /** Loads and validates every entry under `root`; a broken file raises a KnowledgeError. */
  static load(root: string): KnowledgeBase {
    return new KnowledgeBase(loadEntries(root));
  }

  lookup(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  search(query: string, options: SearchOptions = {}): SearchOutcome {
    const limit = options.limit ?? 10;
    const trimmed = query.trim();
    if (trimmed === '') return { query, results: [], confident: false };

    const results = this.fuse
      .search(trimmed)
      .filter((match) => !options.kinds || options.kinds.includes(match.item.kind))
      .slice(0, limit)
      .map((match) => ({ entry: match.item, score: 1 - (match.score ?? 1) }));
    return { query, results, confident: (results[0]?.score ?? 0) > 0.6 };
  }

  suggest(prefix: string, options: SearchOptions = {}): Suggestion[] {
    const limit = Math.min(options.limit ?? 25, 25);
    const outcome = prefix.trim() === '' ? this.entries.slice(0, limit).map((entry) => ({ entry, score: 0 })) : this.search(prefix, { ...options, limit }).results;
    return outcome.map(({ entry }) => ({ label: entry.title.slice(0, 100), value: entry.id }));
  }
}
