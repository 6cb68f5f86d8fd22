import { t } from '../../i18n/index.js';
import { TOPICS, type Topic } from '../../knowledge/schema.js';
import { parseQuizAction, QUIZ_ACTION } from '../../quiz/actions.js';
import { answerPost } from '../../quiz/commands/answer.js';
import { askPractice, askReview } from '../../quiz/commands/ask.js';
import { setOrShowSchedule, stopSchedule } from '../../quiz/commands/schedule.js';
import { showLeaderboard, showMe } from '../../quiz/commands/scores.js';
import type { ActionHandler, CommandDefinition, OptionDefinition } from '../definition.js';
import { UserError } from '../errors.js';

const topicOption: OptionDefinition = {
  name: 'topic',
  nameJa: 'トピック',
  type: 'string',
  description: { ja: '出題するトピック（省略するとすべて）', en: 'Topic to ask about; all topics when left out' },
  choices: TOPICS.map((topic) => ({ value: topic, label: { ja: t('ja', `topic.${topic}`), en: t('en', `topic.${topic}`) } })),
};

const scheduleOptions: OptionDefinition[] = [
  { name: 'time', nameJa: '時刻', type: 'string', maxLength: 5, description: { ja: '出題する時刻 HH:MM（例: 09:00）', en: 'Local time to post, HH:MM, such as 09:00' } },
  { name: 'tz', nameJa: 'タイムゾーン', type: 'string', maxLength: 64, description: { ja: 'IANA タイムゾーン（既定: Asia/Tokyo）', en: 'IANA time zone; Asia/Tokyo by default' } },
  { name: 'days', nameJa: '曜日', type: 'string', maxLength: 64, description: { ja: '曜日（daily、mon-fri、mon,wed,fri、平日 など）', en: 'Weekdays: daily, mon-fri, mon,wed,fri, weekends' } },
  { name: 'topics', nameJa: 'トピック', type: 'string', maxLength: 200, description: { ja: 'トピックをカンマ区切りで（例: docker,systemd、既定: all）', en: 'Comma-separated topics such as docker,systemd; all by default' } },
  { name: 'close', nameJa: '締め切り', type: 'string', maxLength: 16, description: { ja: '答えを公開する時: next（次の出題、既定）か 90m、2h', en: 'When to reveal: next (the next post, default) or a duration such as 90m' } },
];

/** Reads the practice topic; an unknown one is a user error rather than a silent switch to all topics. */
function topicOf(value: unknown): Topic | undefined {
  if (typeof value !== 'string' || value.trim() === '' || value.trim().toLowerCase() === 'all') return undefined;

  const topic = value.trim().toLowerCase();
  if ((TOPICS as readonly string[]).includes(topic)) return topic as Topic;
  throw new UserError('quiz.schedule.badTopics', { value, topics: TOPICS.join(', ') });
}

/**
 * `/quiz`: practice, scores, leaderboard, review and the daily quiz schedule. Discord cannot run a
 * command that has subcommands by itself, so practice is also the `practice` subcommand. The shell
 * and Slack treat `/quiz` without a subcommand as practice.
 */
export const quizCommand: CommandDefinition = {
  name: 'quiz',
  nameJa: 'クイズ',
  description: { ja: 'クイズで学びます（練習・成績・ランキング・復習・毎日の出題）', en: 'Learn with quizzes: practice, scores, leaderboard, review, daily quiz' },
  usage: '/quiz practice topic:docker',
  options: [],
  subcommands: [
    { name: 'practice', nameJa: '練習', description: { ja: 'あなただけに練習問題を出します', en: 'Ask yourself a private practice question' }, options: [topicOption] },
    { name: 'me', nameJa: '成績', description: { ja: '回答数・正解数・連続正解日数・苦手なトピックを表示します', en: 'Show your answers, right answers, streaks and weakest topics' }, options: [] },
    { name: 'leaderboard', nameJa: 'ランキング', description: { ja: 'サーバーやワークスペースの今週と累計のランキング', en: 'Show this week\'s and the all-time ranking of this server or workspace' }, options: [] },
    { name: 'review', nameJa: '復習', description: { ja: '間違えた問題のうち、復習の時期が来たものを出します', en: 'Ask the questions you answered wrong that are due for review' }, options: [] },
    {
      name: 'schedule',
      nameJa: '予定',
      description: { ja: 'このチャンネルの毎日のクイズを設定・表示します（管理者のみ）', en: 'Set or show the daily quiz of this channel (admins only)' },
      options: scheduleOptions,
      adminOnly: true,
    },
    { name: 'stop', nameJa: '停止', description: { ja: 'このチャンネルの毎日のクイズを止めます（管理者のみ）', en: 'Stop the daily quiz of this channel (admins only)' }, options: [], adminOnly: true },
  ],
  handle(context, request) {
    switch (request.subcommand ?? 'practice') {
      case 'practice':
        return askPractice(context, request, topicOf(request.options.topic));
      case 'me':
        return showMe(context, request);
      case 'leaderboard':
        return showLeaderboard(context, request);
      case 'review':
        return askReview(context, request);
      case 'schedule':
        return setOrShowSchedule(context, request);
      case 'stop':
        return stopSchedule(context, request);
      default:
        throw new UserError('core.unknownCommand', { command: `quiz ${request.subcommand ?? ''}`.trim() });
    }
  },
};

/** Quiz buttons: `quiz:a:<postId>:<choice>` answers a post, `quiz:n:<topic>` opens another practice question, `quiz:r` the next review. */
export const quizAction: ActionHandler = {
  prefix: QUIZ_ACTION,
  handle(context, request, argument) {
    const action = parseQuizAction(argument);
    if (!action) throw new UserError('quiz.badAction');

    switch (action.type) {
      case 'answer':
        return answerPost(context, request, action.postId, action.choice);
      case 'next':
        return askPractice(context, request, action.topic);
      case 'review':
        return askReview(context, request);
    }
  },
};
