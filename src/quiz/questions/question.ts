import type { Locale } from '../../i18n/index.js';
import type { Topic } from '../../knowledge/schema.js';

/** Number of choices of every question, hand-written or generated. */
export const CHOICE_COUNT = 4;

/** Text of a question in both languages; every question has both. */
export interface QuestionText {
  ja: string;
  en: string;
}

/** How a question came to be: a hand-written file, or one of the generators over the entries. */
export type QuestionSource = 'written' | 'summary-to-name' | 'name-to-summary' | 'option-to-meaning';

/**
 * One multiple-choice question, the shape that hand-written and generated questions share. Posts
 * store it as JSON, so a question answered later reads as it was asked even if the knowledge changed.
 */
export interface Question {
  /** Stable id: `q-…` for hand-written questions, `g-…` for generated ones. */
  id: string;
  source: QuestionSource;
  /** The knowledge entry that the question teaches; its card is offered after an answer. */
  entryId: string;
  topic: Topic;
  /** True when the question targets a common mistake of the study notes. */
  misconception: boolean;
  question: QuestionText;
  /** Exactly CHOICE_COUNT choices. */
  choices: QuestionText[];
  /** Index of the right choice, 0 to CHOICE_COUNT - 1. */
  answer: number;
  explanation: QuestionText;
}

/** Returns the text in `locale`. */
export function textIn(text: QuestionText, locale: Locale): string {
  return text[locale];
}
