import { ApplicationCommandOptionType, ApplicationCommandType, ComponentType, InteractionType, PermissionFlagsBits } from 'discord.js';

// INTERACTION_CREATE payloads as Discord sends them, with only the fields discord.js 14 needs.

const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0;

/** Returns a new snowflake for the current time, as Discord's ids are. */
export function snowflake(): string {
  sequence = (sequence + 1) % 4096;
  return ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n | BigInt(sequence)).toString();
}

export const APPLICATION_ID = '100000000000000001';
export const BOT_USER_ID = '100000000000000002';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const USER_ID = '400000000000000001';

/** Who sends an interaction and where. */
export interface Sender {
  locale?: string;
  /** Guild id, or null for a direct message. */
  guildId?: string | null;
  channelId?: string;
  userId?: string;
  /** Permission bit field of the member, as a decimal string. */
  permissions?: string;
  /** Names of the user: `learner`, `Learner` and no server nickname unless given. */
  username?: string;
  globalName?: string | null;
  nick?: string;
}

export const ADMIN_PERMISSIONS = PermissionFlagsBits.ManageGuild.toString();

export type OptionPayload = { name: string; type: number; value?: string | number | boolean; focused?: boolean; options?: OptionPayload[] };

function base(type: InteractionType, data: unknown, sender: Sender): Record<string, unknown> & { id: string; token: string } {
  const id = snowflake();
  const guildId = sender.guildId === undefined ? GUILD_ID : sender.guildId;
  const channelId = sender.channelId ?? CHANNEL_ID;
  const globalName = sender.globalName === undefined ? 'Learner' : sender.globalName;
  const user = { id: sender.userId ?? USER_ID, username: sender.username ?? 'learner', global_name: globalName, discriminator: '0', avatar: null };
  const where = guildId
    ? {
        guild_id: guildId,
        guild_locale: 'ja',
        channel: { id: channelId, type: 0, guild_id: guildId, name: 'study' },
        member: { user, nick: sender.nick ?? null, roles: [], permissions: sender.permissions ?? '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        context: 0,
      }
    : { user, channel: { id: channelId, type: 1, recipients: [user] }, context: 1 };
  return {
    id,
    token: `interaction-token-${id}`,
    application_id: APPLICATION_ID,
    type,
    version: 1,
    locale: sender.locale ?? 'ja',
    channel_id: channelId,
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    data,
    ...where,
  };
}

/** Turns `{ query: 'docker commit', private: true }` into string and boolean option payloads. */
export function optionPayloads(values: Record<string, string | boolean | number>): OptionPayload[] {
  return Object.entries(values).map(([name, value]) => ({
    name,
    value,
    type: typeof value === 'boolean' ? ApplicationCommandOptionType.Boolean : typeof value === 'number' ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.String,
  }));
}

/** Builds the option payload of a subcommand, such as `schedule` of `/quiz schedule time:09:00`. */
export function subcommand(name: string, values: Record<string, string | boolean | number> = {}): OptionPayload[] {
  return [{ name, type: ApplicationCommandOptionType.Subcommand, options: optionPayloads(values) }];
}

/** A slash command, such as `/cmd query:docker commit`. */
export function slashCommand(name: string, options: Record<string, string | boolean | number> | OptionPayload[] = {}, sender: Sender = {}) {
  const payloads = Array.isArray(options) ? options : optionPayloads(options);
  return base(InteractionType.ApplicationCommand, { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options: payloads }, sender);
}

/** An autocomplete request while the user types `value` into option `option` of `/name [subcommand]`. */
export function autocomplete(name: string, option: string, value: string, sender: Sender = {}, subcommand?: string) {
  const focused: OptionPayload[] = [{ name: option, type: ApplicationCommandOptionType.String, value, focused: true }];
  const options = subcommand ? [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options: focused }] : focused;
  return base(InteractionType.ApplicationCommandAutocomplete, { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options }, sender);
}

/** A click on the button `customId` of an earlier bot message. */
export function buttonClick(customId: string, sender: Sender = {}) {
  const interaction = base(InteractionType.MessageComponent, { custom_id: customId, component_type: ComponentType.Button }, sender);
  const message = {
    id: snowflake(),
    type: 20,
    channel_id: sender.channelId ?? CHANNEL_ID,
    author: { id: BOT_USER_ID, username: 'shiori', discriminator: '0', avatar: null, bot: true },
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
  };
  return { ...interaction, message };
}
