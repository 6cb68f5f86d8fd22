import { createReply, type Block, type Reply } from '../../core/reply.js';
import { t, type Locale } from '../../i18n/index.js';
import type { LeaderboardRow, LearnerStats } from '../db/stats.js';
import { percent, topicName } from './format.js';

/** Weakest topics shown by /quiz me. */
export const WEAKEST_SHOWN = 3;
/** Answers a topic needs before it can count as weak, so one unlucky answer does not. */
export const MIN_ANSWERS_FOR_WEAKNESS = 2;

/** Returns the topics with the lowest share of right answers, leaving out those answered all right. */
export function weakestTopics(stats: LearnerStats): LearnerStats['topics'] {
  return stats.topics
    .filter((topic) => topic.answered >= MIN_ANSWERS_FOR_WEAKNESS && topic.correct < topic.answered)
    .sort((a, b) => a.correct / a.answered - b.correct / b.answered || b.answered - a.answered || a.topic.localeCompare(b.topic))
    .slice(0, WEAKEST_SHOWN);
}

/** Builds /quiz me: totals, streaks, the review list and the weakest topics. */
export function meReply(stats: LearnerStats, review: { queued: number; due: number }, locale: Locale): Reply {
  if (stats.answered === 0 && review.queued === 0) {
    return createReply(locale, { title: t(locale, 'quiz.me.title'), summary: t(locale, 'quiz.me.none'), ephemeral: true });
  }

  const weakest = weakestTopics(stats).map((topic) =>
    t(locale, 'quiz.me.topicScore', { topic: topicName(topic.topic, locale), correct: topic.correct, answered: topic.answered, percent: percent(topic.correct, topic.answered) }),
  );
  return createReply(locale, {
    title: t(locale, 'quiz.me.title'),
    blocks: [
      {
        type: 'fields',
        fields: [
          { name: t(locale, 'quiz.me.answered'), value: String(stats.answered) },
          { name: t(locale, 'quiz.me.correct'), value: t(locale, 'quiz.me.correctValue', { count: stats.correct, percent: percent(stats.correct, stats.answered) }) },
          { name: t(locale, 'quiz.me.streak'), value: t(locale, 'quiz.me.streakValue', { current: stats.current, longest: stats.longest }) },
          { name: t(locale, 'quiz.me.review'), value: t(locale, 'quiz.me.reviewValue', review) },
        ],
      },
      weakest.length > 0
        ? { type: 'list', heading: t(locale, 'quiz.me.weakest'), items: weakest }
        : { type: 'text', heading: t(locale, 'quiz.me.weakest'), text: t(locale, 'quiz.me.noWeakTopic') },
    ],
    ephemeral: true,
  });
}

function rankingBlock(board: readonly LeaderboardRow[], heading: string, locale: Locale): Block {
  if (board.length === 0) return { type: 'text', heading, text: t(locale, 'quiz.leaderboard.empty') };
  return {
    type: 'list',
    heading,
    ordered: true,
    items: board.map((row) => t(locale, 'quiz.leaderboard.row', { name: row.name ?? row.userId, correct: row.correct, answered: row.answered })),
  };
}

/** Builds /quiz leaderboard: this week's and all-time ranking of a guild or workspace. */
export function leaderboardReply(week: readonly LeaderboardRow[], allTime: readonly LeaderboardRow[], weekLabel: string, locale: Locale): Reply {
  return createReply(locale, {
    title: t(locale, 'quiz.leaderboard.title'),
    blocks: [
      rankingBlock(week, t(locale, 'quiz.leaderboard.week', { since: weekLabel }), locale),
      rankingBlock(allTime, t(locale, 'quiz.leaderboard.allTime'), locale),
    ],
  });
}
