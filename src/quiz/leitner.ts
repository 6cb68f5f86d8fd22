import { DAY_MS } from './calendar.js';

// Review follows the Leitner system of spaced repetition. A wrongly answered question enters box 1.
// A question in box n comes back LEITNER_INTERVAL_DAYS[n - 1] days after it was last answered. A right
// answer in review moves it up one box, a wrong answer anywhere sends it back to box 1, and a right
// answer in the last box takes it out of the queue.

/** Days until a question in box 1, 2, 3, 4 and 5 is due again. */
export const LEITNER_INTERVAL_DAYS = [1, 2, 4, 8, 16] as const;

export const FIRST_BOX = 1;
export const LAST_BOX = LEITNER_INTERVAL_DAYS.length;

/** Returns when a question placed in `box` at `from` is due: the box's interval in 24-hour days. */
export function dueAt(box: number, from: Date): Date {
  const days = LEITNER_INTERVAL_DAYS[Math.min(Math.max(box, FIRST_BOX), LAST_BOX) - 1] ?? 1;
  return new Date(from.getTime() + days * DAY_MS);
}

/** Returns the box after a review answer: one up when right, box 1 when wrong, undefined when learned. */
export function nextBox(box: number, correct: boolean): number | undefined {
  if (!correct) return FIRST_BOX;
  return box >= LAST_BOX ? undefined : box + 1;
}
