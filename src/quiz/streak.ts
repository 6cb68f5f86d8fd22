/** What a learner did on the quiz days of their channels, as the streak needs it. */
export interface StreakInput {
  /** Quiz days with a daily post in the learner's channels, as `YYYY-MM-DD`. */
  postedDays: readonly string[];
  /** Days on which the learner answered a daily post right. */
  correctDays: ReadonlySet<string>;
  /** Days on which the learner answered a daily post at all. */
  answeredDays: ReadonlySet<string>;
  /** Days whose posts still take answers. */
  openDays: ReadonlySet<string>;
}

export interface Streaks {
  current: number;
  longest: number;
}

/**
 * Counts consecutive quiz days answered right. Days without a post (weekends of a `mon-fri`
 * schedule, a skipped post) neither count nor break a streak; a posted day answered wrong or not at
 * all breaks it. The current streak ignores trailing days that are still open and unanswered, so
 * today's question does not reset it before the learner has had a chance.
 */
export function computeStreaks(input: StreakInput): Streaks {
  const days = [...new Set(input.postedDays)].sort();

  let longest = 0;
  let run = 0;
  for (const day of days) {
    run = input.correctDays.has(day) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }

  let end = days.length;
  while (end > 0) {
    const day = days[end - 1] as string;
    if (!input.openDays.has(day) || input.answeredDays.has(day)) break;
    end--;
  }

  let current = 0;
  for (let index = end - 1; index >= 0 && input.correctDays.has(days[index] as string); index--) current++;
  return { current, longest };
}
