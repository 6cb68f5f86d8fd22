import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../knowledge/index.js';
import type { Topic } from '../../knowledge/schema.js';
import { readQuestionFolder } from './file.js';
import { generateQuestions } from './generate.js';
import type { Question } from './question.js';

/** Where hand-written questions are read from when start-up registered no bank. */
export const DEFAULT_QUESTION_FOLDER = path.join('knowledge', 'quiz');

/** Seed of the generated questions, so their wrong choices and order stay the same across restarts. */
export const DEFAULT_GENERATOR_SEED = 1;

/** Every question the quiz can ask: the hand-written ones and those generated from the entries. */
export class QuestionBank {
  private readonly byId: Map<string, Question>;

  constructor(readonly questions: readonly Question[]) {
    this.byId = new Map(questions.map((question) => [question.id, question]));
  }

  /**
   * Loads the hand-written questions under `folder` (none when it does not exist) and generates the
   * others from `knowledge`. Raises the first KnowledgeError of a broken question file.
   */
  static load(knowledge: KnowledgeBase, folder = DEFAULT_QUESTION_FOLDER, seed = DEFAULT_GENERATOR_SEED): QuestionBank {
    const written = existsSync(folder) ? readQuestionFolder(folder, knowledge.entries) : { questions: [], problems: [] };
    const [problem] = written.problems;
    if (problem) throw problem;
    return new QuestionBank([...written.questions, ...generateQuestions(knowledge.entries, seed)]);
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  /** Returns the questions of `topics`, or all of them for an empty list. */
  pool(topics: readonly Topic[] = []): Question[] {
    if (topics.length === 0) return [...this.questions];
    return this.questions.filter((question) => topics.includes(question.topic));
  }
}

const banks = new WeakMap<KnowledgeBase, QuestionBank>();
const folders = new WeakMap<KnowledgeBase, string>();

/** Registers the bank that commands use with `knowledge`, as start-up does after loading both. */
export function useQuestionBank(knowledge: KnowledgeBase, bank: QuestionBank): void {
  banks.set(knowledge, bank);
}

/**
 * Registers the folder whose questions `knowledge` uses, loaded on first use. The terminal chat does
 * this so start-up does not wait for parsing and generating questions it may never ask.
 */
export function useQuestionFolder(knowledge: KnowledgeBase, folder: string): void {
  folders.set(knowledge, folder);
}

/**
 * Returns the bank registered for `knowledge`, loading one the first time from the registered folder,
 * or DEFAULT_QUESTION_FOLDER when none was registered.
 */
export function questionBankFor(knowledge: KnowledgeBase): QuestionBank {
  let bank = banks.get(knowledge);
  if (!bank) {
    bank = QuestionBank.load(knowledge, folders.get(knowledge) ?? DEFAULT_QUESTION_FOLDER);
    banks.set(knowledge, bank);
  }
  return bank;
}
