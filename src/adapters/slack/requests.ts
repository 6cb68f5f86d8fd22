import { LANGUAGE_SETTING } from '../../core/commands/shiori.js';
import type { Request } from '../../core/request.js';
import { localeFromTag, type Locale } from '../../i18n/index.js';
import type { Store } from '../../store/index.js';
import type { AdminCheck } from './admin.js';
import type { ParsedCommand } from './parse.js';
import type { UserDirectory } from './users.js';

/** The Slack ids of an incoming request, logged with everything that happens to it. */
export interface SlackIds {
  team: string;
  channel: string;
  user: string;
}

/** Builds neutral requests: the workspace's language from the store, the user's admin status and name. */
export class RequestBuilder {
  constructor(
    private readonly store: Store,
    private readonly admins: AdminCheck,
    private readonly users: UserDirectory,
  ) {}

  /** Returns the workspace's reply language, set by `/shiori lang`; Japanese by default. */
  async locale(teamId: string): Promise<Locale> {
    const value = await this.store.getSetting('slack', teamId, LANGUAGE_SETTING);
    return localeFromTag(value);
  }

  /**
   * Builds the request of a command. The user's name, which quiz reveals and leaderboards show, is the
   * name Slack displays according to `users.info` (cached, and already read by the admin check), or
   * `userName` from the payload when that call fails.
   */
  async command(ids: SlackIds, parsed: ParsedCommand, userName?: string): Promise<Request> {
    const request: Request = {
      command: parsed.command,
      options: parsed.options,
      user: { id: ids.user, isAdmin: await this.admins.isAdmin(ids.team, ids.user) },
      place: { platform: 'slack', groupId: ids.team, channelId: ids.channel },
      locale: await this.locale(ids.team),
    };
    if (parsed.subcommand) request.subcommand = parsed.subcommand;
    const name = (await this.users.lookup(ids.team, ids.user))?.name ?? userName;
    if (name) request.user.name = name;
    return request;
  }

  /** Builds the request of a button click; the core routes it by `actionId` alone. */
  async action(ids: SlackIds, actionId: string, userName?: string): Promise<Request> {
    return this.command(ids, { command: '', options: {} }, userName).then((request) => ({ ...request, actionId }));
  }
}
