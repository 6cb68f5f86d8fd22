import { Cron } from 'croner';

/** Milliseconds in a day of 24 hours; review intervals count in these, not in calendar days. */
export const DAY_MS = 24 * 60 * 60 * 1000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function cached(formats: Map<string, Intl.DateTimeFormat>, timeZone: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = create();
    formats.set(timeZone, format);
  }
  return format;
}

/** Returns the calendar day of `date` in `timeZone` as `YYYY-MM-DD`, the quiz day of a post. */
export function calendarDay(date: Date, timeZone: string): string {
  const format = cached(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return format.format(date);
}

/** Formats `date` as `YYYY-MM-DD HH:MM` on the wall clock of `timeZone`. */
export function localDateTime(date: Date, timeZone: string): string {
  const format = cached(clockFormats, timeZone, () =>
    new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
  return format.format(date);
}

/** Returns the start of the week (Monday 00:00) that contains `now` in `timeZone`. */
export function weekStart(now: Date, timeZone: string): Date {
  const mondays = new Cron('0 0 * * 1', { timezone: timeZone, paused: true });
  // previousRuns looks strictly before its reference, so 1 ms later includes a Monday midnight itself.
  const [start] = mondays.previousRuns(1, new Date(now.getTime() + 1));
  return start ?? new Date(now.getTime() - 7 * DAY_MS);
}
