import { createReply, type Reply } from '../../core/reply.js';
import { t, type Locale } from '../../i18n/index.js';
import { localDateTime } from '../calendar.js';
import type { QuizSchedule } from '../schedule.js';
import { describeDays, describeTopics } from './format.js';

/** Builds the view of a channel's schedule, with its next run on the schedule's own wall clock. */
export function scheduleReply(schedule: QuizSchedule, next: Date | undefined, locale: Locale, saved: boolean): Reply {
  const close =
    schedule.closeMinutes === null ? t(locale, 'quiz.schedule.closeNext') : t(locale, 'quiz.schedule.closeMinutes', { minutes: schedule.closeMinutes });
  return createReply(locale, {
    title: t(locale, 'quiz.schedule.title'),
    summary: saved ? t(locale, 'quiz.schedule.saved') : undefined,
    blocks: [
      {
        type: 'fields',
        fields: [
          { name: t(locale, 'quiz.schedule.time'), value: schedule.time },
          { name: t(locale, 'quiz.schedule.timeZone'), value: schedule.timeZone },
          { name: t(locale, 'quiz.schedule.days'), value: describeDays(schedule.days, locale) },
          { name: t(locale, 'quiz.schedule.topics'), value: describeTopics(schedule.topics, locale) },
          { name: t(locale, 'quiz.schedule.close'), value: close },
          { name: t(locale, 'quiz.schedule.next'), value: next ? `${localDateTime(next, schedule.timeZone)} (${schedule.timeZone})` : t(locale, 'quiz.schedule.noNext') },
        ],
      },
    ],
    ephemeral: true,
    tone: saved ? 'success' : 'info',
  });
}
