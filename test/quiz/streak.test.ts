import { describe, expect, it } from 'vitest';
import { computeStreaks } from '../../src/quiz/streak.js';

const none = new Set<string>();

describe('streaks', () => {
  it('count consecutive quiz days answered right', () => {
    const days = ['2025-01-06', '2025-01-07', '2025-01-08'];
    expect(computeStreaks({ postedDays: days, correctDays: new Set(days), answeredDays: new Set(days), openDays: none })).toEqual({ current: 3, longest: 3 });
  });

  it('break on a posted day left unanswered', () => {
    const days = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09'];
    const correct = new Set(['2025-01-06', '2025-01-07', '2025-01-09']);
    expect(computeStreaks({ postedDays: days, correctDays: correct, answeredDays: correct, openDays: none })).toEqual({ current: 1, longest: 2 });
  });

  it('break on a wrong answer', () => {
    const days = ['2025-01-06', '2025-01-07'];
    expect(computeStreaks({ postedDays: days, correctDays: new Set(['2025-01-06']), answeredDays: new Set(days), openDays: none })).toEqual({ current: 0, longest: 1 });
  });

  it('keep going over a day without a post', () => {
    // Friday and Monday of a mon-fri schedule.
    const days = ['2025-01-03', '2025-01-06'];
    expect(computeStreaks({ postedDays: days, correctDays: new Set(days), answeredDays: new Set(days), openDays: none })).toEqual({ current: 2, longest: 2 });
  });

  it('wait for today before breaking the current streak', () => {
    const days = ['2025-01-06', '2025-01-07'];
    const open = new Set(['2025-01-07']);
    expect(computeStreaks({ postedDays: days, correctDays: new Set(['2025-01-06']), answeredDays: new Set(['2025-01-06']), openDays: open })).toEqual({ current: 1, longest: 1 });
  });
});
