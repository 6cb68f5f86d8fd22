import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { calendarDay, weekStart } from '../../src/quiz/calendar.js';
import { cronPattern, latestRun, nextRun, parseClose, parseDays, parseTime, parseTimeZone, parseTopics } from '../../src/quiz/schedule.js';

function errorKey(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.key;
    throw error;
  }
  return undefined;
}

describe('schedule options', () => {
  it('parses times', () => {
    expect(parseTime('09:00')).toBe('09:00');
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('２３：５９')).toBe('23:59');
    for (const bad of ['24:00', '9', '09:60', 'noon', '']) expect(errorKey(() => parseTime(bad))).toBe('quiz.schedule.badTime');
  });

  it('validates IANA time zones', () => {
    expect(parseTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(parseTimeZone('america/new_york')).toBe('America/New_York');
    expect(parseTimeZone('UTC')).toBe('UTC');
    for (const bad of ['Mars/Base', '+09:00', 'JST+9', '']) expect(errorKey(() => parseTimeZone(bad))).toBe('quiz.schedule.badTimeZone');
  });

  it('parses weekdays', () => {
    expect(parseDays('daily')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDays('fri-mon')).toEqual([0, 1, 5, 6]);
    expect(parseDays('weekends')).toEqual([0, 6]);
    expect(parseDays('平日')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('月〜金')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('月、水、金')).toEqual([1, 3, 5]);
    expect(parseDays('Monday, Tuesday')).toEqual([1, 2]);
    for (const bad of ['someday', 'mon-fri-sat', '', ',']) expect(errorKey(() => parseDays(bad))).toBe('quiz.schedule.badDays');
  });

  it('parses topics', () => {
    expect(parseTopics('docker,systemd')).toEqual(['docker', 'systemd']);
    expect(parseTopics('all')).toEqual([]);
    expect(errorKey(() => parseTopics('docker,kubernetes'))).toBe('quiz.schedule.badTopics');
  });

  it('parses the close time', () => {
    expect(parseClose('next')).toBeNull();
    expect(parseClose('90')).toBe(90);
    expect(parseClose('90m')).toBe(90);
    expect(parseClose('2h')).toBe(120);
    for (const bad of ['0', 'soon', '9999h']) expect(errorKey(() => parseClose(bad))).toBe('quiz.schedule.badClose');
  });

  it('builds the croner pattern', () => {
    expect(cronPattern({ time: '09:05', days: [1, 2, 3, 4, 5] })).toBe('5 9 * * 1,2,3,4,5');
  });
});

describe('run times', () => {
  const tokyo = { time: '09:00', timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5] };

  it('skips days that are not scheduled', () => {
    // Friday 2025-01-03 10:00 in Tokyo: the next run is Monday.
    expect(nextRun(tokyo, new Date('2025-01-03T01:00:00Z'))?.toISOString()).toBe('2025-01-06T00:00:00.000Z');
  });

  it('counts a run at the exact minute as due', () => {
    expect(latestRun(tokyo, new Date('2025-01-06T00:00:00Z'))?.toISOString()).toBe('2025-01-06T00:00:00.000Z');
    expect(latestRun(tokyo, new Date('2025-01-05T23:59:59Z'))?.toISOString()).toBe('2025-01-03T00:00:00.000Z');
  });

  it('gives the calendar day of the time zone', () => {
    expect(calendarDay(new Date('2025-01-06T15:00:00Z'), 'Asia/Tokyo')).toBe('2025-01-07');
    expect(calendarDay(new Date('2025-01-06T15:00:00Z'), 'America/New_York')).toBe('2025-01-06');
  });

  it('starts the week on Monday midnight', () => {
    // Sunday 2025-01-12 23:00 in Tokyo belongs to the week of Monday 2025-01-06.
    expect(weekStart(new Date('2025-01-12T14:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2025-01-05T15:00:00.000Z');
    expect(weekStart(new Date('2025-01-05T15:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2025-01-05T15:00:00.000Z');
  });
});
