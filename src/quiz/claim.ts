import type { Kysely } from 'kysely';
import type { Place } from '../core/request.js';
import type { Database } from '../store/schema.js';
import { channelScope, pickQuestion, recordAsked } from './db/history.js';
import { insertPost, newPostId, type PostKind, type QuizPost } from './db/posts.js';
import type { QuestionBank } from './questions/bank.js';
import { seededRandom } from './random.js';
import type { QuizSchedule } from './schedule.js';

export interface ClaimRequest {
  schedule: QuizSchedule;
  kind: Extract<PostKind, 'daily' | 'manual'>;
  /** The quiz day of a daily post; null for a manual post, which claims no day. */
  quizDay: string | null;
  scheduledFor: Date;
  now: Date;
  /** Until when the claiming process alone may send the post. */
  leaseUntil: Date;
}

/** A claimed post, `taken` when another process claimed the day first, or `empty` when no question fits the topics. */
export type ClaimResult = { post: QuizPost } | 'taken' | 'empty';

/**
 * Picks the channel's next question and inserts the post in the `sending` state. For a daily post
 * the insert is the exactly-once claim of the channel's quiz day. The pick is recorded in the
 * channel's history only once the claim succeeded, so a lost race uses up no question.
 */
export async function claimPost(db: Kysely<Database>, bank: QuestionBank, request: ClaimRequest): Promise<ClaimResult> {
  const { schedule, quizDay, now } = request;
  const place: Place = { platform: schedule.platform, groupId: schedule.groupId, channelId: schedule.channelId };
  const scope = channelScope(place);
  const pick = await pickQuestion(db, scope, bank.pool(schedule.topics), seededRandom(`${scope}:${quizDay ?? now.toISOString()}`));
  if (!pick) return 'empty';

  const post: QuizPost = {
    id: newPostId(),
    kind: request.kind,
    place,
    quizDay,
    ownerId: null,
    topicFilter: null,
    question: pick.question,
    locale: schedule.locale,
    status: 'sending',
    attempts: 0,
    nextAttemptAt: request.leaseUntil,
    scheduledFor: request.scheduledFor,
    message: null,
    sentAt: null,
    closesAt: null,
    closedAt: null,
    closeAttempts: 0,
  };
  if (!(await insertPost(db, post, now))) return 'taken';

  await recordAsked(db, scope, pick, now);
  return { post };
}
