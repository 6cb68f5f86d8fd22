import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('group_id', 'text', (column) => column.notNull())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['platform', 'group_id', 'key'])
    .execute();

  await db.schema
    .createTable('seen_events')
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('seen_at', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('seen_events_pk', ['platform', 'event_id'])
    .execute();
  await db.schema.createIndex('seen_events_seen_at').on('seen_events').column('seen_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('seen_events').execute();
  await db.schema.dropTable('settings').execute();
}
