import { Events, GuildFeature, RESTJSONErrorCodes, type Client, type Guild, type GuildMember } from 'discord.js';
import type { Publisher } from '../../core/adapter.js';
import type { CoreContext } from '../../core/definition.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import { welcomeOnJoin, type JoinEvent } from '../../onboarding/welcome.js';
import { discordErrorCode, loggableError } from './platform.js';
import { discordLocale } from './request.js';

// Welcomes members who join a guild. Discord sends guildMemberAdd only to a bot that asked for the
// privileged GuildMembers intent, which the Server Members Intent switch in the Developer Portal allows.

export interface MemberEventOptions {
  context: CoreContext;
  publisher: Publisher;
  logger: Logger;
}

/**
 * Returns the language of a greeting. No interaction of the new member carries their locale yet, so
 * the server's primary language decides. Only Community servers can set it. Every other server
 * reports the default `en-US`, which reflects no choice, so it gets Japanese, the bot's default.
 */
export function joinLocale(guild: Pick<Guild, 'features' | 'preferredLocale'>): Locale {
  if (!guild.features.includes(GuildFeature.Community)) return 'ja';
  return discordLocale(guild.preferredLocale);
}

/**
 * Greets a member who joined when the guild turned welcomes on with `/onboard welcome`. Bots are
 * skipped. `welcomeOnJoin` claims the greeting in the store first, so a redelivered join is not
 * greeted twice and a failed send is not retried.
 */
export async function welcomeMember(member: GuildMember, options: MemberEventOptions): Promise<void> {
  const { logger, publisher } = options;
  const ids = { guild: member.guild.id, user: member.id };
  if (member.user.bot) {
    logger.debug(ids, 'ignored a bot joining');
    return;
  }

  logger.info(ids, 'a member joined the guild');
  const join: JoinEvent = {
    platform: 'discord',
    groupId: member.guild.id,
    userId: member.id,
    userName: member.displayName,
    locale: joinLocale(member.guild),
  };
  const decision = await welcomeOnJoin(options.context, join);
  logger.debug({ ...ids, welcome: decision?.target.kind ?? 'none' }, 'handled a member join');
  if (!decision) return;

  if (decision.target.kind === 'direct') await publisher.sendDirect(decision.target.userId, decision.reply);
  // NOTE: the channel id comes from `/onboard welcome channel:`, and nothing yet checks that it belongs to
  // this guild, so an admin of one guild could direct greetings to a channel of another guild.
  else await publisher.post(decision.target.channelId, { ...decision.reply, ephemeral: false });
}

/** Listens for guildMemberAdd and welcomes each joining member, logging failures with the ids involved. */
export function handleMemberJoins(client: Client, options: MemberEventOptions): void {
  client.on(Events.GuildMemberAdd, (member) => {
    welcomeMember(member, options).catch((error: unknown) => {
      const ids = { guild: member.guild.id, user: member.id, code: discordErrorCode(error) };
      if (ids.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
        options.logger.warn(ids, 'welcome not sent: the member does not accept direct messages from this server');
        return;
      }
      options.logger.error({ ...ids, err: loggableError(error) }, 'welcome failed');
    });
  });
}
