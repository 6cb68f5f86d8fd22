import { SYNONYMS } from './lexicon.js';
import { analyze, contentWords, type Word } from './normalize.js';
import type { Correction } from './spelling.js';
import { termUnits, type TermUnit } from './units.js';

/** Units that may stand for a part of the query; a field earns `factor` times the share it contains. */
export interface Alternative {
  units: string[];
  factor: number;
}

/** One part of the query (a unit, or a whole word that has synonyms) and the ways a field can match it. */
export interface Slot {
  weight: number;
  alternatives: Alternative[];
}

/** Index statistics that slot building reads: unit rarity and typo corrections. */
export interface UnitStatistics {
  /** Returns the weight of a unit by rarity. */
  idf(unit: string): number;
  /** True when some entry contains the unit. */
  has(unit: string): boolean;
  /** Returns indexed units close to an unknown spelling. */
  corrections(raw: string): Correction[];
}

/** Credit factors: a match through a synonym or a typo correction counts less than the word typed. */
const SYNONYM_FACTOR = 0.8;
const TYPO_FACTORS = [1, 0.8, 0.65];

/** Synonyms keyed by the normalized form of the word, as queries produce it. */
const NORMALIZED_SYNONYMS = new Map(
  [...SYNONYMS].map(([word, synonyms]) => [analyze(word).map((normalized) => normalized.text).join(' '), synonyms]),
);

/** Builds the slot of a word with synonyms: the word's own units, or any synonym's, whichever a field contains. */
function synonymSlot(units: readonly TermUnit[], synonyms: readonly string[], share: number, statistics: UnitStatistics): Slot {
  const own = units.map(({ unit }) => unit);
  const alternatives: Alternative[] = [{ units: own, factor: 1 }];
  for (const synonym of synonyms) {
    alternatives.push({ units: analyze(synonym).flatMap(termUnits).map(({ unit }) => unit), factor: SYNONYM_FACTOR });
  }
  const rarity = Math.min(...alternatives.flatMap((alternative) => alternative.units.map((unit) => statistics.idf(unit))));
  return { weight: rarity * share * own.length, alternatives };
}

/** Builds the slot of one unit, with typo corrections when no entry contains it. */
function unitSlot({ unit, raw }: TermUnit, share: number, statistics: UnitStatistics): Slot {
  const alternatives: Alternative[] = [{ units: [unit], factor: 1 }];
  if (!statistics.has(unit)) {
    for (const { unit: corrected, distance } of statistics.corrections(raw)) {
      alternatives.push({ units: [corrected], factor: TYPO_FACTORS[distance] ?? 0 });
    }
  }
  const rarity = Math.min(...alternatives.map((alternative) => statistics.idf(alternative.units[0]!)));
  return { weight: rarity * share, alternatives };
}

/**
 * Splits a query into slots: one per unit, or one per word that has synonyms. A word's units share
 * its weight (by the square root of their number, so a long Japanese word still outweighs a short
 * one). Stop words are left out when the query has other words, because they match nearly every
 * English field.
 */
export function slotsOf(words: readonly Word[], statistics: UnitStatistics): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  for (const word of contentWords(words)) {
    const units = termUnits(word).filter(({ unit }) => !seen.has(unit));
    units.forEach(({ unit }) => seen.add(unit));
    if (units.length === 0) continue;

    const share = 1 / Math.sqrt(units.length);
    const synonyms = NORMALIZED_SYNONYMS.get(word.text);
    if (synonyms) slots.push(synonymSlot(units, synonyms, share, statistics));
    else slots.push(...units.map((unit) => unitSlot(unit, share, statistics)));
  }
  return slots;
}
