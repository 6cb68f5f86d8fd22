import { ScoreBuffer } from './buffer.js';
import { FIELD_GROUPS, FIELD_WEIGHTS, type EntryTexts } from './fields.js';
import { AnalyzeCache, contentWords, type Word } from './normalize.js';
import { slotsOf, type Slot } from './slots.js';
import { SpellingIndex } from './spelling.js';
import { termUnits } from './units.js';

/** Share of the score from the best single field; the rest comes from the coverage by the whole entry. */
const BEST_FIELD_SHARE = 0.6;
/** Share of entries above which a unit counts as common (see `score`). */
const COMMON_SHARE = 0.5;
/** Share of a field's score that does not depend on how much of the field the query covers. */
const FIELD_BASE = 0.3;

/**
 * An inverted index of word units (English stems, option names, Japanese bigrams) over every field
 * of every entry, scoring how much of a query an entry's best field covers. Scores accumulate in
 * typed arrays reused between queries, because common units (`docker`, コン) hit most fields.
 */
export class TermIndex {
  private readonly documentCount: number;
  private readonly postings = new Map<string, Int32Array>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly spellings = new SpellingIndex();
  /** Per field value: its entry, its field weight and how many distinct units it has. */
  private readonly valueDoc: Int32Array;
  private readonly valueWeight: Float64Array;
  private readonly valueUnits: Int32Array;
  private readonly valueSum: ScoreBuffer;
  private readonly valueSlots: ScoreBuffer;
  private readonly slotCredit: ScoreBuffer;
  private readonly slotHits: ScoreBuffer;
  private readonly slotBest: ScoreBuffer;
  private readonly entryCredit: ScoreBuffer;
  private readonly entryBest: ScoreBuffer;

  constructor(documents: readonly EntryTexts[], cache = new AnalyzeCache()) {
    this.documentCount = documents.length;
    const lists = new Map<string, number[]>();
    const docs: number[] = [];
    const weights: number[] = [];
    const unitCounts: number[] = [];

    documents.forEach((texts, doc) => {
      const seen = new Set<string>();
      for (const group of FIELD_GROUPS) {
        for (const text of texts[group]) {
          const words = cache.analyze(text);
          const termUnitList = words.flatMap(termUnits);
          const units = new Set(termUnitList.map(({ unit }) => unit));
          if (units.size === 0) continue;

          const valueId = docs.push(doc) - 1;
          weights.push(FIELD_WEIGHTS[group]);
          // Queries drop stop words, so a field's size for coverage counts its content units alone.
          unitCounts.push(new Set(contentWords(words).flatMap(termUnits).map(({ unit }) => unit)).size);
          for (const unit of units) this.addPosting(lists, unit, valueId, seen);
          for (const termUnit of termUnitList) this.spellings.add(termUnit);
        }
      }
    });

    for (const [unit, list] of lists) this.postings.set(unit, Int32Array.from(list));
    this.valueDoc = Int32Array.from(docs);
    this.valueWeight = Float64Array.from(weights);
    this.valueUnits = Int32Array.from(unitCounts);
    this.valueSum = new ScoreBuffer(docs.length);
    this.valueSlots = new ScoreBuffer(docs.length);
    this.slotCredit = new ScoreBuffer(docs.length);
    this.slotHits = new ScoreBuffer(docs.length);
    this.slotBest = new ScoreBuffer(documents.length);
    this.entryCredit = new ScoreBuffer(documents.length);
    this.entryBest = new ScoreBuffer(documents.length);
  }

  private addPosting(lists: Map<string, number[]>, unit: string, valueId: number, seenInDocument: Set<string>): void {
    const list = lists.get(unit);
    if (list) list.push(valueId);
    else lists.set(unit, [valueId]);

    if (seenInDocument.has(unit)) return;
    seenInDocument.add(unit);
    this.documentFrequency.set(unit, (this.documentFrequency.get(unit) ?? 0) + 1);
  }

  /** True when every unit of the content words occurs in some entry, so no typo correction is needed. */
  knowsAll(words: readonly Word[]): boolean {
    return contentWords(words).every((word) => termUnits(word).every(({ unit }) => this.documentFrequency.has(unit)));
  }

  /**
   * Returns the weight of a unit by rarity: 1 plus the BM25 inverse document frequency. The 1 keeps
   * common words (起動, container) from counting for almost nothing. An unknown unit is the rarest.
   */
  private idf(unit: string): number {
    const frequency = this.documentFrequency.get(unit) ?? 0;
    return 1 + Math.log(1 + (this.documentCount - frequency + 0.5) / (frequency + 0.5));
  }

  /**
   * Fills `slotCredit` with the credit (0..1) each field value earns for a slot: the best of its
   * alternatives. With `matchedOnly`, only values that earlier slots matched are credited; values of
   * fields weighing less than `minFieldWeight` are never credited.
   */
  private collectCredit(slot: Slot, matchedOnly: boolean, minFieldWeight: number): void {
    for (const alternative of slot.alternatives) {
      for (const unit of alternative.units) {
        for (const valueId of this.postings.get(unit) ?? []) {
          if (matchedOnly && this.valueSum.get(valueId) === 0) continue;
          if (this.valueWeight[valueId]! >= minFieldWeight) this.slotHits.add(valueId, 1);
        }
      }
      for (const valueId of this.slotHits.touched()) {
        this.slotCredit.raise(valueId, (alternative.factor * this.slotHits.get(valueId)) / alternative.units.length);
      }
      this.slotHits.clear();
    }
  }

  /** Adds one slot's credit to every field value and entry it reaches. */
  private addSlot(slot: Slot, matchedOnly: boolean, minFieldWeight: number): void {
    this.collectCredit(slot, matchedOnly, minFieldWeight);
    for (const valueId of this.slotCredit.touched()) {
      const credit = this.slotCredit.get(valueId);
      this.valueSum.add(valueId, slot.weight * credit);
      this.valueSlots.add(valueId, 1);
      this.slotBest.raise(this.valueDoc[valueId]!, credit * this.valueWeight[valueId]!);
    }
    for (const doc of this.slotBest.touched()) this.entryCredit.add(doc, slot.weight * this.slotBest.get(doc));
    this.slotCredit.clear();
    this.slotBest.clear();
  }

  /** True when every unit a slot may match occurs in more than COMMON_SHARE of the entries. */
  private isCommon(slot: Slot): boolean {
    const limit = COMMON_SHARE * this.documentCount;
    return slot.alternatives.every((alternative) => alternative.units.every((unit) => (this.documentFrequency.get(unit) ?? 0) > limit));
  }

  /**
   * Scores entries (by position) from 0 to 1, leaving out those below `minimum`. The score mixes the
   * best single field (weighted, and higher when the query covers most of that field) with the
   * coverage of the query by the whole entry. Fields weighing less than `minFieldWeight` are ignored.
   */
  score(words: readonly Word[], minimum = 0, minFieldWeight = 0): Map<number, number> {
    const slots = slotsOf(words, {
      idf: (unit) => this.idf(unit),
      has: (unit) => this.documentFrequency.has(unit),
      corrections: (raw) => this.spellings.corrections(raw),
    });
    const total = slots.reduce((sum, slot) => sum + slot.weight, 0);
    const scores = new Map<number, number>();
    if (total === 0) return scores;

    // As with a cutoff frequency in Lucene, a common unit (docker, コン) adds only to fields that rarer
    // units of the query matched. It then costs a scan of its postings instead of an update for each.
    const common = slots.filter((slot) => this.isCommon(slot));
    const rare = slots.filter((slot) => !this.isCommon(slot));
    for (const slot of rare) this.addSlot(slot, false, minFieldWeight);
    for (const slot of common) this.addSlot(slot, rare.length > 0, minFieldWeight);
    for (const valueId of this.valueSum.touched()) {
      const fieldCoverage = Math.min(this.valueSlots.get(valueId) / this.valueUnits[valueId]!, 1);
      const fieldScore = this.valueWeight[valueId]! * (this.valueSum.get(valueId) / total) * (FIELD_BASE + (1 - FIELD_BASE) * fieldCoverage);
      this.entryBest.raise(this.valueDoc[valueId]!, fieldScore);
    }
    for (const doc of this.entryBest.touched()) {
      const score = BEST_FIELD_SHARE * this.entryBest.get(doc) + (1 - BEST_FIELD_SHARE) * (this.entryCredit.get(doc) / total);
      if (score >= minimum) scores.set(doc, score);
    }

    for (const buffer of [this.valueSum, this.valueSlots, this.entryCredit, this.entryBest]) buffer.clear();
    return scores;
  }
}
