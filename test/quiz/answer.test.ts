import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import type { Reply } from '../../src/core/reply.js';
import { t } from '../../src/i18n/index.js';
import { topicName } from '../../src/quiz/replies/format.js';
import type { QuizScheduler } from '../../src/quiz/scheduler.js';
import { RecordingPublisher } from './support/recording-publisher.js';
import { FakeClock, MINUTE, fixtureKnowledge, learnerRequest, quizCore, schedule, scheduler, tempStore, type TempStore } from './support/harness.js';

let temp: TempStore;
let clock: FakeClock;
let publisher: RecordingPublisher;
let quiz: QuizScheduler;
let core: Core;

beforeEach(async () => {
  temp = await tempStore();
  clock = new FakeClock('2025-01-06T00:00:00Z');
  publisher = new RecordingPublisher();
  quiz = scheduler(temp.store, clock, publisher);
  core = quizCore(temp.store, clock);
  await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
  await quiz.tick();
});

afterEach(async () => {
  await quiz.stop();
  await temp.cleanup();
});

/** Returns the action ids of a post, its right choice and its topic, as stored. */
async function dailyPost(index = 0): Promise<{ ids: string[]; answer: number; topic: string }> {
  const posted = publisher.posts[index];
  if (!posted) throw new Error('nothing was posted');
  const ids = posted.reply.actions.flat().map((action) => action.id);
  const postId = ids[0]?.split(':')[2] ?? '';
  const row = await temp.store.db.selectFrom('quiz_posts').select(['answer', 'topic']).where('id', '=', postId).executeTakeFirstOrThrow();
  return { ids, answer: row.answer, topic: row.topic };
}

async function click(userId: string, actionId: string): Promise<Reply> {
  return core.handle(learnerRequest(userId, { command: '', actionId }));
}

describe('answering', () => {
  it('commits the answer and returns private feedback with the explanation and the card', async () => {
    const { ids, answer } = await dailyPost();
    const reply = await click('u1', ids[answer] ?? '');

    const rows = await temp.store.db.selectFrom('quiz_answers').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: 'u1', user_name: 'name-u1', choice: answer, correct: 1, quiz_day: '2025-01-06' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toBe(t('ja', 'quiz.feedback.right'));
    expect(reply.blocks.some((block) => block.type === 'text' && block.heading === t('ja', 'quiz.explanation'))).toBe(true);
    expect(reply.actions.flat().map((action) => action.id)).toContain(`card:${rows[0]?.entry_id}`);
  });

  it('keeps the first answer when a learner clicks twice', async () => {
    const { ids, answer } = await dailyPost();
    const wrong = (answer + 1) % 4;
    const first = await click('u1', ids[wrong] ?? '');
    const second = await click('u1', ids[answer] ?? '');

    expect(first.title).toBe(t('ja', 'quiz.feedback.wrong'));
    expect(second.ephemeral).toBe(true);
    expect(second.tone).toBe('error');
    expect(second.summary).toBe(t('ja', 'quiz.alreadyAnswered', { result: t('ja', 'quiz.alreadyAnsweredWrong') }));
    const rows = await temp.store.db.selectFrom('quiz_answers').select(['choice', 'correct']).execute();
    expect(rows).toEqual([{ choice: wrong, correct: 0 }]);
  });

  it('records two learners answering at once and shows the count', async () => {
    const { ids, answer, topic } = await dailyPost();
    const replies = await Promise.all([click('u1', ids[answer] ?? ''), click('u2', ids[answer] ?? '')]);
    await quiz.settle();

    expect(replies.map((reply) => reply.title)).toEqual([t('ja', 'quiz.feedback.right'), t('ja', 'quiz.feedback.right')]);
    const count = await temp.store.db.selectFrom('quiz_answers').select((eb) => eb.fn.countAll().as('count')).executeTakeFirst();
    expect(Number(count?.count)).toBe(2);
    const shown = publisher.latest(publisher.posts[0]?.ref ?? { channelId: '', messageId: '' });
    expect(shown?.footer).toBe(t('ja', 'quiz.post.footer', { topic: topicName(topic, 'ja'), count: 2 }));
  });

  it('coalesces count updates of a burst of answers', async () => {
    const { ids, answer, topic } = await dailyPost();
    const learners = Array.from({ length: 12 }, (_, index) => `burst-${index}`);
    await Promise.all(learners.map((learner) => click(learner, ids[answer] ?? '')));
    await quiz.settle();

    const shown = publisher.latest(publisher.posts[0]?.ref ?? { channelId: '', messageId: '' });
    expect(shown?.footer).toBe(t('ja', 'quiz.post.footer', { topic: topicName(topic, 'ja'), count: learners.length }));
    expect(publisher.updates.length).toBeLessThan(learners.length);
  });

  it('reveals the answer, the share right and the fastest at the next post', async () => {
    const { ids, answer } = await dailyPost();
    const wrong = (answer + 1) % 4;
    clock.advance(MINUTE);
    await click('slow', ids[answer] ?? '');
    clock.advance(-30_000);
    await click('fast', ids[answer] ?? '');
    await click('wrong', ids[wrong] ?? '');
    await quiz.settle();

    clock.set('2025-01-07T00:00:00Z');
    const report = await quiz.tick();
    expect(report).toMatchObject({ closed: 1, posted: 1 });

    const reveal = publisher.latest(publisher.posts[0]?.ref ?? { channelId: '', messageId: '' });
    expect(reveal?.title).toBe(t('ja', 'quiz.reveal.title', { day: '2025-01-06' }));
    const fields = reveal?.blocks.flatMap((block) => (block.type === 'fields' ? block.fields : [])) ?? [];
    expect(fields.map((field) => field.value)).toEqual([t('ja', 'quiz.reveal.answeredValue', { count: 3 }), t('ja', 'quiz.reveal.correctValue', { count: 2, percent: 67 })]);
    const fastest = reveal?.blocks.find((block) => block.type === 'list' && block.heading === t('ja', 'quiz.reveal.fastest'));
    expect(fastest).toMatchObject({ items: ['name-fast', 'name-slow'] });

    const late = await click('late', ids[answer] ?? '');
    expect(late.summary).toBe(t('ja', 'quiz.closed'));
  });

  it('reveals after the configured minutes', async () => {
    await schedule(temp.store, { closeMinutes: 30, updatedAt: new Date('2025-01-06T00:10:00Z') });
    clock.set('2025-01-07T00:00:00Z');
    await quiz.tick();
    expect(publisher.posts).toHaveLength(2);

    clock.set('2025-01-07T00:29:00Z');
    expect((await quiz.tick()).closed).toBe(0);
    clock.set('2025-01-07T00:30:00Z');
    expect((await quiz.tick()).closed).toBe(1);
  });

  it('still reveals a post after the schedule was stopped', async () => {
    const admin = { ...learnerRequest('admin', { subcommand: 'stop' }), user: { id: 'admin', isAdmin: true } };
    const stopped = await core.handle(admin);
    expect(stopped.summary).toBe(t('ja', 'quiz.schedule.stopped'));

    clock.set('2025-01-07T00:00:00Z');
    const report = await quiz.tick();
    expect(report).toMatchObject({ closed: 1, posted: 0 });
    expect(publisher.posts).toHaveLength(1);
  });

  it('retries a reveal that failed', async () => {
    publisher.failUpdates = 1;
    clock.set('2025-01-07T00:00:00Z');
    expect((await quiz.tick()).closed).toBe(0);

    clock.set('2025-01-07T00:01:00Z');
    expect((await quiz.tick()).closed).toBe(1);
  });

  it('rejects a practice question of another learner', async () => {
    const practice = await core.handle(learnerRequest('owner', { subcommand: 'practice' }));
    const reply = await click('someone-else', practice.actions.flat()[0]?.id ?? '');
    expect(reply.summary).toBe(t('ja', 'quiz.notYours'));
  });

  it('rejects a malformed or unknown button', async () => {
    expect((await click('u1', 'quiz:a:nope:9')).summary).toBe(t('ja', 'quiz.badAction'));
    expect((await click('u1', 'quiz:a:missing-post:1')).summary).toBe(t('ja', 'quiz.unknownPost'));
  });

  it('links the feedback card to a known entry', async () => {
    const { ids, answer } = await dailyPost();
    const reply = await click('u1', ids[answer] ?? '');
    const card = reply.actions.flat().find((action) => action.id.startsWith('card:'));
    const entry = fixtureKnowledge().lookup(card?.id.slice('card:'.length) ?? '');
    expect(entry).toBeDefined();
    expect(card?.label).toBe(entry?.title);
  });
});
