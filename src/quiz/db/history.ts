import type { Kysely } from 'kysely';
import type { Place } from '../../core/request.js';
import type { Database } from '../../store/schema.js';
import type { Question } from '../questions/question.js';
import { pickOne, type Random } from '../random.js';

/** The history scope of a channel's posts. */
export function channelScope(place: Place): string {
  return `channel:${place.platform}:${place.groupId}:${place.channelId}`;
}

/** The history scope of a learner's practice questions. */
export function learnerScope(platform: string, userId: string): string {
  return `learner:${platform}:${userId}`;
}

export interface Pick {
  question: Question;
  /** True when every question of the pool had been asked, so the history starts over with this one. */
  restarted: boolean;
}

/**
 * Picks a question of `pool` that `scope` has not been asked yet; when none is left, the cycle starts
 * over with the whole pool. Reads only: recordAsked stores the pick once the post exists.
 */
export async function pickQuestion(db: Kysely<Database>, scope: string, pool: readonly Question[], random: Random): Promise<Pick | undefined> {
  const rows = await db.selectFrom('quiz_history').select('question_id').where('scope', '=', scope).execute();
  const asked = new Set(rows.map((row) => row.question_id));
  const remaining = pool.filter((question) => !asked.has(question.id));
  const restarted = remaining.length === 0;
  const question = pickOne(restarted ? pool : remaining, random);
  return question ? { question, restarted } : undefined;
}

/** Records that `scope` was asked a question, clearing the finished cycle first when the pick restarted it. */
export async function recordAsked(db: Kysely<Database>, scope: string, pick: Pick, now: Date): Promise<void> {
  if (pick.restarted) await db.deleteFrom('quiz_history').where('scope', '=', scope).execute();
  await db
    .insertInto('quiz_history')
    .values({ scope, question_id: pick.question.id, asked_at: now.toISOString() })
    .onConflict((conflict) => conflict.columns(['scope', 'question_id']).doUpdateSet({ asked_at: now.toISOString() }))
    .execute();
}
