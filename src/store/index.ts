import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, type MigrationProvider } from 'kysely';
import type { Logger } from '../log.js';
import { ensureFolder } from '../util/fs.js';
import { ImmediateSqliteDialect } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

export type { Database } from './schema.js';

/** How long a writer waits for another process's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/** Platform events are remembered at least this long; Slack retries within minutes. */
export const SEEN_EVENT_LIFETIME_MS = 2 * 60 * 60 * 1000;

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** The persistent state: a Kysely handle over SQLite, migrated to the latest schema. */
export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly file: string,
  ) {}

  /** Opens (creating if needed) the SQLite file at `file` in WAL mode and runs pending migrations. */
  static async open(file: string, logger?: Logger): Promise<Store> {
    if (file !== ':memory:') ensureFolder(path.dirname(file));

    const sqlite = new SQLite(file, { timeout: BUSY_TIMEOUT_MS });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');

    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
    const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
    for (const result of results ?? []) {
      if (result.status === 'Success') logger?.info({ migration: result.migrationName }, 'migration applied');
      if (result.status === 'Error') logger?.error({ migration: result.migrationName }, 'migration failed');
    }
    if (error) {
      await db.destroy();
      throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
    }
    return new Store(db, file);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Returns a group's setting, or undefined when it was never set. */
  async getSetting(platform: string, groupId: string, key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('platform', '=', platform)
      .where('group_id', '=', groupId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  async setSetting(platform: string, groupId: string, key: string, value: string, now = new Date()): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ platform, group_id: groupId, key, value, updated_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['platform', 'group_id', 'key']).doUpdateSet({ value, updated_at: now.toISOString() }))
      .execute();
  }

  /**
   * Records a platform event id and returns true the first time it is seen, false for a redelivery.
   * Ids older than SEEN_EVENT_LIFETIME_MS are pruned on the way.
   */
  async markEventSeen(platform: string, eventId: string, now = Date.now()): Promise<boolean> {
    await this.db.deleteFrom('seen_events').where('seen_at', '<', now - SEEN_EVENT_LIFETIME_MS).execute();
    const inserted = await this.db
      .insertInto('seen_events')
      .values({ platform, event_id: eventId, seen_at: now })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
