import { TOPICS, type Topic } from '../knowledge/schema.js';
import { CHOICE_COUNT } from './questions/question.js';

// Button action ids of the quiz. They stay far below the 100-character limit of Discord custom ids;
// everything else a click needs (the question, who answered) lives in the store under the post id.

/** Action id prefix of every quiz button. */
export const QUIZ_ACTION = 'quiz';

export type QuizAction =
  /** `quiz:a:<postId>:<choice>`: answer a post with choice 0 to 3. */
  | { type: 'answer'; postId: string; choice: number }
  /** `quiz:n:<topic>` or `quiz:n:all`: another practice question. */
  | { type: 'next'; topic: Topic | undefined }
  /** `quiz:r`: the next due review question. */
  | { type: 'review' };

export function answerActionId(postId: string, choice: number): string {
  return `${QUIZ_ACTION}:a:${postId}:${choice}`;
}

export function nextActionId(topic: Topic | undefined): string {
  return `${QUIZ_ACTION}:n:${topic ?? 'all'}`;
}

export const REVIEW_ACTION_ID = `${QUIZ_ACTION}:r`;

/** Parses the part of a quiz action id after `quiz:`; undefined for anything malformed. */
export function parseQuizAction(argument: string): QuizAction | undefined {
  const [type, first, second, ...rest] = argument.split(':');
  if (type === 'a' && first && second !== undefined && rest.length === 0 && /^\d$/.test(second)) {
    const choice = Number(second);
    return choice < CHOICE_COUNT ? { type: 'answer', postId: first, choice } : undefined;
  }
  if (type === 'n' && first && second === undefined) {
    if (first === 'all') return { type: 'next', topic: undefined };
    return (TOPICS as readonly string[]).includes(first) ? { type: 'next', topic: first as Topic } : undefined;
  }
  if (type === 'r' && first === undefined) return { type: 'review' };
  return undefined;
}
