import { entryNames } from './fields.js';
import { ENGLISH_STOP_WORDS } from './lexicon.js';
import { MAX_QUERY_LENGTH, normalizeText } from './normalize.js';
import type { Entry, Kind } from './schema.js';
import { TopList } from './top.js';

/** Discord allows 25 autocomplete choices, each name and value 1 to 100 characters. */
export const MAX_SUGGESTIONS = 25;
export const MAX_SUGGESTION_LENGTH = 100;

/** An autocomplete choice: `label` is shown, `value` (the entry id) is sent back. */
export interface Suggestion {
  label: string;
  value: string;
}

/** A name or a word of a name, normalized for prefix comparison. */
interface Key {
  key: string;
  doc: number;
  /** The name to show after the title when it explains the match (an English title or a command form). */
  shownName?: string;
}

/**
 * Ordered ways a prefix can match, best first: the start of a title, of another name (command form,
 * alias, id), of a name with separators removed (`setdef`), of a later word in a name, of a keyword.
 */
type Tier = 'title' | 'name' | 'compact' | 'word' | 'keyword';
const TIERS: readonly Tier[] = ['title', 'name', 'compact', 'word', 'keyword'];
/** Orders titles as Japanese readers expect; one collator is much faster than `localeCompare` with a locale per call. */
const TITLE_COLLATOR = new Intl.Collator('ja');
/** A prefix matching fewer entries than this also gets command completion and fuzzy search results. */
const FALLBACK_BELOW = 5;

/** Other indexes that suggest falls back on when names do not start with the prefix. */
export interface SuggestFallbacks {
  /** Entries whose command form continues a typed command line, such as `dcoker p`. */
  complete(text: string): number[];
  /** Entries that search finds for the text, best first. */
  search(text: string): number[];
}

function compactKey(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Sorts keys so every key with a given prefix forms one contiguous range. */
function sortKeys(keys: Key[]): Key[] {
  return keys.sort((a, b) => {
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    return a.doc - b.doc;
  });
}

/** Returns the keys that start with `prefix`, found by binary search. */
function withPrefix(keys: readonly Key[], prefix: string): Key[] {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]!.key < prefix) low = middle + 1;
    else high = middle;
  }

  const found: Key[] = [];
  for (let i = low; i < keys.length && keys[i]!.key.startsWith(prefix); i++) found.push(keys[i]!);
  return found;
}

/** Cuts text to `max` characters with a visible ellipsis. */
export function truncate(text: string, max = MAX_SUGGESTION_LENGTH): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

/** Prefix lookup over entry names for autocomplete (Discord) and tab completion (the shell). */
export class SuggestIndex {
  private readonly keys: Record<Tier, Key[]> = { title: [], name: [], compact: [], word: [], keyword: [] };
  /** Entry positions by popularity, then title. */
  private readonly popular: number[];
  /** Place of each entry in `popular`, so ranking compares two numbers. */
  private readonly rank: Int32Array;

  constructor(private readonly entries: readonly Entry[]) {
    entries.forEach((entry, doc) => this.addEntry(entry, doc));
    for (const tier of TIERS) sortKeys(this.keys[tier]);
    this.popular = entries.map((_, doc) => doc).sort((a, b) => this.compareDocs(a, b));
    this.rank = new Int32Array(entries.length);
    this.popular.forEach((doc, place) => (this.rank[doc] = place));
  }

  private addEntry(entry: Entry, doc: number): void {
    const titles = new Set([entry.title, ...(entry.title_en ? [entry.title_en] : [])]);
    for (const name of entryNames(entry)) {
      const key = normalizeText(name);
      // Aliases may be misspellings kept for search, so only titles and command forms are shown.
      const shownName = name === entry.title_en || entry.forms.includes(name) ? name : undefined;
      this.keys[titles.has(name) ? 'title' : 'name'].push({ key, doc, shownName });
      this.keys.compact.push({ key: compactKey(key), doc, shownName });
      // Later words of a name, so `ps` finds `docker ps`; English stop words (`with`, `a`) name nothing.
      for (const word of key.split(/[\s（）()/・、,]+/).slice(1)) {
        if (word !== '' && !ENGLISH_STOP_WORDS.has(word)) this.keys.word.push({ key: word, doc, shownName });
      }
    }
    for (const keyword of entry.keywords) this.keys.keyword.push({ key: normalizeText(keyword), doc });
  }

  /** Orders entries by popularity, then title (compared once, when the index is built). */
  private compareDocs(a: number, b: number): number {
    const left = this.entries[a]!;
    const right = this.entries[b]!;
    return right.popularity - left.popularity || TITLE_COLLATOR.compare(left.title, right.title) || left.id.localeCompare(right.id);
  }

  /**
   * Returns up to `limit` choices for a prefix, best first. Entries whose title starts with it come
   * first, then those whose other names do, whose name has a word starting with it, and whose keyword
   * does. When few match, command completion and search results follow.
   */
  suggest(prefix: string, limit: number, kinds: readonly Kind[] | undefined, fallbacks: SuggestFallbacks): Suggestion[] {
    const max = Math.max(0, Math.min(Math.floor(limit), MAX_SUGGESTIONS));
    // An id longer than a choice value allows cannot be sent back, so such an entry is never offered.
    const allowed = (doc: number): boolean => {
      const entry = this.entries[doc]!;
      return entry.id.length <= MAX_SUGGESTION_LENGTH && (!kinds || kinds.includes(entry.kind));
    };
    const normalized = normalizeText(prefix.slice(0, MAX_QUERY_LENGTH));
    if (max === 0) return [];
    if (normalized === '') return this.mostPopular(max, allowed).map((doc) => this.toSuggestion(doc));

    const chosen = new Map<number, string | undefined>();
    for (const tier of TIERS) {
      if (chosen.size >= max) break;
      const key = tier === 'compact' ? compactKey(normalized) : normalized;
      if (key === '') continue;
      this.addBest(withPrefix(this.keys[tier], key).filter((found) => allowed(found.doc)), chosen, max);
    }
    if (chosen.size < Math.min(max, FALLBACK_BELOW)) {
      const completed = fallbacks.complete(normalized).filter(allowed);
      this.addBest(completed.map((doc) => ({ key: normalized, doc })), chosen, max);
    }
    if (chosen.size < Math.min(max, FALLBACK_BELOW)) {
      for (const doc of fallbacks.search(normalized)) {
        if (chosen.size >= max) break;
        if (allowed(doc) && !chosen.has(doc)) chosen.set(doc, undefined);
      }
    }
    return [...chosen].map(([doc, name]) => this.toSuggestion(doc, name));
  }

  /** Returns the `max` most popular allowed entries, stopping as soon as it has them. */
  private mostPopular(max: number, allowed: (doc: number) => boolean): number[] {
    const docs: number[] = [];
    for (const doc of this.popular) {
      if (docs.length >= max) break;
      if (allowed(doc)) docs.push(doc);
    }
    return docs;
  }

  /** Adds the best-ranked new entries among `found` until `chosen` contains `max`. */
  private addBest(found: readonly Key[], chosen: Map<number, string | undefined>, max: number): void {
    const byDoc = new Map<number, string | undefined>();
    for (const { doc, shownName } of found) {
      // A match on the title itself needs no explanation, so it wins over a match on another name.
      if (!chosen.has(doc) && (!byDoc.has(doc) || shownName === undefined)) byDoc.set(doc, shownName);
    }

    const best = new TopList<number>(max - chosen.size, (a, b) => this.rank[a]! - this.rank[b]!);
    for (const doc of byDoc.keys()) best.add(doc);
    for (const doc of best.items()) chosen.set(doc, byDoc.get(doc));
  }

  /** Builds a choice; a matched English title or command form that differs from the title is shown after it. */
  private toSuggestion(doc: number, shownName?: string): Suggestion {
    const entry = this.entries[doc]!;
    const title = entry.title.trim() || entry.id;
    const showMatched = shownName !== undefined && !normalizeText(title).includes(normalizeText(shownName));
    return { label: truncate(showMatched ? `${title} (${shownName})` : title), value: entry.id };
  }
}
