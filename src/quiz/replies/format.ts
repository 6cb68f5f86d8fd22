import { t, type Locale } from '../../i18n/index.js';
import type { Topic } from '../../knowledge/schema.js';

/** Returns the display name of a topic, as /topics shows it. */
export function topicName(topic: string, locale: Locale): string {
  return t(locale, `topic.${topic as Topic}`);
}

/** Returns `part` as a whole percentage of `whole`, 0 when there is nothing to divide. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** Describes weekdays as a reader says them: every day, weekdays, weekends, or a list such as Mon, Wed. */
export function describeDays(days: readonly number[], locale: Locale): string {
  const key = days.join(',');
  if (key === '0,1,2,3,4,5,6') return t(locale, 'quiz.days.daily');
  if (key === '1,2,3,4,5') return t(locale, 'quiz.days.weekdays');
  if (key === '0,6') return t(locale, 'quiz.days.weekends');

  const names = t(locale, 'quiz.days.names').split(',');
  // Monday first, as calendars in Japan and Europe print a week.
  const ordered = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return ordered.map((day) => names[day] ?? String(day)).join(t(locale, 'quiz.days.separator'));
}

/** Describes a topic filter: the topic names, or "all". */
export function describeTopics(topics: readonly string[], locale: Locale): string {
  if (topics.length === 0) return t(locale, 'quiz.schedule.allTopics');
  return topics.map((topic) => topicName(topic, locale)).join(', ');
}
