import type { Kysely } from 'kysely';

// Onboarding state, keyed by platform, group (guild or workspace) and user, so one person's progress
// in two guilds stays apart.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('onboarding_progress')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('group_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('path_id', 'text', (column) => column.notNull())
    .addColumn('step_index', 'integer', (column) => column.notNull())
    .addColumn('step_id', 'text')
    .addColumn('user_name', 'text')
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('onboarding_progress_pk', ['platform', 'group_id', 'user_id', 'path_id'])
    .execute();
  await db.schema.createIndex('onboarding_progress_group').on('onboarding_progress').columns(['platform', 'group_id', 'updated_at']).execute();

  await db.schema
    .createTable('onboarding_answers')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('group_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('path_id', 'text', (column) => column.notNull())
    .addColumn('step_id', 'text', (column) => column.notNull())
    .addColumn('attempt', 'integer', (column) => column.notNull())
    .addColumn('choice', 'integer', (column) => column.notNull())
    .addColumn('correct', 'integer', (column) => column.notNull())
    .addColumn('answered_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('onboarding_answers_pk', ['platform', 'group_id', 'user_id', 'path_id', 'step_id', 'attempt'])
    .execute();

  await db.schema
    .createTable('onboarding_joins')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('group_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('joined_at', 'text', (column) => column.notNull())
    .addColumn('deliveries', 'integer', (column) => column.notNull())
    .addColumn('welcomed_at', 'text')
    .addPrimaryKeyConstraint('onboarding_joins_pk', ['platform', 'group_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('onboarding_joins').execute();
  await db.schema.dropTable('onboarding_answers').execute();
  await db.schema.dropTable('onboarding_progress').execute();
}
