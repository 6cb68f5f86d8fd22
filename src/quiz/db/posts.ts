import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { MessageRef } from '../../core/adapter.js';
import type { Place } from '../../core/request.js';
import type { Locale } from '../../i18n/index.js';
import type { Topic } from '../../knowledge/schema.js';
import type { Database, QuizPostsTable } from '../../store/schema.js';
import type { Question } from '../questions/question.js';

/** A scheduled channel post, a post made on request (`quiz --now`), or a learner's private question. */
export type PostKind = 'daily' | 'manual' | 'practice' | 'review';

/**
 * `sending` while one process holds the send (until the lease in `nextAttemptAt` runs out), `retry`
 * after a failed send, `sent`, and `failed` after the last attempt or when a retry came too late.
 */
export type PostStatus = 'sending' | 'retry' | 'sent' | 'failed';

/** Kinds of post that sit in a channel for everyone and get an answer count and a reveal. */
export const PUBLIC_KINDS: readonly PostKind[] = ['daily', 'manual'];

export interface QuizPost {
  id: string;
  kind: PostKind;
  place: Place;
  quizDay: string | null;
  ownerId: string | null;
  /** The topic a practice question was drawn from; null for all topics. */
  topicFilter: Topic | null;
  question: Question;
  locale: Locale;
  status: PostStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  scheduledFor: Date | null;
  message: MessageRef | null;
  sentAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  closeAttempts: number;
}

/** Returns a new random post id: 12 URL-safe characters, short enough for button action ids. */
export function newPostId(): string {
  return randomBytes(9).toString('base64url');
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
const dateOf = (text: string | null): Date | null => (text === null ? null : new Date(text));

function fromRow(row: Selectable<QuizPostsTable>): QuizPost {
  return {
    id: row.id,
    kind: row.kind as PostKind,
    place: { platform: row.platform as Place['platform'], groupId: row.group_id, channelId: row.channel_id },
    quizDay: row.quiz_day,
    ownerId: row.owner_id,
    topicFilter: row.topic_filter as Topic | null,
    question: JSON.parse(row.question) as Question,
    locale: row.locale as Locale,
    status: row.status as PostStatus,
    attempts: row.attempts,
    nextAttemptAt: dateOf(row.next_attempt_at),
    scheduledFor: dateOf(row.scheduled_for),
    message: row.message_id !== null ? { channelId: row.message_channel_id ?? row.channel_id, messageId: row.message_id } : null,
    sentAt: dateOf(row.sent_at),
    closesAt: dateOf(row.closes_at),
    closedAt: dateOf(row.closed_at),
    closeAttempts: row.close_attempts,
  };
}

/**
 * Inserts a post and returns false when the unique key (platform, group, channel, quiz day) already
 * contains one. For a daily post this single INSERT … ON CONFLICT DO NOTHING is the claim: SQLite runs
 * one statement as one write transaction and PostgreSQL makes it atomic, so of several processes that
 * race for the same day exactly one gets true.
 */
export async function insertPost(db: Kysely<Database>, post: QuizPost, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('quiz_posts')
    .values({
      id: post.id,
      kind: post.kind,
      platform: post.place.platform,
      group_id: post.place.groupId,
      channel_id: post.place.channelId,
      quiz_day: post.quizDay,
      owner_id: post.ownerId,
      topic_filter: post.topicFilter,
      question_id: post.question.id,
      question: JSON.stringify(post.question),
      entry_id: post.question.entryId,
      topic: post.question.topic,
      answer: post.question.answer,
      locale: post.locale,
      status: post.status,
      attempts: post.attempts,
      next_attempt_at: iso(post.nextAttemptAt),
      scheduled_for: iso(post.scheduledFor),
      message_channel_id: post.message?.channelId ?? null,
      message_id: post.message?.messageId ?? null,
      created_at: now.toISOString(),
      sent_at: iso(post.sentAt),
      closes_at: iso(post.closesAt),
      closed_at: iso(post.closedAt),
      close_attempts: post.closeAttempts,
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function getPost(db: Kysely<Database>, id: string): Promise<QuizPost | undefined> {
  const row = await db.selectFrom('quiz_posts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Returns whether a channel already has a post (of any status) for a quiz day. */
export async function hasDailyPost(db: Kysely<Database>, place: Place, quizDay: string): Promise<boolean> {
  const row = await db
    .selectFrom('quiz_posts')
    .select('id')
    .where('platform', '=', place.platform)
    .where('group_id', '=', place.groupId)
    .where('channel_id', '=', place.channelId)
    .where('quiz_day', '=', quizDay)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a successful send by attempt number `attempt`. */
export async function markSent(db: Kysely<Database>, id: string, attempt: number, ref: MessageRef, sentAt: Date, closesAt: Date | null): Promise<void> {
  await db
    .updateTable('quiz_posts')
    .set({ status: 'sent', attempts: attempt, message_channel_id: ref.channelId, message_id: ref.messageId, sent_at: sentAt.toISOString(), closes_at: iso(closesAt), next_attempt_at: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed send: `retry` at `retryAt`, or `failed` when `retryAt` is null. */
export async function markSendFailed(db: Kysely<Database>, id: string, attempts: number, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('quiz_posts')
    .set({ status: retryAt ? 'retry' : 'failed', attempts, next_attempt_at: iso(retryAt) })
    .where('id', '=', id)
    .execute();
}

/**
 * Takes the send of a `retry` post, or of a `sending` post whose lease ran out because its process
 * stopped, until `leaseUntil`. Returns false when another process took it first.
 */
export async function leasePost(db: Kysely<Database>, id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const result = await db
    .updateTable('quiz_posts')
    .set({ status: 'sending', next_attempt_at: leaseUntil.toISOString() })
    .where('id', '=', id)
    .where('status', 'in', ['retry', 'sending'])
    .where('next_attempt_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Lists posts due for another send attempt on `platforms`. */
export async function listDueSends(db: Kysely<Database>, now: Date, platforms: readonly string[]): Promise<QuizPost[]> {
  if (platforms.length === 0) return [];
  const rows = await db
    .selectFrom('quiz_posts')
    .selectAll()
    .where('status', 'in', ['retry', 'sending'])
    .where('next_attempt_at', '<=', now.toISOString())
    .where('platform', 'in', platforms)
    .orderBy('next_attempt_at')
    .execute();
  return rows.map(fromRow);
}

/** Lists sent public posts on `platforms` whose reveal is due. */
export async function listDueCloses(db: Kysely<Database>, now: Date, platforms: readonly string[]): Promise<QuizPost[]> {
  if (platforms.length === 0) return [];
  const rows = await db
    .selectFrom('quiz_posts')
    .selectAll()
    .where('status', '=', 'sent')
    .where('kind', 'in', PUBLIC_KINDS)
    .where('closed_at', 'is', null)
    .where('closes_at', '<=', now.toISOString())
    .where('platform', 'in', platforms)
    .orderBy('closes_at')
    .execute();
  return rows.map(fromRow);
}

/** Marks a post closed; returns false when another process closed it first. Answers stop from here on. */
export async function claimClose(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('quiz_posts').set({ closed_at: now.toISOString() }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Reopens a post whose reveal failed to send, so the reveal is tried again at `retryAt`. */
export async function releaseClose(db: Kysely<Database>, id: string, closeAttempts: number, retryAt: Date): Promise<void> {
  await db.updateTable('quiz_posts').set({ closed_at: null, close_attempts: closeAttempts, closes_at: retryAt.toISOString() }).where('id', '=', id).execute();
}

/** Records a reveal attempt count on a post that stays closed. */
export async function setCloseAttempts(db: Kysely<Database>, id: string, closeAttempts: number): Promise<void> {
  await db.updateTable('quiz_posts').set({ close_attempts: closeAttempts }).where('id', '=', id).execute();
}
