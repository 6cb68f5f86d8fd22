import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';

/** How long a user's admin status is reused before `users.info` is asked again. */
const CACHE_LIFETIME_MS = 5 * 60 * 1000;
/** Users remembered at most; the oldest entry goes first. */
const CACHE_SIZE = 1_000;

interface CachedStatus {
  isAdmin: boolean;
  expiresAt: number;
}

export interface AdminCheckOptions {
  client: webApi.WebClient;
  /** User ids from SLACK_ADMIN_USERS, admins in every workspace. */
  configuredAdmins: readonly string[];
  logger: Logger;
  now?: () => number;
}

/**
 * Decides whether a user is an admin: listed in SLACK_ADMIN_USERS, or a workspace admin or owner
 * according to `users.info`. Results are cached per user for a few minutes.
 */
export class AdminCheck {
  private readonly cache = new Map<string, CachedStatus>();
  private readonly configured: Set<string>;
  private readonly now: () => number;

  constructor(private readonly options: AdminCheckOptions) {
    this.configured = new Set(options.configuredAdmins);
    this.now = options.now ?? Date.now;
  }

  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    if (this.configured.has(userId)) return true;

    const key = `${teamId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.isAdmin;

    const isAdmin = await this.fetchStatus(teamId, userId);
    if (isAdmin === undefined) return false;

    this.cache.delete(key);
    this.cache.set(key, { isAdmin, expiresAt: this.now() + CACHE_LIFETIME_MS });
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return isAdmin;
  }

  /** Asks Slack; undefined when the call fails, so a failure is not cached. */
  private async fetchStatus(teamId: string, userId: string): Promise<boolean | undefined> {
    try {
      const result = await this.options.client.users.info({ user: userId });
      const user = result.user;
      return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
    } catch (error) {
      this.options.logger.warn({ err: error, team: teamId, user: userId }, 'users.info failed; treating the user as a non-admin');
      return undefined;
    }
  }
}
