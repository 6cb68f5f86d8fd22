import { wordParts, type Word } from './normalize.js';

// Index units: the pieces of a word that the term index stores and matches.

/** Reduces an English word to a crude stem (plural, -ing, -ed and final e) so that word forms match. */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;

  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = stem.slice(0, -3) + 'y';
  else if (/(?:ss|x|ch|sh)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  if (stem.length >= 6 && stem.endsWith('ing')) stem = undouble(stem.slice(0, -3));
  else if (stem.length >= 5 && stem.endsWith('ed')) stem = undouble(stem.slice(0, -2));

  return stem.length >= 4 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

function undouble(stem: string): string {
  return /([b-df-hj-km-np-rtv-z])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Returns the overlapping two-character pieces of a Japanese run, or the run itself when shorter. */
export function bigrams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length <= 2) return [text];

  const pieces: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pieces.push(chars[i]! + chars[i + 1]!);
  return pieces;
}

/** An index unit with the spelling it came from, which typo correction compares against. */
export interface TermUnit {
  unit: string;
  /** The part before stemming, such as `containers` for the unit `container`. */
  raw: string;
}

/**
 * Returns the index units of one word: stemmed ASCII parts plus the part-joined compound
 * (`set-default` gives `set`, `default`, `setdefault`), option words as typed, Japanese bigrams.
 */
export function termUnits(word: Word): TermUnit[] {
  if (!word.ascii) return bigrams(word.text).map((unit) => ({ unit, raw: unit }));
  if (word.text.startsWith('-')) return [{ unit: word.text, raw: word.text }];

  const units: TermUnit[] = [];
  for (const dotted of word.text.split('.')) {
    const parts = wordParts(dotted);
    units.push(...parts.map((part) => ({ unit: stemEnglish(part), raw: part })));
    if (parts.length > 1) units.push({ unit: parts.join(''), raw: parts.join('') });
  }
  return units;
}
