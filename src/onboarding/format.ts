import type { Locale } from '../i18n/index.js';

const FILLED = '■';
const EMPTY = '□';

/** Draws progress as squares, one per step, such as `■■■□□□` for 3 of 6. */
export function progressBar(done: number, total: number): string {
  const filled = Math.min(Math.max(done, 0), total);
  return FILLED.repeat(filled) + EMPTY.repeat(total - filled);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** Formats how long ago `then` was, seen from `now`, such as `3 日前` or `3 days ago`. */
export function timeAgo(then: Date, now: Date, locale: Locale): string {
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  const numeric = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return numeric.format(-Math.floor(seconds / size), unit);
  }
  // Under a minute reads as "now" rather than "0 seconds ago".
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
}
