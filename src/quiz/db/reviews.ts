import type { Kysely } from 'kysely';
import type { Platform } from '../../core/request.js';
import type { Database } from '../../store/schema.js';
import { dueAt, FIRST_BOX, nextBox } from '../leitner.js';
import type { Question } from '../questions/question.js';

/** A learner, as the review queue knows them: review follows a person across groups of a platform. */
export interface Learner {
  platform: Platform;
  userId: string;
}

export interface ReviewItem {
  question: Question;
  box: number;
  dueAt: Date;
}

/** Puts a wrongly answered question in box 1, due one interval from `now`. */
export async function enqueueWrong(db: Kysely<Database>, learner: Learner, question: Question, now: Date): Promise<ReviewItem> {
  const due = dueAt(FIRST_BOX, now);
  const values = { box: FIRST_BOX, due_at: due.toISOString(), updated_at: now.toISOString(), question: JSON.stringify(question), topic: question.topic };
  await db
    .insertInto('quiz_reviews')
    .values({ platform: learner.platform, user_id: learner.userId, question_id: question.id, ...values })
    .onConflict((conflict) => conflict.columns(['platform', 'user_id', 'question_id']).doUpdateSet(values))
    .execute();
  return { question, box: FIRST_BOX, dueAt: due };
}

/**
 * Moves a question after a review answer: up one box when right, back to box 1 when wrong, out of the
 * queue when right in the last box. Returns the new place, or undefined when it left the queue.
 */
export async function moveAfterReview(db: Kysely<Database>, learner: Learner, question: Question, correct: boolean, now: Date): Promise<ReviewItem | undefined> {
  const row = await db
    .selectFrom('quiz_reviews')
    .select('box')
    .where('platform', '=', learner.platform)
    .where('user_id', '=', learner.userId)
    .where('question_id', '=', question.id)
    .executeTakeFirst();
  if (!correct) return enqueueWrong(db, learner, question, now);
  if (!row) return undefined;

  const box = nextBox(row.box, correct);
  if (box === undefined) {
    await db
      .deleteFrom('quiz_reviews')
      .where('platform', '=', learner.platform)
      .where('user_id', '=', learner.userId)
      .where('question_id', '=', question.id)
      .execute();
    return undefined;
  }

  const due = dueAt(box, now);
  await db
    .updateTable('quiz_reviews')
    .set({ box, due_at: due.toISOString(), updated_at: now.toISOString() })
    .where('platform', '=', learner.platform)
    .where('user_id', '=', learner.userId)
    .where('question_id', '=', question.id)
    .execute();
  return { question, box, dueAt: due };
}

/** Lists a learner's questions due at `now`, the longest overdue first. */
export async function dueReviews(db: Kysely<Database>, learner: Learner, now: Date): Promise<ReviewItem[]> {
  const rows = await db
    .selectFrom('quiz_reviews')
    .select(['question', 'box', 'due_at'])
    .where('platform', '=', learner.platform)
    .where('user_id', '=', learner.userId)
    .where('due_at', '<=', now.toISOString())
    .orderBy('due_at')
    .orderBy('question_id')
    .execute();
  return rows.map((row) => ({ question: JSON.parse(row.question) as Question, box: row.box, dueAt: new Date(row.due_at) }));
}

/** Returns how many questions a learner has in review, and how many of them are due at `now`. */
export async function reviewCounts(db: Kysely<Database>, learner: Learner, now: Date): Promise<{ queued: number; due: number }> {
  const rows = await db
    .selectFrom('quiz_reviews')
    .select('due_at')
    .where('platform', '=', learner.platform)
    .where('user_id', '=', learner.userId)
    .execute();
  const due = rows.filter((row) => row.due_at <= now.toISOString()).length;
  return { queued: rows.length, due };
}
