/** Per-group settings such as a Slack workspace's language; `group_id` is a guild or team id. */
export interface SettingsTable {
  platform: string;
  group_id: string;
  key: string;
  value: string;
  updated_at: string;
}

/** Platform events already handled, so a redelivered event is answered once. */
export interface SeenEventsTable {
  platform: string;
  event_id: string;
  seen_at: number;
}

/** The database as Kysely sees it. Each feature adds its tables here and in a migration. */
export interface Database {
  settings: SettingsTable;
  seen_events: SeenEventsTable;
}
