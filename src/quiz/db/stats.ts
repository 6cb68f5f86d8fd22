import type { Kysely } from 'kysely';
import type { Place } from '../../core/request.js';
import type { Database } from '../../store/schema.js';
import { computeStreaks, type Streaks } from '../streak.js';

/** A learner in one group (a Discord guild or Slack workspace). */
export interface GroupLearner {
  platform: Place['platform'];
  groupId: string;
  userId: string;
}

export interface TopicScore {
  topic: string;
  answered: number;
  correct: number;
}

export interface LearnerStats extends Streaks {
  answered: number;
  correct: number;
  topics: TopicScore[];
}

async function dailyStreaks(db: Kysely<Database>, learner: GroupLearner): Promise<Streaks> {
  const answers = await db
    .selectFrom('quiz_answers')
    .select(['channel_id', 'quiz_day', 'correct'])
    .where('platform', '=', learner.platform)
    .where('group_id', '=', learner.groupId)
    .where('user_id', '=', learner.userId)
    .where('kind', '=', 'daily')
    .execute();
  const channels = [...new Set(answers.map((answer) => answer.channel_id))];
  if (channels.length === 0) return { current: 0, longest: 0 };

  // Only the channels the learner takes part in count, so another channel's quiz breaks no streak.
  const posts = await db
    .selectFrom('quiz_posts')
    .select(['quiz_day', 'closed_at'])
    .where('platform', '=', learner.platform)
    .where('group_id', '=', learner.groupId)
    .where('channel_id', 'in', channels)
    .where('kind', '=', 'daily')
    .where('status', '=', 'sent')
    .execute();

  const days = (rows: readonly { quiz_day: string | null }[]): string[] => rows.flatMap((row) => (row.quiz_day ? [row.quiz_day] : []));
  return computeStreaks({
    postedDays: days(posts),
    correctDays: new Set(days(answers.filter((answer) => answer.correct === 1))),
    answeredDays: new Set(days(answers)),
    openDays: new Set(days(posts.filter((post) => post.closed_at === null))),
  });
}

/** Collects a learner's totals, per-topic scores and daily streaks in one group. */
export async function learnerStats(db: Kysely<Database>, learner: GroupLearner): Promise<LearnerStats> {
  const rows = await db
    .selectFrom('quiz_answers')
    .select((eb) => ['topic', eb.fn.countAll().as('answered'), eb.fn.sum<number>('correct').as('correct')])
    .where('platform', '=', learner.platform)
    .where('group_id', '=', learner.groupId)
    .where('user_id', '=', learner.userId)
    .groupBy('topic')
    .execute();
  const topics = rows.map((row) => ({ topic: row.topic, answered: Number(row.answered), correct: Number(row.correct ?? 0) }));
  const answered = topics.reduce((sum, topic) => sum + topic.answered, 0);
  const correct = topics.reduce((sum, topic) => sum + topic.correct, 0);
  return { answered, correct, topics, ...(await dailyStreaks(db, learner)) };
}

export interface LeaderboardRow {
  userId: string;
  name: string | null;
  correct: number;
  answered: number;
}

/**
 * Ranks a group's learners by right answers to daily posts since `since` (all time when undefined),
 * then by fewer answers, so accuracy breaks ties.
 */
export async function leaderboard(db: Kysely<Database>, platform: string, groupId: string, since: Date | undefined, limit: number): Promise<LeaderboardRow[]> {
  let query = db
    .selectFrom('quiz_answers')
    .select((eb) => ['user_id', eb.fn.max('user_name').as('name'), eb.fn.sum<number>('correct').as('correct'), eb.fn.countAll().as('answered')])
    .where('platform', '=', platform)
    .where('group_id', '=', groupId)
    .where('kind', '=', 'daily');
  if (since) query = query.where('answered_at', '>=', since.toISOString());

  const rows = await query.groupBy('user_id').orderBy('correct', 'desc').orderBy('answered', 'asc').orderBy('user_id').limit(limit).execute();
  return rows
    .map((row) => ({ userId: row.user_id, name: row.name ?? null, correct: Number(row.correct ?? 0), answered: Number(row.answered) }))
    .filter((row) => row.correct > 0);
}
