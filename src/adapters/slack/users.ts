import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';

/** How long a user's details are reused before `users.info` is asked again. */
const CACHE_LIFETIME_MS = 5 * 60 * 1000;
/** Users remembered at most; the oldest entry goes first. */
const CACHE_SIZE = 1_000;

/** The fields of a `users.info` user that the adapter uses. */
export interface SlackUser {
  /** Workspace admin, owner or primary owner. */
  isAdmin: boolean;
  /** The name Slack shows: the display name, else the full name, else the handle. */
  name?: string;
}

interface CachedUser {
  user: SlackUser;
  expiresAt: number;
}

export interface UserDirectoryOptions {
  client: webApi.WebClient;
  logger: Logger;
  now?: () => number;
}

/**
 * Reads users through `users.info` (scope `users:read`) and caches each for a few minutes, so the
 * admin check and the user name of one request cost one call at most.
 */
export class UserDirectory {
  private readonly cache = new Map<string, CachedUser>();
  private readonly now: () => number;

  constructor(private readonly options: UserDirectoryOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Returns the user's details, or undefined when `users.info` fails; a failure is not cached. */
  async lookup(teamId: string, userId: string): Promise<SlackUser | undefined> {
    const key = `${teamId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.user;

    const user = await this.fetch(teamId, userId);
    if (!user) return undefined;

    this.cache.delete(key);
    this.cache.set(key, { user, expiresAt: this.now() + CACHE_LIFETIME_MS });
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return user;
  }

  private async fetch(teamId: string, userId: string): Promise<SlackUser | undefined> {
    try {
      const result = await this.options.client.users.info({ user: userId });
      const user = result.user;
      const isAdmin = user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
      const name = user?.profile?.display_name || user?.real_name || user?.name || undefined;
      return name ? { isAdmin, name } : { isAdmin };
    } catch (error) {
      this.options.logger.warn({ err: error, team: teamId, user: userId }, 'users.info failed');
      return undefined;
    }
  }
}
