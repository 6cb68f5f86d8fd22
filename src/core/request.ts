import type { Locale } from '../i18n/index.js';

export type Platform = 'discord' | 'slack' | 'shell';

/** Who sent a request. `isAdmin` is decided by the adapter from the platform's permissions. */
export interface Requester {
  id: string;
  name?: string;
  isAdmin: boolean;
}

/** Where a request came from: a Discord guild or Slack workspace, and a channel in it. */
export interface Place {
  platform: Platform;
  /** Guild id on Discord, team id on Slack, `local` in the shell. */
  groupId: string;
  channelId: string;
}

/** A platform-neutral request to a core command. */
export interface Request {
  /** Command name, such as `cmd`; for a subcommand the parent name, with `subcommand` set. */
  command: string;
  subcommand?: string;
  /** Option values by option name, already parsed by the adapter. */
  options: Record<string, string | number | boolean | undefined>;
  user: Requester;
  place: Place;
  locale: Locale;
  /** When a button was clicked: its action id, such as `card:docker-run`. */
  actionId?: string;
}
