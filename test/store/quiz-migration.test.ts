import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, type MigrationProvider } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

let folder: string;
let store: Store;

beforeEach(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'shiori-migration-'));
  store = await Store.open(path.join(folder, 'migrate.sqlite'));
});

afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const QUIZ_TABLES = ['quiz_answers', 'quiz_history', 'quiz_posts', 'quiz_reviews', 'quiz_schedules'];

async function tableNames(): Promise<string[]> {
  const tables = await store.db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

const post = (id: string, quizDay: string | null) => ({
  id,
  kind: 'daily',
  platform: 'discord',
  group_id: 'g',
  channel_id: 'c',
  quiz_day: quizDay,
  owner_id: null,
  topic_filter: null,
  question_id: 'q-x',
  question: '{}',
  entry_id: 'docker-run',
  topic: 'docker',
  answer: 0,
  locale: 'ja',
  status: 'sent',
  attempts: 1,
  next_attempt_at: null,
  scheduled_for: null,
  message_channel_id: null,
  message_id: null,
  created_at: '2025-01-06T00:00:00.000Z',
  sent_at: null,
  closes_at: null,
  closed_at: null,
  close_attempts: 0,
});

describe('002_quiz migration', () => {
  it('creates the quiz tables at start-up', async () => {
    expect(await tableNames()).toEqual(expect.arrayContaining(QUIZ_TABLES));
  });

  it('allows one daily post per channel and day', async () => {
    await store.db.insertInto('quiz_posts').values(post('a', '2025-01-06')).execute();
    await expect(store.db.insertInto('quiz_posts').values(post('b', '2025-01-06')).execute()).rejects.toThrow(/UNIQUE/);
    await store.db.insertInto('quiz_posts').values([post('c', null), post('d', null)]).execute();
    const rows = await store.db.selectFrom('quiz_posts').select('id').orderBy('id').execute();
    expect(rows.map((row) => row.id)).toEqual(['a', 'c', 'd']);
  });

  it('rolls back and forward again', async () => {
    const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };
    const migrator = new Migrator({ db: store.db, provider });
    const names = Object.keys(MIGRATIONS);
    const before = names[names.indexOf('002_quiz') - 1];
    if (!before) throw new Error('002_quiz has no predecessor');

    const down = await migrator.migrateTo(before);
    expect(down.error).toBeUndefined();
    expect(await tableNames()).not.toEqual(expect.arrayContaining(['quiz_posts']));

    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await tableNames()).toEqual(expect.arrayContaining(QUIZ_TABLES));
  });
});
