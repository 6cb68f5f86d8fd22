import type { Kysely } from 'kysely';
import type { Requester } from '../../core/request.js';
import type { Database } from '../../store/schema.js';
import type { QuizPost } from './posts.js';
import { enqueueWrong, moveAfterReview, type ReviewItem } from './reviews.js';

export type AnswerOutcome =
  /** The answer was stored; `review` is the question's place in the learner's queue afterwards, if any. */
  | { status: 'recorded'; correct: boolean; review: ReviewItem | undefined }
  /** The learner had already answered this post; the first answer stands. */
  | { status: 'duplicate'; correct: boolean }
  /** The post was revealed and takes no more answers. */
  | { status: 'closed' };

/**
 * Stores a learner's answer and updates their review queue in one transaction, so the answer is
 * committed before any feedback is shown. The primary key (post, user) keeps the first answer only.
 */
export async function commitAnswer(db: Kysely<Database>, post: QuizPost, user: Requester, choice: number, now: Date): Promise<AnswerOutcome> {
  const correct = choice === post.question.answer;
  const learner = { platform: post.place.platform, userId: user.id };

  return db.transaction().execute(async (transaction): Promise<AnswerOutcome> => {
    const current = await transaction.selectFrom('quiz_posts').select('closed_at').where('id', '=', post.id).executeTakeFirst();
    if (current?.closed_at) return { status: 'closed' };

    const inserted = await transaction
      .insertInto('quiz_answers')
      .values({
        post_id: post.id,
        user_id: user.id,
        user_name: user.name ?? null,
        platform: post.place.platform,
        group_id: post.place.groupId,
        channel_id: post.place.channelId,
        kind: post.kind,
        quiz_day: post.quizDay,
        question_id: post.question.id,
        topic: post.question.topic,
        entry_id: post.question.entryId,
        choice,
        correct: correct ? 1 : 0,
        answered_at: now.toISOString(),
      })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const first = await transaction.selectFrom('quiz_answers').select('correct').where('post_id', '=', post.id).where('user_id', '=', user.id).executeTakeFirst();
      return { status: 'duplicate', correct: first?.correct === 1 };
    }

    let review: ReviewItem | undefined;
    if (!correct) review = await enqueueWrong(transaction, learner, post.question, now);
    else if (post.kind === 'review') review = await moveAfterReview(transaction, learner, post.question, true, now);
    return { status: 'recorded', correct, review };
  });
}

/** Returns how many learners answered a post. */
export async function countAnswers(db: Kysely<Database>, postId: string): Promise<number> {
  const row = await db.selectFrom('quiz_answers').select((eb) => eb.fn.countAll().as('count')).where('post_id', '=', postId).executeTakeFirst();
  return Number(row?.count ?? 0);
}

export interface RevealStats {
  answered: number;
  correct: number;
  /** The first learners to answer right, fastest first. */
  fastest: { userId: string; name: string | null }[];
}

/** Collects what a reveal shows: answer count, right answers and the fastest right answerers. */
export async function revealStats(db: Kysely<Database>, postId: string, fastestCount: number): Promise<RevealStats> {
  const totals = await db
    .selectFrom('quiz_answers')
    .select((eb) => [eb.fn.countAll().as('answered'), eb.fn.sum<number>('correct').as('correct')])
    .where('post_id', '=', postId)
    .executeTakeFirst();
  const fastest = await db
    .selectFrom('quiz_answers')
    .select(['user_id', 'user_name'])
    .where('post_id', '=', postId)
    .where('correct', '=', 1)
    .orderBy('answered_at')
    .orderBy('user_id')
    .limit(fastestCount)
    .execute();
  return {
    answered: Number(totals?.answered ?? 0),
    correct: Number(totals?.correct ?? 0),
    fastest: fastest.map((row) => ({ userId: row.user_id, name: row.user_name })),
  };
}
