import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { Child } from './support/child.js';
import { FakeClock, schedule, scheduler, tempStore, type TempStore } from './support/harness.js';
import { RecordingPublisher } from './support/recording-publisher.js';

let temp: TempStore;

/** Days both processes race for, one post each. */
const RACE_DAYS = 20;

beforeEach(async () => {
  temp = await tempStore();
  await schedule(temp.store, { updatedAt: new Date('2025-01-01T00:00:00Z') });
});

afterEach(async () => {
  await temp.cleanup();
});

describe('quiz across processes', () => {
  it('keeps an acknowledged answer when the process is killed right after', async () => {
    const publisher = new RecordingPublisher();
    const quiz = scheduler(temp.store, new FakeClock('2025-01-06T00:00:00Z'), publisher);
    await quiz.tick();
    const actionId = publisher.posts[0]?.reply.actions.flat()[2]?.id ?? '';
    await temp.store.close();

    const child = new Child('test/quiz/support/answer-child.ts', [temp.file, actionId, 'killed-learner', '2025-01-06T00:01:00Z']);
    await child.waitFor(/^ACK /);
    child.process.kill('SIGKILL');
    expect(await child.exit()).toBeNull();

    const reopened = await temp.reopen();
    const rows = await reopened.db.selectFrom('quiz_answers').select(['user_id', 'choice']).execute();
    expect(rows).toEqual([{ user_id: 'killed-learner', choice: 2 }]);
  });

  it('posts once when two processes race for the same post', async () => {
    await temp.store.close();
    const children = [0, 1].map(() => new Child('test/quiz/support/tick-child.ts', [temp.file, '2025-01-06T00:00:00Z', String(RACE_DAYS)]));
    await Promise.all(children.map((child) => child.waitFor(/^READY$/)));

    for (const child of children) child.process.stdin.end('GO\n');
    const lines = await Promise.all(children.map((child) => child.waitFor(/^POSTS \d+$/)));
    await Promise.all(children.map((child) => child.exit()));

    const counts = lines.map((line) => Number(line.split(' ')[1]));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(RACE_DAYS);
    const store: Store = await temp.reopen();
    const days = (await store.db.selectFrom('quiz_posts').select('quiz_day').execute()).map((row) => row.quiz_day);
    expect(new Set(days).size).toBe(RACE_DAYS);
    expect(days).toHaveLength(RACE_DAYS);
  });
});
