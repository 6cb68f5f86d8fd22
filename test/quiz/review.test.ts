import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import type { Reply } from '../../src/core/reply.js';
import { t } from '../../src/i18n/index.js';
import { LEITNER_INTERVAL_DAYS } from '../../src/quiz/leitner.js';
import { DAY, FakeClock, HOUR, learnerRequest, quizCore, tempStore, type TempStore } from './support/harness.js';

let temp: TempStore;
let clock: FakeClock;
let core: Core;

beforeEach(async () => {
  temp = await tempStore();
  clock = new FakeClock('2025-01-06T00:00:00Z');
  core = quizCore(temp.store, clock);
});

afterEach(async () => {
  await temp.cleanup();
});

/** Answers the question `reply` shows, right or wrong, and returns the feedback. */
async function answer(reply: Reply, right: boolean): Promise<Reply> {
  const ids = reply.actions.flat().map((action) => action.id);
  const postId = ids[0]?.split(':')[2] ?? '';
  const row = await temp.store.db.selectFrom('quiz_posts').select('answer').where('id', '=', postId).executeTakeFirstOrThrow();
  const choice = right ? row.answer : (row.answer + 1) % 4;
  return core.handle(learnerRequest('learner', { command: '', actionId: ids[choice] }));
}

async function queue() {
  return temp.store.db.selectFrom('quiz_reviews').select(['question_id', 'box', 'due_at']).execute();
}

const review = () => core.handle(learnerRequest('learner', { subcommand: 'review' }));

describe('review', () => {
  it('follows the Leitner intervals of 1, 2, 4, 8 and 16 days', async () => {
    expect(LEITNER_INTERVAL_DAYS).toEqual([1, 2, 4, 8, 16]);
    const practice = await core.handle(learnerRequest('learner', { subcommand: 'practice' }));
    const wrong = await answer(practice, false);
    expect(wrong.blocks.some((block) => block.type === 'note' && block.text === t('ja', 'quiz.feedback.queued', { interval: t('ja', 'quiz.interval.one') }))).toBe(true);

    const [queued] = await queue();
    expect(queued).toMatchObject({ box: 1, due_at: '2025-01-07T00:00:00.000Z' });

    for (const [index, days] of LEITNER_INTERVAL_DAYS.entries()) {
      const box = index + 1;
      clock.advance(days * DAY - HOUR);
      expect((await review()).summary).toBe(t('ja', 'quiz.review.empty', { queued: 1 }));

      clock.advance(HOUR);
      const asked = await review();
      expect(asked.title).toBe(t('ja', 'quiz.review.title', { count: 1 }));
      const feedback = await answer(asked, true);
      expect(feedback.title).toBe(t('ja', 'quiz.feedback.right'));

      const after = await queue();
      if (box < LEITNER_INTERVAL_DAYS.length) {
        expect(after).toEqual([{ question_id: queued?.question_id, box: box + 1, due_at: new Date(clock.now().getTime() + (LEITNER_INTERVAL_DAYS[box] ?? 0) * DAY).toISOString() }]);
      } else {
        expect(after).toEqual([]);
        expect(feedback.blocks.some((block) => block.type === 'note' && block.text === t('ja', 'quiz.feedback.learned'))).toBe(true);
      }
    }
    expect((await review()).summary).toBe(t('ja', 'quiz.review.emptyNone'));
  });

  it('sends a question back to box 1 on a wrong review answer', async () => {
    await answer(await core.handle(learnerRequest('learner', { subcommand: 'practice' })), false);
    clock.advance(DAY);
    await answer(await review(), true);
    clock.advance(2 * DAY);
    await answer(await review(), true);
    expect((await queue())[0]?.box).toBe(3);

    clock.advance(4 * DAY);
    await answer(await review(), false);
    expect(await queue()).toEqual([expect.objectContaining({ box: 1, due_at: new Date(clock.now().getTime() + DAY).toISOString() })]);
  });

  it('offers the next due review question', async () => {
    for (let index = 0; index < 2; index++) await answer(await core.handle(learnerRequest('learner', { subcommand: 'practice' })), false);
    clock.advance(DAY);

    const first = await review();
    expect(first.title).toBe(t('ja', 'quiz.review.title', { count: 2 }));
    const feedback = await answer(first, true);
    expect(feedback.actions.flat().map((action) => action.id)).toContain('quiz:r');

    const second = await core.handle(learnerRequest('learner', { command: '', actionId: 'quiz:r' }));
    expect(second.title).toBe(t('ja', 'quiz.review.title', { count: 1 }));
  });
});
