import type { CoreContext } from '../../core/definition.js';
import { UserError } from '../../core/errors.js';
import { createReply, type Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import { t } from '../../i18n/index.js';
import { deleteSchedule, getSchedule, saveSchedule } from '../db/schedules.js';
import { questionBankFor } from '../questions/bank.js';
import { scheduleReply } from '../replies/schedule.js';
import { DEFAULT_TIME_ZONE, nextRun, parseClose, parseDays, parseTime, parseTimeZone, parseTopics, type QuizSchedule } from '../schedule.js';

/** Options of `/quiz schedule`; any of them set means "change", none means "show". */
export const SCHEDULE_OPTIONS = ['time', 'tz', 'days', 'topics', 'close'] as const;

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** Raises the private "admins only" user error for a requester who is not an admin. */
export function requireAdmin(request: Request): void {
  if (!request.user.isAdmin) throw new UserError('quiz.adminOnly');
}

function option(request: Request, name: (typeof SCHEDULE_OPTIONS)[number]): string | undefined {
  const value = request.options[name];
  if (value === undefined || value === '') return undefined;
  return String(value);
}

/**
 * Shows the channel's schedule, or creates or changes it with the options given. Options left out
 * keep their current value; a new schedule needs `time` and defaults to Asia/Tokyo, every day, all
 * topics, closing at the next post.
 */
export async function setOrShowSchedule(context: CoreContext, request: Request): Promise<Reply> {
  requireAdmin(request);

  const db = context.store.db;
  const locale = request.locale;
  const now = context.now();
  const existing = await getSchedule(db, request.place);
  if (SCHEDULE_OPTIONS.every((name) => option(request, name) === undefined)) {
    if (!existing) return createReply(locale, { title: t(locale, 'quiz.schedule.title'), summary: t(locale, 'quiz.schedule.none'), ephemeral: true });
    return scheduleReply(existing, nextRun(existing, now), locale, false);
  }

  const time = option(request, 'time');
  const tz = option(request, 'tz');
  const days = option(request, 'days');
  const topics = option(request, 'topics');
  const close = option(request, 'close');
  if (!existing && time === undefined) throw new UserError('quiz.schedule.needTime');

  const schedule: QuizSchedule = {
    ...request.place,
    time: time !== undefined ? parseTime(time) : (existing?.time ?? ''),
    timeZone: tz !== undefined ? parseTimeZone(tz) : (existing?.timeZone ?? DEFAULT_TIME_ZONE),
    days: days !== undefined ? parseDays(days) : (existing?.days ?? EVERY_DAY),
    topics: topics !== undefined ? parseTopics(topics) : (existing?.topics ?? []),
    closeMinutes: close !== undefined ? parseClose(close) : (existing?.closeMinutes ?? null),
    locale,
    createdBy: request.user.id,
    updatedAt: now,
  };
  if (questionBankFor(context.knowledge).pool(schedule.topics).length === 0) {
    throw new UserError('quiz.noQuestions', { topics: schedule.topics.join(', ') });
  }

  await saveSchedule(db, schedule);
  context.logger.info({ platform: schedule.platform, group: schedule.groupId, channel: schedule.channelId, time: schedule.time, timeZone: schedule.timeZone, user: request.user.id }, 'quiz schedule saved');
  return scheduleReply(schedule, nextRun(schedule, now), locale, true);
}

/** Stops the channel's daily quiz; posts already made still close and reveal as planned. */
export async function stopSchedule(context: CoreContext, request: Request): Promise<Reply> {
  requireAdmin(request);

  const deleted = await deleteSchedule(context.store.db, request.place);
  const locale = request.locale;
  if (deleted) context.logger.info({ platform: request.place.platform, group: request.place.groupId, channel: request.place.channelId, user: request.user.id }, 'quiz schedule stopped');
  return createReply(locale, {
    title: t(locale, 'quiz.schedule.title'),
    summary: t(locale, deleted ? 'quiz.schedule.stopped' : 'quiz.schedule.none'),
    ephemeral: true,
    tone: deleted ? 'success' : 'info',
  });
}
