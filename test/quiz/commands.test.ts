import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import type { Reply } from '../../src/core/reply.js';
import type { Request } from '../../src/core/request.js';
import { t } from '../../src/i18n/index.js';
import { questionBankFor } from '../../src/quiz/questions/bank.js';
import { RecordingPublisher } from './support/recording-publisher.js';
import { FakeClock, fixtureKnowledge, learnerRequest, quizCore, scheduler, tempStore, type TempStore } from './support/harness.js';

let temp: TempStore;
let clock: FakeClock;
let core: Core;

beforeEach(async () => {
  temp = await tempStore();
  // Thursday 2025-01-09, 08:00 in Tokyo.
  clock = new FakeClock('2025-01-08T23:00:00Z');
  core = quizCore(temp.store, clock);
});

afterEach(async () => {
  await temp.cleanup();
});

function admin(fields: Partial<Request>): Request {
  const base = learnerRequest('admin', fields);
  return { ...base, user: { ...base.user, isAdmin: true } };
}

function fields(reply: Reply): Record<string, string> {
  return Object.fromEntries(reply.blocks.flatMap((block) => (block.type === 'fields' ? block.fields.map((field) => [field.name, field.value]) : [])));
}

async function postIdOf(reply: Reply): Promise<{ ids: string[]; answer: number; topic: string; questionId: string }> {
  const ids = reply.actions.flat().map((action) => action.id);
  const postId = ids[0]?.split(':')[2] ?? '';
  const row = await temp.store.db.selectFrom('quiz_posts').select(['answer', 'topic', 'question_id']).where('id', '=', postId).executeTakeFirstOrThrow();
  return { ids, answer: row.answer, topic: row.topic, questionId: row.question_id };
}

describe('/quiz', () => {
  it('is registered with its subcommands and buttons', () => {
    const command = core.command('quiz');
    expect(command?.subcommands?.map((subcommand) => subcommand.name)).toEqual(['practice', 'me', 'leaderboard', 'review', 'schedule', 'stop']);
    expect(command?.subcommands?.find((subcommand) => subcommand.name === 'schedule')?.adminOnly).toBe(true);
    for (const subcommand of command?.subcommands ?? []) expect(subcommand.options.map((option) => option.name)).toContain('private');
  });

  it('asks a private practice question with numbered buttons', async () => {
    const reply = await core.handle(learnerRequest('u1'));
    expect(reply.title).toBe(t('ja', 'quiz.practice.title'));
    expect(reply.ephemeral).toBe(true);
    expect(reply.blocks[0]).toMatchObject({ type: 'list', ordered: true });
    expect(reply.actions.flat().map((action) => action.label)).toEqual(['1', '2', '3', '4']);
  });

  it('exhausts the practice pool before repeating', async () => {
    const pool = questionBankFor(fixtureKnowledge()).pool(['systemd']);
    const asked: string[] = [];
    for (let index = 0; index < pool.length; index++) {
      const reply = await core.handle(learnerRequest('u1', { subcommand: 'practice', options: { topic: 'systemd' } }));
      const { topic, questionId } = await postIdOf(reply);
      expect(topic).toBe('systemd');
      asked.push(questionId);
    }
    expect(new Set(asked).size).toBe(pool.length);

    const again = await core.handle(learnerRequest('u1', { subcommand: 'practice', options: { topic: 'systemd' } }));
    expect(pool.map((question) => question.id)).toContain((await postIdOf(again)).questionId);
  });

  it('offers the next practice question of the same topic', async () => {
    const reply = await core.handle(learnerRequest('u1', { subcommand: 'practice', options: { topic: 'systemd' } }));
    const { ids, answer } = await postIdOf(reply);
    const feedback = await core.handle(learnerRequest('u1', { command: '', actionId: ids[answer] }));
    expect(feedback.actions.flat().map((action) => action.id)).toContain('quiz:n:systemd');

    const next = await core.handle(learnerRequest('u1', { command: '', actionId: 'quiz:n:systemd' }));
    expect((await postIdOf(next)).topic).toBe('systemd');
  });

  it('answers in English', async () => {
    const reply = await core.handle(learnerRequest('u1', {}, 'en'));
    expect(reply.title).toBe(t('en', 'quiz.practice.title'));
  });

  it('lets only admins set, show or stop the schedule', async () => {
    for (const subcommand of ['schedule', 'stop']) {
      const reply = await core.handle(learnerRequest('u1', { subcommand, options: { time: '09:00' } }));
      expect(reply.ephemeral).toBe(true);
      expect(reply.summary).toBe(t('ja', 'quiz.adminOnly'));
    }
    expect(await temp.store.db.selectFrom('quiz_schedules').selectAll().execute()).toEqual([]);
  });

  it('sets, shows, changes and stops a schedule', async () => {
    expect((await core.handle(admin({ subcommand: 'schedule' }))).summary).toBe(t('ja', 'quiz.schedule.none'));
    expect((await core.handle(admin({ subcommand: 'schedule', options: { days: 'mon-fri' } }))).summary).toBe(t('ja', 'quiz.schedule.needTime'));

    const saved = await core.handle(admin({ subcommand: 'schedule', options: { time: '9:00', tz: 'Asia/Tokyo', days: 'mon-fri', topics: 'docker,systemd' } }));
    expect(saved.summary).toBe(t('ja', 'quiz.schedule.saved'));
    expect(fields(saved)).toMatchObject({
      [t('ja', 'quiz.schedule.time')]: '09:00',
      [t('ja', 'quiz.schedule.days')]: t('ja', 'quiz.days.weekdays'),
      [t('ja', 'quiz.schedule.next')]: '2025-01-09 09:00 (Asia/Tokyo)',
    });

    const changed = await core.handle(admin({ subcommand: 'schedule', options: { tz: 'America/New_York', close: '2h' } }));
    expect(fields(changed)).toMatchObject({
      [t('ja', 'quiz.schedule.time')]: '09:00',
      [t('ja', 'quiz.schedule.timeZone')]: 'America/New_York',
      [t('ja', 'quiz.schedule.close')]: t('ja', 'quiz.schedule.closeMinutes', { minutes: 120 }),
    });
    expect(fields(await core.handle(admin({ subcommand: 'schedule' })))[t('ja', 'quiz.schedule.timeZone')]).toBe('America/New_York');

    expect((await core.handle(admin({ subcommand: 'stop' }))).summary).toBe(t('ja', 'quiz.schedule.stopped'));
    expect((await core.handle(admin({ subcommand: 'stop' }))).summary).toBe(t('ja', 'quiz.schedule.none'));
  });

  it('rejects an invalid time zone with a private error', async () => {
    const reply = await core.handle(admin({ subcommand: 'schedule', options: { time: '09:00', tz: 'Asia/Tokio' } }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.summary).toBe(t('ja', 'quiz.schedule.badTimeZone', { value: 'Asia/Tokio' }));
  });

  it('shows scores and a streak across a missed day', async () => {
    const publisher = new RecordingPublisher();
    const quiz = scheduler(temp.store, clock, publisher);
    await core.handle(admin({ subcommand: 'schedule', options: { time: '09:00', days: 'mon-fri' } }));

    // Thu, Fri and Mon answered right (the weekend has no post), Tue missed, Wed right, Thu still open.
    const plan = [
      ['2025-01-09', 'right'],
      ['2025-01-10', 'right'],
      ['2025-01-13', 'right'],
      ['2025-01-14', 'missed'],
      ['2025-01-15', 'right'],
      ['2025-01-16', 'open'],
    ] as const;
    for (const [day, what] of plan) {
      clock.set(`${day}T00:00:00+09:00`);
      clock.advance(9 * 60 * 60 * 1000);
      await quiz.tick();
      if (what !== 'right') continue;

      const { ids, answer } = await postIdOf(publisher.posts.at(-1)?.reply as Reply);
      await core.handle(learnerRequest('u1', { command: '', actionId: ids[answer] }));
    }
    await quiz.stop();

    const me = await core.handle(learnerRequest('u1', { subcommand: 'me' }));
    expect(fields(me)).toMatchObject({
      [t('ja', 'quiz.me.answered')]: '4',
      [t('ja', 'quiz.me.streak')]: t('ja', 'quiz.me.streakValue', { current: 1, longest: 3 }),
    });
  });

  it('lists weak topics', async () => {
    for (let index = 0; index < 3; index++) {
      const reply = await core.handle(learnerRequest('u1', { subcommand: 'practice', options: { topic: 'systemd' } }));
      const { ids, answer } = await postIdOf(reply);
      await core.handle(learnerRequest('u1', { command: '', actionId: ids[(answer + (index === 0 ? 0 : 1)) % 4] }));
    }
    const me = await core.handle(learnerRequest('u1', { subcommand: 'me' }));
    const weakest = me.blocks.find((block) => block.type === 'list' && block.heading === t('ja', 'quiz.me.weakest'));
    expect(weakest).toMatchObject({ items: [t('ja', 'quiz.me.topicScore', { topic: t('ja', 'topic.systemd'), correct: 1, answered: 3, percent: 33 })] });
    expect(fields(me)[t('ja', 'quiz.me.review')]).toBe(t('ja', 'quiz.me.reviewValue', { queued: 2, due: 0 }));
  });

  it('ranks learners this week and all time', async () => {
    const publisher = new RecordingPublisher();
    const quiz = scheduler(temp.store, clock, publisher);
    await core.handle(admin({ subcommand: 'schedule', options: { time: '09:00' } }));

    // Thu 2025-01-09 is last week when the board is read on Mon 2025-01-13.
    for (const [day, rightUsers] of [['2025-01-09', ['old']], ['2025-01-13', ['u1', 'u2']]] as const) {
      clock.set(`${day}T00:00:00Z`);
      await quiz.tick();
      const { ids, answer } = await postIdOf(publisher.posts.at(-1)?.reply as Reply);
      for (const user of rightUsers) await core.handle(learnerRequest(user, { command: '', actionId: ids[answer] }));
      await core.handle(learnerRequest('wrong', { command: '', actionId: ids[(answer + 1) % 4] }));
    }
    await quiz.stop();

    const board = await core.handle(learnerRequest('u1', { subcommand: 'leaderboard' }));
    const [week, allTime] = board.blocks;
    expect(week).toMatchObject({ heading: t('ja', 'quiz.leaderboard.week', { since: '2025-01-13' }) });
    expect(week).toMatchObject({ items: ['name-u1', 'name-u2'].map((name) => t('ja', 'quiz.leaderboard.row', { name, correct: 1, answered: 1 })) });
    expect(allTime).toMatchObject({ items: ['name-old', 'name-u1', 'name-u2'].map((name) => t('ja', 'quiz.leaderboard.row', { name, correct: 1, answered: 1 })) });
  });
});
