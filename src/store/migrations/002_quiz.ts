import type { Kysely } from 'kysely';

// Quiz state. Times are ISO 8601 UTC strings (they sort as text) and flags are integers 0 or 1, so the
// same tables work on SQLite and PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quiz_schedules')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('group_id', 'text', (column) => column.notNull())
    .addColumn('channel_id', 'text', (column) => column.notNull())
    .addColumn('time', 'text', (column) => column.notNull())
    .addColumn('time_zone', 'text', (column) => column.notNull())
    .addColumn('days', 'text', (column) => column.notNull())
    .addColumn('topics', 'text', (column) => column.notNull())
    .addColumn('close_minutes', 'integer')
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('quiz_schedules_pk', ['platform', 'group_id', 'channel_id'])
    .execute();

  await db.schema
    .createTable('quiz_posts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('group_id', 'text', (column) => column.notNull())
    .addColumn('channel_id', 'text', (column) => column.notNull())
    .addColumn('quiz_day', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('topic_filter', 'text')
    .addColumn('question_id', 'text', (column) => column.notNull())
    .addColumn('question', 'text', (column) => column.notNull())
    .addColumn('entry_id', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('answer', 'integer', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('scheduled_for', 'text')
    .addColumn('message_channel_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_attempts', 'integer', (column) => column.notNull())
    .execute();
  // The exactly-once claim: one daily post per channel and quiz day. Practice posts have no quiz day,
  // and NULLs never collide in a unique index on SQLite or PostgreSQL.
  await db.schema.createIndex('quiz_posts_day_unique').on('quiz_posts').columns(['platform', 'group_id', 'channel_id', 'quiz_day']).unique().execute();
  await db.schema.createIndex('quiz_posts_status').on('quiz_posts').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('quiz_answers')
    .addColumn('post_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('user_name', 'text')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('group_id', 'text', (column) => column.notNull())
    .addColumn('channel_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('quiz_day', 'text')
    .addColumn('question_id', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('entry_id', 'text', (column) => column.notNull())
    .addColumn('choice', 'integer', (column) => column.notNull())
    .addColumn('correct', 'integer', (column) => column.notNull())
    .addColumn('answered_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('quiz_answers_pk', ['post_id', 'user_id'])
    .execute();
  await db.schema.createIndex('quiz_answers_learner').on('quiz_answers').columns(['platform', 'group_id', 'user_id']).execute();
  await db.schema.createIndex('quiz_answers_group_time').on('quiz_answers').columns(['platform', 'group_id', 'kind', 'answered_at']).execute();

  await db.schema
    .createTable('quiz_history')
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('question_id', 'text', (column) => column.notNull())
    .addColumn('asked_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('quiz_history_pk', ['scope', 'question_id'])
    .execute();

  await db.schema
    .createTable('quiz_reviews')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('question_id', 'text', (column) => column.notNull())
    .addColumn('question', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('box', 'integer', (column) => column.notNull())
    .addColumn('due_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('quiz_reviews_pk', ['platform', 'user_id', 'question_id'])
    .execute();
  await db.schema.createIndex('quiz_reviews_due').on('quiz_reviews').columns(['platform', 'user_id', 'due_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quiz_reviews').execute();
  await db.schema.dropTable('quiz_history').execute();
  await db.schema.dropTable('quiz_answers').execute();
  await db.schema.dropTable('quiz_posts').execute();
  await db.schema.dropTable('quiz_schedules').execute();
}
