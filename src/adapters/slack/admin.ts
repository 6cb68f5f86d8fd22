import type { UserDirectory } from './users.js';

/**
 * Decides whether a user is an admin: listed in SLACK_ADMIN_USERS, or a workspace admin or owner
 * according to `users.info`. A user whose `users.info` call fails is treated as a non-admin.
 */
export class AdminCheck {
  private readonly configured: Set<string>;

  constructor(
    private readonly users: UserDirectory,
    /** User ids from SLACK_ADMIN_USERS, admins in every workspace. */
    configuredAdmins: readonly string[],
  ) {
    this.configured = new Set(configuredAdmins);
  }

  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    if (this.configured.has(userId)) return true;
    return (await this.users.lookup(teamId, userId))?.isAdmin ?? false;
  }
}
