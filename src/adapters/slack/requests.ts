import { LANGUAGE_SETTING } from '../../core/commands/shiori.js';
import type { Request } from '../../core/request.js';
import { localeFromTag, type Locale } from '../../i18n/index.js';
import type { Store } from '../../store/index.js';
import type { AdminCheck } from './admin.js';
import type { ParsedCommand } from './parse.js';

/** The Slack ids of an incoming request, logged with everything that happens to it. */
export interface SlackIds {
  team: string;
  channel: string;
  user: string;
}

/** Builds neutral requests: the workspace's language from the store and the user's admin status. */
export class RequestBuilder {
  constructor(
    private readonly store: Store,
    private readonly admins: AdminCheck,
  ) {}

  /** Returns the workspace's reply language, set by `/shiori lang`; Japanese by default. */
  async locale(teamId: string): Promise<Locale> {
    const value = await this.store.getSetting('slack', teamId, LANGUAGE_SETTING);
    return localeFromTag(value);
  }

  async command(ids: SlackIds, parsed: ParsedCommand, userName?: string): Promise<Request> {
    const request: Request = {
      command: parsed.command,
      options: parsed.options,
      user: { id: ids.user, isAdmin: await this.admins.isAdmin(ids.team, ids.user) },
      place: { platform: 'slack', groupId: ids.team, channelId: ids.channel },
      locale: await this.locale(ids.team),
    };
    if (parsed.subcommand) request.subcommand = parsed.subcommand;
    if (userName) request.user.name = userName;
    return request;
  }

  /** Builds the request of a button click; the core routes it by `actionId` alone. */
  async action(ids: SlackIds, actionId: string, userName?: string): Promise<Request> {
    return this.command(ids, { command: '', options: {} }, userName).then((request) => ({ ...request, actionId }));
  }
}
