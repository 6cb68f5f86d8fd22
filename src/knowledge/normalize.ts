import { ENGLISH_STOP_WORDS, JAPANESE_STOP_WORDS } from './lexicon.js';

/**
 * Maximum query length, in UTF-16 code units, that search analyzes. Longer input is cut before any work,
 * so a pasted log costs the same as a short line. Error messages and command lines fit well within it.
 */
export const MAX_QUERY_LENGTH = 256;

/** A normalized word of a query or of indexed text. */
export interface Word {
  /** Lower-case ASCII word, or a Japanese run with kana folded to katakana and okurigana stripped. */
  text: string;
  /** True for ASCII words (commands, options, English), false for Japanese runs. */
  ascii: boolean;
  /** True for English stop words; Japanese particles never become words. */
  stop: boolean;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
/** A long-vowel mark typed with the IME on in place of an option's hyphen, such as `ーa` for `-a`. */
const IME_HYPHENS = /(^|\s)(ー{1,2})(?=[a-z0-9])/g;
const HIRAGANA = /[\u3041-\u3096]/g;
const LONG_VOWEL = /(?<=[\u30A1-\u30FA])\u30FC+/g;
const V_SOUNDS: ReadonlyArray<[RegExp, string]> = [
  [/ヴァ/g, 'バ'], [/ヴィ/g, 'ビ'], [/ヴェ/g, 'ベ'], [/ヴォ/g, 'ボ'], [/ヴ/g, 'ブ'],
];
const ALL_ASCII = /^[\x20-\x7E]*$/;
const ASCII_WORD = /-{1,2}[a-z0-9][a-z0-9_-]*|[a-z0-9_]+(?:[-.][a-z0-9_]+)*/g;
/**
 * A hiragana run with a long-vowel mark, such as はいぱーばいざー. Native words do not use the mark, so
 * the run is a loanword typed without kana conversion. It is folded to katakana before segmentation,
 * because the segmenter would otherwise read its は and い as particles.
 */
const HIRAGANA_LOANWORD = /[\u3041-\u3096]+ー[\u3041-\u3096ー]*/g;
/** Hiragana segments that negate: しない, できない, なかった, (ま)せん, ず, なし. */
const NEGATION_SEGMENT = /^(?:[\u3041-\u309F]*ない|なか|なかっ|ません|せん|ず|なし)$/;
const NEGATION = 'ない';
const HIRAGANA_WORD = /^[\u3041-\u309F]{1,2}$/;
const KATAKANA_WORD = /^[\u30A1-\u30FAー]+$/;
const OKURIGANA = /^(.*\p{Script=Han})\p{Script=Hiragana}+$/u;

/** Applies NFKC (full-width to half-width), lower case, and maps control characters and dash variants. */
export function prepareText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(CONTROL, ' ')
    .replace(DASHES, '-')
    .replace(IME_HYPHENS, (_, space: string, marks: string) => space + '-'.repeat(marks.length));
}

/**
 * Folds Japanese spelling variants: hiragana to katakana, ヴ to バ行, and long-vowel marks after
 * katakana dropped, so サーバー and サーバ, ハイパーバイザー型 and ハイパーバイザ型, マシーン and マシン,
 * インターフェース and インタフェース become equal.
 */
export function foldKana(text: string): string {
  let folded = text.replace(HIRAGANA, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60));
  for (const [pattern, replacement] of V_SOUNDS) folded = folded.replace(pattern, replacement);
  return folded.replace(LONG_VOWEL, '');
}

/** Normalizes text for prefix and equality comparison without splitting it into words. */
export function normalizeText(text: string): string {
  return foldKana(prepareText(text)).replace(/\s+/g, ' ').trim();
}

/**
 * Splits text into normalized words. ASCII stretches are cut into shell-style words (options keep
 * their dashes). Japanese stretches are segmented with `Intl.Segmenter`, particles are dropped, and
 * adjacent katakana segments are joined into one word, because the segmenter splits katakana
 * inconsistently (ハイパーバイザー becomes three segments, ハイパーバイザ one).
 */
export function analyze(text: string): Word[] {
  const prepared = prepareText(text);
  if (ALL_ASCII.test(prepared)) return asciiWords(prepared);

  // One segmenter pass over the whole text: each call has a high fixed cost, so segmenting piece by
  // piece is several times slower. ASCII stretches are cut by the shell-style pattern instead.
  const folded = prepared.replace(HIRAGANA_LOANWORD, (run) => foldKana(run));
  const words: Word[] = [];
  const japanese = new JapaneseWords(words);
  let asciiEnd = 0;
  for (const { segment, index, isWordLike } of segmenter.segment(folded)) {
    if (index < asciiEnd) continue;
    if (!isAsciiCode(folded.charCodeAt(index))) {
      japanese.add(segment, isWordLike === true);
      continue;
    }

    japanese.flush();
    asciiEnd = index;
    while (asciiEnd < folded.length && isAsciiCode(folded.charCodeAt(asciiEnd))) asciiEnd++;
    words.push(...asciiWords(folded.slice(index, asciiEnd)));
  }
  japanese.flush();
  return words;
}

function isAsciiCode(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

function asciiWords(piece: string): Word[] {
  return (piece.match(ASCII_WORD) ?? []).map((text) => ({ text, ascii: true, stop: ENGLISH_STOP_WORDS.has(text) }));
}

/**
 * Collects Japanese words from segments, joining adjacent katakana segments. Hiragana segments of one
 * or two characters are dropped with the stop words: they are particles, auxiliaries and verb endings
 * that the segmenter cuts unreliably (になって becomes に, な and って). Negation is the exception,
 * because 削除できない and 削除 ask different things, so every form of it becomes one word.
 */
class JapaneseWords {
  private katakana = '';

  constructor(private readonly words: Word[]) {}

  add(segment: string, isWordLike: boolean): void {
    if (isWordLike && KATAKANA_WORD.test(segment)) {
      this.katakana += segment;
      return;
    }
    this.flush();
    if (!isWordLike) return;
    if (NEGATION_SEGMENT.test(segment)) this.push(NEGATION);
    else if (!HIRAGANA_WORD.test(segment) && !JAPANESE_STOP_WORDS.has(segment)) this.push(segment);
  }

  flush(): void {
    this.push(this.katakana);
    this.katakana = '';
  }

  private push(text: string): void {
    const folded = foldKana(text.replace(OKURIGANA, '$1'));
    if (folded !== '') this.words.push({ text: folded, ascii: false, stop: false });
  }
}

/**
 * A memo of `analyze` for building indexes, where the same string (a shared option meaning, a
 * keyword that is also an alias) is analyzed by several indexes. Not for queries: it never evicts.
 */
export class AnalyzeCache {
  private readonly cache = new Map<string, Word[]>();

  analyze(text: string): Word[] {
    let words = this.cache.get(text);
    if (!words) {
      words = analyze(text);
      this.cache.set(text, words);
    }
    return words;
  }
}

/** Returns the words that carry meaning: stop words are dropped unless nothing else is left. */
export function contentWords(words: readonly Word[]): readonly Word[] {
  const content = words.filter((word) => !word.stop);
  return content.length > 0 ? content : words;
}

/**
 * Joins words with every separator removed, so `set-default`, `set default` and `setdefault` (and
 * `docker -ps` and `docker-ps`) compare equal. Stop words are kept: pass `contentWords(words)` to drop them.
 */
export function compact(words: readonly Word[]): string {
  return words
    .map((word) => word.text)
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Splits an ASCII word at hyphens, dots and underscores, keeping option words whole. */
export function wordParts(text: string): string[] {
  if (text.startsWith('-')) return [text];
  return text.split(/[-._]+/).filter((part) => part !== '');
}
