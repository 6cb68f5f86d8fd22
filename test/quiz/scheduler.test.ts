import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { questionBankFor } from '../../src/quiz/questions/bank.js';
import type { Store } from '../../src/store/index.js';
import { RecordingPublisher } from './support/recording-publisher.js';
import { DAY, FakeClock, HOUR, MINUTE, ROOM, fixtureKnowledge, memoryLogger, schedule, scheduler, tempStore, type TempStore } from './support/harness.js';

let temp: TempStore;

beforeEach(async () => {
  temp = await tempStore();
});

afterEach(async () => {
  await temp.cleanup();
});

async function posts(store: Store) {
  return store.db.selectFrom('quiz_posts').selectAll().orderBy('created_at').execute();
}

/** Ticks every `stepMs` from the clock's time until `untilIso`, as the timer would. */
async function tickUntil(run: () => Promise<unknown>, clock: FakeClock, untilIso: string, stepMs = 10 * MINUTE): Promise<void> {
  const until = Date.parse(untilIso);
  while (clock.now().getTime() <= until) {
    await run();
    clock.advance(stepMs);
  }
}

describe('scheduler', () => {
  it('posts once at the scheduled minute', async () => {
    // 08:59 in Tokyo on Monday 2025-01-06.
    const clock = new FakeClock('2025-01-05T23:59:00Z');
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    const publisher = new RecordingPublisher();
    const quiz = scheduler(temp.store, clock, publisher);

    await quiz.tick();
    expect(publisher.posts).toHaveLength(0);

    clock.set('2025-01-06T00:00:00Z');
    await quiz.tick();
    clock.advance(30_000);
    await quiz.tick();
    clock.advance(HOUR);
    await quiz.tick();

    expect(publisher.posts).toHaveLength(1);
    const [post] = publisher.posts;
    expect(post?.channelId).toBe(ROOM.channelId);
    expect(post?.reply.title).toBe(t('ja', 'quiz.daily.title', { day: '2025-01-06' }));
    expect(post?.reply.ephemeral).toBe(false);
    const ids = post?.reply.actions.flat().map((action) => action.id) ?? [];
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id.length).toBeLessThan(100);
    expect(ids[0]).toMatch(/^quiz:a:[\w-]+:0$/);
  });

  it('uses the Tokyo calendar day across midnight', async () => {
    // 23:00 in Tokyo on 2025-01-06 is 14:00 UTC on the same UTC day as midnight in Tokyo.
    const clock = new FakeClock('2025-01-06T14:00:00Z');
    const late = { ...ROOM, channelId: 'late-room' };
    const midnight = { ...ROOM, channelId: 'midnight-room' };
    await schedule(temp.store, { ...late, time: '23:55', updatedAt: new Date('2025-01-01T00:00:00Z') });
    await schedule(temp.store, { ...midnight, time: '00:00', updatedAt: new Date('2025-01-01T00:00:00Z') });
    const quiz = scheduler(temp.store, clock);

    await tickUntil(() => quiz.tick(), clock, '2025-01-06T16:00:00Z', 5 * MINUTE);

    const rows = await posts(temp.store);
    expect(rows.map((row) => [row.channel_id, row.quiz_day, row.scheduled_for])).toEqual([
      ['late-room', '2025-01-06', '2025-01-06T14:55:00.000Z'],
      ['midnight-room', '2025-01-07', '2025-01-06T15:00:00.000Z'],
    ]);
  });

  const dstCases = [
    { name: 'New York spring forward', timeZone: 'America/New_York', time: '02:30', from: '2025-03-08T00:00:00Z', to: '2025-03-11T00:00:00Z', day: '2025-03-09', at: '2025-03-09T07:00:00.000Z' },
    { name: 'New York fall back', timeZone: 'America/New_York', time: '01:30', from: '2025-11-01T00:00:00Z', to: '2025-11-04T00:00:00Z', day: '2025-11-02', at: '2025-11-02T05:30:00.000Z' },
    { name: 'Berlin spring forward', timeZone: 'Europe/Berlin', time: '02:30', from: '2025-03-29T00:00:00Z', to: '2025-04-01T00:00:00Z', day: '2025-03-30', at: '2025-03-30T01:00:00.000Z' },
    { name: 'Berlin fall back', timeZone: 'Europe/Berlin', time: '02:30', from: '2025-10-25T00:00:00Z', to: '2025-10-28T00:00:00Z', day: '2025-10-26', at: '2025-10-26T00:30:00.000Z' },
  ];

  for (const dst of dstCases) {
    it(`posts once a day across ${dst.name}`, async () => {
      const clock = new FakeClock(dst.from);
      await schedule(temp.store, { time: dst.time, timeZone: dst.timeZone, updatedAt: new Date('2025-01-01T00:00:00Z') });
      const quiz = scheduler(temp.store, clock);

      await tickUntil(() => quiz.tick(), clock, dst.to);

      const rows = await posts(temp.store);
      const days = rows.map((row) => row.quiz_day);
      expect(new Set(days).size).toBe(days.length);
      expect(days.filter((day) => day === dst.day)).toHaveLength(1);
      expect(rows.find((row) => row.quiz_day === dst.day)?.scheduled_for).toBe(dst.at);
      expect(rows.length).toBeGreaterThanOrEqual(3);
    });
  }

  it('sends a missed post once after a restart within the grace window', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    // The process was down at 09:00 and starts again at 09:20 in Tokyo.
    const clock = new FakeClock('2025-01-06T00:20:00Z');
    const publisher = new RecordingPublisher();
    const restarted = scheduler(await temp.reopen(), clock, publisher);

    await restarted.tick();
    clock.advance(MINUTE);
    await restarted.tick();

    expect(publisher.posts).toHaveLength(1);
    const [row] = await posts(temp.store);
    expect(row?.quiz_day).toBe('2025-01-06');
    expect(row?.status).toBe('sent');
  });

  it('skips a post missed by more than the grace window', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    // Down from before 09:00 on 2025-01-06 until 08:00 the next day.
    const clock = new FakeClock('2025-01-06T23:00:00Z');
    const publisher = new RecordingPublisher();
    const { logger, lines } = memoryLogger();
    const restarted = scheduler(await temp.reopen(), clock, publisher, { logger });

    const report = await restarted.tick();
    await restarted.tick();
    expect(report.skipped).toBe(1);
    expect(publisher.posts).toHaveLength(0);
    expect(lines().filter((line) => String(line.msg).includes('skipped'))).toHaveLength(1);

    clock.set('2025-01-07T00:00:00Z');
    await restarted.tick();
    expect(publisher.posts).toHaveLength(1);
    expect((await posts(temp.store)).map((row) => row.quiz_day)).toEqual(['2025-01-07']);
  });

  it('takes the grace window from its options', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-06T00:20:00Z');
    const publisher = new RecordingPublisher();

    await scheduler(temp.store, clock, publisher, { graceMs: 10 * MINUTE }).tick();
    expect(publisher.posts).toHaveLength(0);

    clock.set('2025-01-06T02:30:00Z');
    await scheduler(temp.store, clock, publisher, { graceMs: 3 * HOUR }).tick();
    expect(publisher.posts).toHaveLength(1);
  });

  it('does not post for a run before the schedule was set', async () => {
    // Set at 09:30 in Tokyo for 09:00: the first post is the next day's.
    await schedule(temp.store, { updatedAt: new Date('2025-01-06T00:30:00Z') });
    const clock = new FakeClock('2025-01-06T00:31:00Z');
    const publisher = new RecordingPublisher();
    const quiz = scheduler(temp.store, clock, publisher);

    await quiz.tick();
    expect(publisher.posts).toHaveLength(0);

    clock.set('2025-01-07T00:00:00Z');
    await quiz.tick();
    expect(publisher.posts).toHaveLength(1);
  });

  it('posts once when two stores on one file race', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-06T00:00:00Z');
    const first = new RecordingPublisher();
    const second = new RecordingPublisher();
    const a = scheduler(temp.store, clock, first);
    const b = scheduler(await temp.reopen(), clock, second);

    for (let day = 0; day < 5; day++) {
      await Promise.all([a.tick(), b.tick(), b.tick(), a.tick()]);
      clock.advance(DAY);
    }

    expect(first.posts.length + second.posts.length).toBe(5);
    const days = (await posts(temp.store)).map((row) => row.quiz_day);
    expect(days).toEqual(['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10']);
  });

  it('retries a failed send with backoff and logs it', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-06T00:00:00Z');
    const publisher = new RecordingPublisher();
    publisher.failPosts = 2;
    const { logger, lines } = memoryLogger();
    const quiz = scheduler(temp.store, clock, publisher, { logger });

    await quiz.tick();
    expect((await posts(temp.store))[0]).toMatchObject({ status: 'retry', attempts: 1, next_attempt_at: '2025-01-06T00:01:00.000Z' });

    clock.advance(30_000);
    await quiz.tick();
    expect(publisher.attempts).toBe(1);

    clock.set('2025-01-06T00:01:00Z');
    await quiz.tick();
    expect((await posts(temp.store))[0]).toMatchObject({ status: 'retry', attempts: 2, next_attempt_at: '2025-01-06T00:03:00.000Z' });

    clock.set('2025-01-06T00:03:00Z');
    await quiz.tick();
    expect(publisher.attempts).toBe(3);
    expect(publisher.posts).toHaveLength(1);
    expect((await posts(temp.store))[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(lines().filter((line) => line.msg === 'quiz post failed, will retry')).toHaveLength(2);
  });

  it('gives up after the last attempt and posts the next day', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-06T00:00:00Z');
    const publisher = new RecordingPublisher();
    publisher.failAllPosts = true;
    const { logger, lines } = memoryLogger();
    const quiz = scheduler(temp.store, clock, publisher, { logger });

    await tickUntil(() => quiz.tick(), clock, '2025-01-06T01:00:00Z', MINUTE);
    expect(publisher.attempts).toBe(5);
    expect((await posts(temp.store))[0]).toMatchObject({ status: 'failed', attempts: 5 });
    expect(lines().filter((line) => line.msg === 'quiz post failed, giving up')).toHaveLength(1);

    publisher.failAllPosts = false;
    clock.set('2025-01-07T00:00:00Z');
    await quiz.tick();
    expect(publisher.posts).toHaveLength(1);
  });

  it('keeps a schedule whose run throws for the next day', async () => {
    const broken = { ...ROOM, channelId: 'broken-room' };
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    await schedule(temp.store, { ...broken, updatedAt: new Date('2025-01-01T00:00:00Z') });
    await temp.store.db.updateTable('quiz_schedules').set({ time_zone: 'Mars/Olympus_Mons' }).where('channel_id', '=', 'broken-room').execute();
    const clock = new FakeClock('2025-01-06T00:00:00Z');
    const publisher = new RecordingPublisher();
    const { logger, lines } = memoryLogger();
    const quiz = scheduler(temp.store, clock, publisher, { logger });

    await quiz.tick();
    expect(publisher.posts.map((post) => post.channelId)).toEqual([ROOM.channelId]);
    expect(lines().find((line) => line.msg === 'quiz schedule run failed')).toMatchObject({ channel: 'broken-room' });

    await temp.store.db.updateTable('quiz_schedules').set({ time_zone: 'Asia/Tokyo' }).where('channel_id', '=', 'broken-room').execute();
    clock.set('2025-01-07T00:00:00Z');
    await quiz.tick();
    expect(publisher.posts.map((post) => post.channelId).sort()).toEqual(['broken-room', ROOM.channelId, ROOM.channelId].sort());
  });

  it('sends again when the process holding a send stopped', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-06T00:00:00Z');
    const hanging = new RecordingPublisher();
    hanging.post = () => new Promise(() => undefined);
    void scheduler(temp.store, clock, hanging).tick();
    await expect.poll(async () => (await posts(temp.store)).length).toBe(1);

    // The first process is gone; another one starts after the 2-minute lease ran out.
    clock.set('2025-01-06T00:02:30Z');
    const publisher = new RecordingPublisher();
    await scheduler(await temp.reopen(), clock, publisher).tick();

    expect(publisher.posts).toHaveLength(1);
    // The lost send counts as attempt 1, so this is attempt 2.
    expect((await posts(temp.store))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('leaves schedules of platforms it has no publisher for', async () => {
    const slackRoom = { platform: 'slack' as const, groupId: 'T1', channelId: 'C1' };
    await schedule(temp.store, { ...slackRoom, updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-06T00:00:00Z');

    await scheduler(temp.store, clock, new RecordingPublisher('discord')).tick();
    expect(await posts(temp.store)).toHaveLength(0);

    const slack = new RecordingPublisher('slack');
    await scheduler(temp.store, clock, slack).tick();
    expect(slack.posts).toHaveLength(1);
  });

  it('asks every question of the pool before repeating one', async () => {
    await schedule(temp.store, { topics: ['systemd'], updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-06T00:00:00Z');
    const quiz = scheduler(temp.store, clock);
    const pool = questionBankFor(fixtureKnowledge()).pool(['systemd']);

    for (let day = 0; day < pool.length * 2; day++) {
      await quiz.tick();
      clock.advance(DAY);
    }

    const asked = (await posts(temp.store)).map((row) => row.question_id);
    expect(asked).toHaveLength(pool.length * 2);
    expect(new Set(asked.slice(0, pool.length)).size).toBe(pool.length);
    expect(new Set(asked.slice(pool.length)).size).toBe(pool.length);
    expect(new Set(asked)).toEqual(new Set(pool.map((question) => question.id)));
  });

  it('posts now without taking the day of the scheduled post', async () => {
    await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
    const clock = new FakeClock('2025-01-05T23:00:00Z');
    const publisher = new RecordingPublisher();
    const quiz = scheduler(temp.store, clock, publisher);

    const manual = await quiz.postNow(ROOM);
    expect(manual).toMatchObject({ kind: 'manual', status: 'sent', quizDay: null });

    clock.set('2025-01-06T00:00:00Z');
    await quiz.tick();
    expect(publisher.posts.map((post) => post.reply.title)).toEqual([t('ja', 'quiz.manual.title'), t('ja', 'quiz.daily.title', { day: '2025-01-06' })]);
  });
});
