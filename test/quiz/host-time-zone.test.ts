// The host's time zone is set before any other module loads, so everything below runs as on a server
// in New York. Vitest runs each test file in its own process (pool: forks), and the zone is restored
// after the file for a run that reuses processes.
const hostTimeZone = process.env.TZ;
process.env.TZ = 'America/New_York';

import { afterAll, describe, expect, it } from 'vitest';

const { t } = await import('../../src/i18n/index.js');
const { FakeClock, learnerRequest, quizCore, scheduler, tempStore } = await import('./support/harness.js');
const { RecordingPublisher } = await import('./support/recording-publisher.js');

const temp = await tempStore();

afterAll(async () => {
  await temp.cleanup();
  if (hostTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostTimeZone;
});

describe('a host in New York', () => {
  it('runs with the New York time zone', () => {
    // 00:00 UTC on 2025-01-06 is 19:00 the evening before in New York.
    const date = new Date('2025-01-06T00:00:00Z');
    expect(date.getHours()).toBe(19);
    expect(date.getDate()).toBe(5);
  });

  it('posts a Tokyo schedule at 09:00 Tokyo time on the Tokyo day', async () => {
    const clock = new FakeClock('2025-01-05T20:00:00Z');
    const core = quizCore(temp.store, clock);
    const request = learnerRequest('admin', { subcommand: 'schedule', options: { time: '09:00', tz: 'Asia/Tokyo', days: 'mon-fri' } });
    const saved = await core.handle({ ...request, user: { ...request.user, isAdmin: true } });
    const next = saved.blocks.flatMap((block) => (block.type === 'fields' ? block.fields : [])).find((field) => field.name === t('ja', 'quiz.schedule.next'));
    expect(next?.value).toBe('2025-01-06 09:00 (Asia/Tokyo)');

    const publisher = new RecordingPublisher();
    const quiz = scheduler(temp.store, clock, publisher);
    clock.set('2025-01-05T23:59:00Z');
    await quiz.tick();
    expect(publisher.posts).toHaveLength(0);

    clock.set('2025-01-06T00:00:00Z');
    await quiz.tick();
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.posts[0]?.reply.title).toBe(t('ja', 'quiz.daily.title', { day: '2025-01-06' }));
    await quiz.stop();
  });
});
