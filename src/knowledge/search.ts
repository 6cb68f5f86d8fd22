import { CommandIndex, type CommandMatch } from './commands.js';
import { entryNames, entryTexts, entryTitlePieces, FIELD_WEIGHTS } from './fields.js';
import { FuzzyRanker, fuzzyText } from './fuzzy.js';
import { AnalyzeCache, analyze, compact, contentWords, MAX_QUERY_LENGTH, type Word } from './normalize.js';
import type { Entry, Kind } from './schema.js';
import { TermIndex } from './terms.js';
import { TopList } from './top.js';

/** An entry position with its relevance from 0 to 1. */
export interface ScoredDocument {
  doc: number;
  score: number;
}

export interface EngineSearchOptions {
  /** Maximum results. */
  limit: number;
  /** Results scoring below this are left out. */
  minScore: number;
  /** Entries that may be returned; all when absent. */
  accept?: (doc: number) => boolean;
  /** Match names and keywords only, not summaries and details; cheaper, for autocomplete. */
  namesOnly?: boolean;
}

/** Relevance of a query equal to a name, by the kind of name. */
const EXACT_SCORES = { name: 1, alias: 0.98, titlePiece: 0.93 } as const;
/** Factor for a name matched only after dropping the query's stop words. */
const QUESTION_FACTOR = 0.97;
/** Command-form scores: a form with its arguments, and a bare tool name followed by an unknown word. */
const COMMAND_SCORE = 0.97;
const BARE_TOOL_SCORE = 0.45;
/**
 * Score lost per typo corrected in a command form. The trie corrects a word only among the
 * subcommands that can follow, which is more reliable than correction against every indexed word,
 * so a corrected command line still ranks above text matches (at most 0.95).
 */
const COMMAND_TYPO_PENALTY = 0.04;
/** Factor for a Dockerfile instruction typed in lower case, which may be an English verb (`run`). */
const LOWER_CASE_INSTRUCTION_FACTOR = 0.65;
/**
 * Share of the gap between term coverage and fuzzy similarity that fuse.js may close. Term coverage
 * decides. fuse.js lifts an entry only where it finds more similarity (a typo or a partial word),
 * and alone it cannot reach the confidence threshold.
 */
const FUZZY_SHARE = 0.35;
/**
 * Factor on text scores by kind. Recipes and concepts repeat the task phrases of the commands they
 * explain, so on equal text evidence the command ranks first. Exact names are not affected.
 */
const KIND_PRIOR: Record<Kind, number> = { command: 1, instruction: 1, error: 1, concept: 0.99, recipe: 0.98 };
/** Factor on text scores for a query made of stop words only. */
const STOP_WORDS_ONLY_FACTOR = 0.5;
/** Ceiling of a text match, so that an entry whose name equals the query ranks above it. */
const TEXT_CEILING = 0.95;
/** Share of the text score added to a strong (exact or command) match, to order ties among them. */
const TIE_BREAK_SHARE = 0.03;
/** Candidates that fuse.js re-scores: the top of the term ranking, where a better fuzzy match changes what users see first. */
const FUZZY_CANDIDATES = 8;
/** A strong match at or above this score settles the query; fuse.js is then skipped. */
const SETTLED_SCORE = 0.9;
/**
 * A term score at or above this settles a query whose every word is indexed: fuse.js finds typos and
 * partial words, and such a query has neither, so it is skipped to save its cost.
 */
const SETTLED_TERM_SCORE = 0.75;

/** True when a word is a word of a sentence rather than an option, number, file name or path of a command line. */
function isPlainWord(word: string | undefined): boolean {
  return word !== undefined && /^\p{L}{2,}(?:-\p{L}+)*$/u.test(word);
}

/** Ranks entries for a query by combining exact names, command forms, term coverage and fuse.js. */
export class SearchEngine {
  private readonly exact = new Map<string, ScoredDocument[]>();
  private readonly commands: CommandIndex;
  private readonly terms: TermIndex;
  private readonly fuzzy: FuzzyRanker;

  constructor(private readonly entries: readonly Entry[]) {
    const cache = new AnalyzeCache();
    entries.forEach((entry, doc) => this.addExactNames(entry, doc, cache));
    this.commands = new CommandIndex(entries, cache);
    this.terms = new TermIndex(entries.map(entryTexts), cache);
    this.fuzzy = new FuzzyRanker(entries, cache);
  }

  /** Registers an entry's names; a piece of a bracketed title such as `仮想化の3種類（ホスト型・…）` often names a subtopic, so it scores lower. */
  private addExactNames(entry: Entry, doc: number, cache: AnalyzeCache): void {
    const aliases = new Set(entry.aliases);
    for (const name of entryNames(entry)) {
      const score = aliases.has(name) && !entry.forms.includes(name) ? EXACT_SCORES.alias : EXACT_SCORES.name;
      this.addExact(compact(cache.analyze(name)), doc, score);
    }
    for (const piece of entryTitlePieces(entry)) this.addExact(compact(cache.analyze(piece)), doc, EXACT_SCORES.titlePiece);
  }

  private addExact(key: string, doc: number, score: number): void {
    if (key === '') return;

    const list = this.exact.get(key) ?? [];
    const existing = list.find((scored) => scored.doc === doc);
    if (existing) existing.score = Math.max(existing.score, score);
    else list.push({ doc, score });
    this.exact.set(key, list);
  }

  /** Returns the best matching entry positions, best first. Only the first MAX_QUERY_LENGTH characters are read. */
  search(query: string, options: EngineSearchOptions): ScoredDocument[] {
    const text = query.slice(0, MAX_QUERY_LENGTH);
    const words = analyze(text);
    if (words.length === 0 || options.limit <= 0) return [];

    const strong = this.strongScores(words, text);
    const minFieldWeight = options.namesOnly ? FIELD_WEIGHTS.keyword : 0;
    const termScores = this.terms.score(words, options.minScore / TEXT_CEILING / (1 + FUZZY_SHARE), minFieldWeight);
    const fuzzyScores = this.fuzzyScores(words, strong, termScores);

    // A query of stop words alone (`what is`, `no`) names nothing, so only an exact name may be confident.
    const textFactor = words.every((word) => word.stop) ? STOP_WORDS_ONLY_FACTOR : 1;
    const top = new TopList<ScoredDocument>(options.limit, (a, b) => b.score - a.score || this.compareTies(a.doc, b.doc));
    for (const doc of new Set([...strong.keys(), ...termScores.keys(), ...fuzzyScores.keys()])) {
      if (options.accept && !options.accept(doc)) continue;

      const term = termScores.get(doc) ?? 0;
      const prior = KIND_PRIOR[this.entries[doc]!.kind];
      const textScore = textFactor * prior * TEXT_CEILING * (term + FUZZY_SHARE * Math.max(0, (fuzzyScores.get(doc) ?? 0) - term));
      const best = Math.max(strong.get(doc) ?? 0, textScore);
      const score = Math.min(1, (1 - TIE_BREAK_SHARE) * best + TIE_BREAK_SHARE * textScore);
      if (score >= options.minScore) top.add({ doc, score });
    }
    return top.items();
  }

  /** Returns entries whose command form continues the text (see CommandIndex.complete). */
  complete(text: string, limit: number): number[] {
    return this.commands.complete(analyze(text.slice(0, MAX_QUERY_LENGTH)), limit);
  }

  private compareTies(a: number, b: number): number {
    const left = this.entries[a]!;
    const right = this.entries[b]!;
    return right.popularity - left.popularity || left.id.localeCompare(right.id);
  }

  /** Scores entries whose name equals the query or whose command form starts it. */
  private strongScores(words: readonly Word[], text: string): Map<number, number> {
    const strong = new Map<number, number>();
    const raise = (doc: number, score: number): void => {
      if (score > (strong.get(doc) ?? 0)) strong.set(doc, score);
    };

    for (const { doc, score } of this.exact.get(compact(words)) ?? []) raise(doc, score);
    // A question around a name (`what is docker`, `docker とは`) counts almost as the name itself.
    const content = compact(contentWords(words));
    for (const { doc, score } of this.exact.get(content) ?? []) raise(doc, score * QUESTION_FACTOR);
    const command = this.commands.match(words);
    if (command) for (const doc of command.docs) raise(doc, this.commandScore(command, doc, text));
    return strong;
  }

  /**
   * Scores a command-form match. A bare tool name followed by a word it does not know (`docker
   * インストール`) is weak evidence. A Dockerfile instruction typed in lower case (`run`) may be an
   * English verb. Both stay below the confidence threshold unless the text agrees.
   */
  private commandScore(match: CommandMatch, doc: number, text: string): number {
    if (match.depth === 1 && match.hasSubcommands && isPlainWord(match.rest[0])) return BARE_TOOL_SCORE;

    const score = COMMAND_SCORE - COMMAND_TYPO_PENALTY * match.edits;
    const firstWord = text.normalize('NFKC').trim().split(/\s+/)[0] ?? '';
    const typedUpperCase = /^[A-Z]{2,}$/.test(firstWord);
    if (this.entries[doc]!.kind === 'instruction' && !typedUpperCase) return score * LOWER_CASE_INSTRUCTION_FACTOR;
    return score;
  }

  /**
   * Re-scores the best term candidates with fuse.js, which forgives typos and partial words that
   * whole-unit matching misses. Skipped when an exact name, a command line or a good match of
   * indexed words already settles the query.
   */
  private fuzzyScores(words: readonly Word[], strong: Map<number, number>, termScores: Map<number, number>): Map<number, number> {
    if (Math.max(0, ...strong.values()) >= SETTLED_SCORE) return new Map();

    const ranked = new TopList<[number, number]>(FUZZY_CANDIDATES, (a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const scored of termScores) ranked.add(scored);
    const best = ranked.items();
    if ((best[0]?.[1] ?? 0) >= SETTLED_TERM_SCORE && this.terms.knowsAll(words)) return new Map();

    const candidates = best.map(([doc]) => doc);
    for (const doc of strong.keys()) if (!candidates.includes(doc)) candidates.push(doc);

    return this.fuzzy.score(fuzzyText(words), candidates);
  }
}
