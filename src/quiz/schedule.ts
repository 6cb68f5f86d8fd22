import { Cron } from 'croner';
import { UserError } from '../core/errors.js';
import type { Platform } from '../core/request.js';
import type { Locale } from '../i18n/index.js';
import { TOPICS, type Topic } from '../knowledge/schema.js';

/** Time zone of a schedule set without `tz`. */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** Longest configurable time from a post to its reveal: one week, in minutes. */
export const MAX_CLOSE_MINUTES = 7 * 24 * 60;

/** A channel's daily quiz: when to post, what to ask, and when to reveal the answer. */
export interface QuizSchedule {
  platform: Platform;
  groupId: string;
  channelId: string;
  /** Local time `HH:MM`. */
  time: string;
  /** IANA time zone name, such as `Asia/Tokyo`. */
  timeZone: string;
  /** Weekdays to post on, 0 (Sunday) to 6 (Saturday), sorted. */
  days: number[];
  /** Topics to draw from; empty means every topic. */
  topics: Topic[];
  /** Minutes from a post to its reveal; null reveals when the next post is due. */
  closeMinutes: number | null;
  /** Language of the public posts: that of the admin who set the schedule. */
  locale: Locale;
  createdBy: string;
  /** Runs before this moment are never posted, so a new or changed schedule does not post for the past. */
  updatedAt: Date;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Day words a user may type, in English or Japanese, mapped to day numbers. */
const DAY_WORDS = new Map<string, number>([
  ...DAY_NAMES.map((name, index) => [name, index] as const),
  ...['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((name, index) => [name, index] as const),
  ...['日', '月', '火', '水', '木', '金', '土'].flatMap((name, index) => [[name, index], [`${name}曜`, index], [`${name}曜日`, index]] as const),
]);

/** Words that name a whole set of days. */
const DAY_SETS = new Map<string, number[]>([
  ['daily', ALL_DAYS],
  ['everyday', ALL_DAYS],
  ['every-day', ALL_DAYS],
  ['all', ALL_DAYS],
  ['*', ALL_DAYS],
  ['毎日', ALL_DAYS],
  ['weekdays', WEEKDAYS],
  ['平日', WEEKDAYS],
  ['weekends', [0, 6]],
  ['weekend', [0, 6]],
  ['土日', [0, 6]],
  ['週末', [0, 6]],
]);

function normalized(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** Parses `HH:MM` (or `H:MM`, full-width digits too) into `HH:MM`. */
export function parseTime(raw: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(normalized(raw));
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new UserError('quiz.schedule.badTime', { value: raw });
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Validates an IANA time zone name and returns its canonical spelling, such as `Asia/Tokyo` for `asia/tokyo`. */
export function parseTimeZone(raw: string): string {
  const name = raw.trim();
  // Intl accepts UTC offsets such as +09:00 on some versions; a schedule needs a named zone with DST rules.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) throw new UserError('quiz.schedule.badTimeZone', { value: raw });
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new UserError('quiz.schedule.badTimeZone', { value: raw });
  }
}

function parseDayWord(word: string, raw: string): number {
  const day = DAY_WORDS.get(word);
  if (day === undefined) throw new UserError('quiz.schedule.badDays', { value: raw });
  return day;
}

/**
 * Parses weekdays: `daily`, `weekdays`, `weekends`, a list such as `mon,wed,fri`, a range such as
 * `mon-fri` (a range may wrap, as `fri-mon`), or the Japanese `毎日`, `平日`, `月-金`, `月,水,金`.
 */
export function parseDays(raw: string): number[] {
  const text = normalized(raw);
  const days = new Set<number>();
  for (const part of text.split(/[,、\s]+/).filter((word) => word !== '')) {
    const set = DAY_SETS.get(part);
    if (set) {
      for (const day of set) days.add(day);
      continue;
    }

    const range = part.split(/[-~〜–]/);
    if (range.length === 1) {
      days.add(parseDayWord(part, raw));
    } else if (range.length === 2) {
      const start = parseDayWord(range[0] ?? '', raw);
      const end = parseDayWord(range[1] ?? '', raw);
      for (let day = start; ; day = (day + 1) % 7) {
        days.add(day);
        if (day === end) break;
      }
    } else {
      throw new UserError('quiz.schedule.badDays', { value: raw });
    }
  }
  if (days.size === 0) throw new UserError('quiz.schedule.badDays', { value: raw });
  return [...days].sort((a, b) => a - b);
}

/** Parses a comma-separated topic list; `all` or an empty text means every topic. */
export function parseTopics(raw: string): Topic[] {
  const words = normalized(raw).split(/[,、\s]+/).filter((word) => word !== '');
  if (words.length === 0 || words.includes('all')) return [];

  const unknown = words.filter((word) => !(TOPICS as readonly string[]).includes(word));
  if (unknown.length > 0) throw new UserError('quiz.schedule.badTopics', { value: unknown.join(', '), topics: TOPICS.join(', ') });
  return TOPICS.filter((topic) => words.includes(topic));
}

/** Parses when to reveal: `next` (at the next post) or a duration such as `90`, `90m` or `2h`. */
export function parseClose(raw: string): number | null {
  const text = normalized(raw);
  if (text === 'next' || text === '次' || text === '次回') return null;

  const match = /^(\d+)\s*(m|min|h|hour|hours|分|時間)?$/.exec(text);
  const minutes = match ? Number(match[1]) * (match[2] && /^(h|hour|hours|時間)$/.test(match[2]) ? 60 : 1) : NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_CLOSE_MINUTES) {
    throw new UserError('quiz.schedule.badClose', { value: raw, max: MAX_CLOSE_MINUTES / 60 });
  }
  return minutes;
}

/** Encodes days for storage, such as `mon,tue,wed`. */
export function encodeDays(days: readonly number[]): string {
  return days.map((day) => DAY_NAMES[day]).join(',');
}

/** Decodes stored days; the stored text was written by encodeDays. */
export function decodeDays(text: string): number[] {
  return text.split(',').map((name) => DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number])).filter((day) => day >= 0);
}

/** Builds the croner pattern of a schedule, such as `0 9 * * 1,2,3,4,5`. */
export function cronPattern(schedule: Pick<QuizSchedule, 'time' | 'days'>): string {
  const [hour, minute] = schedule.time.split(':').map(Number);
  return `${minute} ${hour} * * ${schedule.days.join(',')}`;
}

function cronOf(schedule: Pick<QuizSchedule, 'time' | 'days' | 'timeZone'>): Cron {
  return new Cron(cronPattern(schedule), { timezone: schedule.timeZone, paused: true });
}

/**
 * Returns the first run strictly after `after`, computed by croner in the schedule's time zone. On a
 * spring-forward day a time inside the skipped hour runs once, at the first valid minute after it;
 * on a fall-back day a time in the repeated hour runs once, at its first occurrence.
 */
export function nextRun(schedule: Pick<QuizSchedule, 'time' | 'days' | 'timeZone'>, after: Date): Date | undefined {
  return cronOf(schedule).nextRun(after) ?? undefined;
}

/** Returns the latest run at or before `at`, or undefined when there is none. */
export function latestRun(schedule: Pick<QuizSchedule, 'time' | 'days' | 'timeZone'>, at: Date): Date | undefined {
  return cronOf(schedule).previousRuns(1, new Date(at.getTime() + 1))[0];
}
