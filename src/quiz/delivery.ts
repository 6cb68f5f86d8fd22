import type { Kysely } from 'kysely';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import type { Database } from '../store/schema.js';
import { revealStats } from './db/answers.js';
import { claimClose, markSendFailed, markSent, releaseClose, setCloseAttempts, type QuizPost } from './db/posts.js';
import { getSchedule } from './db/schedules.js';
import type { AnswerCountUpdater, Publishers } from './publishers.js';
import { FASTEST_SHOWN, questionReply, revealReply } from './replies/post.js';
import { nextRun } from './schedule.js';

/** Limits of sending and revealing posts. */
export interface DeliveryPolicy {
  /** Send attempts of one post, the first included, before it is marked failed. */
  maxAttempts: number;
  /** Delay before the first retry; each later retry waits twice as long as the one before. */
  retryDelayMs: number;
}

/** The services that sending and revealing use; the scheduler owns one. */
export interface Delivery {
  db: Kysely<Database>;
  knowledge: KnowledgeBase;
  publishers: Publishers;
  updater: AnswerCountUpdater;
  logger: Logger;
  now: () => Date;
  policy: DeliveryPolicy;
}

/** Returns when to try again after failed attempt number `attempt`, or null when it was the last one. */
export function retryTime(policy: DeliveryPolicy, attempt: number, now: Date): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  return new Date(now.getTime() + policy.retryDelayMs * 2 ** (attempt - 1));
}

/**
 * Returns when a daily post closes: `closeMinutes` after it was sent when the schedule sets them,
 * otherwise at the schedule's next run. Manual posts, and posts whose schedule was stopped, stay open.
 */
async function closeTime(delivery: Delivery, post: QuizPost, sentAt: Date): Promise<Date | null> {
  if (post.kind !== 'daily') return null;

  const schedule = await getSchedule(delivery.db, post.place);
  if (!schedule) return null;
  if (schedule.closeMinutes !== null) return new Date(sentAt.getTime() + schedule.closeMinutes * 60_000);
  return nextRun(schedule, post.scheduledFor ?? sentAt) ?? null;
}

/**
 * Sends a claimed public post as attempt number `attempt`. A failure is logged and stored with the
 * time of the next attempt, so the scheduler's later ticks retry it; nothing here throws.
 */
export async function sendPost(delivery: Delivery, post: QuizPost, attempt: number): Promise<boolean> {
  const { db, logger } = delivery;
  const publisher = delivery.publishers[post.place.platform];
  const ids = { post: post.id, platform: post.place.platform, group: post.place.groupId, channel: post.place.channelId, quizDay: post.quizDay };
  try {
    if (!publisher) throw new Error(`no publisher for platform ${post.place.platform}`);
    const ref = await publisher.post(post.place.channelId, questionReply(post, 0));
    const sentAt = delivery.now();
    await markSent(db, post.id, attempt, ref, sentAt, await closeTime(delivery, post, sentAt));
    logger.info({ ...ids, question: post.question.id, attempt }, 'quiz posted');
    return true;
  } catch (error) {
    const retryAt = retryTime(delivery.policy, attempt, delivery.now());
    await markSendFailed(db, post.id, attempt, retryAt);
    if (retryAt) logger.warn({ ...ids, err: error, attempt, retryAt: retryAt.toISOString() }, 'quiz post failed, will retry');
    else logger.error({ ...ids, err: error, attempt }, 'quiz post failed, giving up');
    return false;
  }
}

/**
 * Reveals a post whose close time has come: marks it closed (so no answer is accepted any more), waits
 * for count updates in flight, then replaces the post with the answer and the results. A failed
 * reveal reopens the post and is tried again later, up to the policy's attempts.
 */
export async function closePost(delivery: Delivery, post: QuizPost): Promise<boolean> {
  const { db, logger } = delivery;
  const now = delivery.now();
  if (!post.message || !(await claimClose(db, post.id, now))) return false;

  const ids = { post: post.id, platform: post.place.platform, group: post.place.groupId, channel: post.place.channelId, quizDay: post.quizDay };
  try {
    const publisher = delivery.publishers[post.place.platform];
    if (!publisher) throw new Error(`no publisher for platform ${post.place.platform}`);

    await delivery.updater.settle(post.id);
    const stats = await revealStats(db, post.id, FASTEST_SHOWN);
    await publisher.update(post.message, revealReply(post, stats, delivery.knowledge));
    logger.info({ ...ids, answered: stats.answered, correct: stats.correct }, 'quiz revealed');
    return true;
  } catch (error) {
    const attempt = post.closeAttempts + 1;
    const retryAt = retryTime(delivery.policy, attempt, delivery.now());
    if (retryAt) {
      await releaseClose(db, post.id, attempt, retryAt);
      logger.warn({ ...ids, err: error, attempt, retryAt: retryAt.toISOString() }, 'quiz reveal failed, will retry');
    } else {
      await setCloseAttempts(db, post.id, attempt);
      logger.error({ ...ids, err: error, attempt }, 'quiz reveal failed, giving up');
    }
    return false;
  }
}
