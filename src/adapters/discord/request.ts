import {
  ApplicationCommandOptionType,
  GuildMember,
  PermissionFlagsBits,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import type { AutocompleteSource, CommandDefinition } from '../../core/definition.js';
import type { Place, Request, Requester } from '../../core/request.js';
import type { Locale } from '../../i18n/index.js';

// Maps Discord interactions to the core's neutral request.

type OptionValues = Request['options'];

/**
 * Japanese for Discord's `ja` locale, English for every other one. Unlike `localeFromTag`, which falls
 * back to Japanese for the terminal, a Discord user whose client is in French reads English better.
 */
export function discordLocale(tag: string | undefined): Locale {
  const language = tag?.toLowerCase().split('-')[0];
  return language === 'ja' ? 'ja' : 'en';
}

/**
 * Returns the name the guild shows for the user: the server nickname, then the global display name,
 * then the username. Quiz reveals and leaderboards show it.
 */
export function displayName(interaction: BaseInteraction): string {
  const member = interaction.member;
  // The member is a GuildMember when the guild is cached, otherwise the raw API object with `nick`.
  const nickname = member instanceof GuildMember ? member.nickname : member?.nick;
  return nickname ?? interaction.user.globalName ?? interaction.user.username;
}

/** Builds the requester. An admin is a guild member allowed to manage the guild, never a DM user. */
export function requester(interaction: BaseInteraction): Requester {
  const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  return { id: interaction.user.id, name: displayName(interaction), isAdmin };
}

/** Builds the place: the guild, or `dm:<user id>` for a direct message, and the channel. */
export function place(interaction: BaseInteraction): Place {
  return { platform: 'discord', groupId: interaction.guildId ?? `dm:${interaction.user.id}`, channelId: interaction.channelId ?? '' };
}

/** Splits the option tree into the subcommand (when one was used) and the option values by name. */
export function commandOptions(data: readonly CommandInteractionOption[]): { subcommand?: string; options: OptionValues } {
  const [first] = data;
  if (first && first.type === ApplicationCommandOptionType.Subcommand) {
    return { subcommand: first.name, options: commandOptions(first.options ?? []).options };
  }

  const options: OptionValues = {};
  for (const option of data) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') options[option.name] = option.value;
  }
  return { options };
}

/** Builds the request of a slash command. */
export function commandRequest(interaction: ChatInputCommandInteraction): Request {
  const { subcommand, options } = commandOptions(interaction.options.data);
  return {
    command: interaction.commandName,
    ...(subcommand ? { subcommand } : {}),
    options,
    user: requester(interaction),
    place: place(interaction),
    locale: discordLocale(interaction.locale),
  };
}

/** Builds the request of a button click: the button's custom_id is the core's action id. */
export function buttonRequest(interaction: ButtonInteraction): Request {
  return {
    command: '',
    options: {},
    user: requester(interaction),
    place: place(interaction),
    locale: discordLocale(interaction.locale),
    actionId: interaction.customId,
  };
}

/** Finds which autocomplete source an option of a command or subcommand uses, if any. */
export function autocompleteSource(definition: CommandDefinition | undefined, subcommand: string | null, optionName: string): AutocompleteSource | undefined {
  const owner = subcommand ? definition?.subcommands?.find((candidate) => candidate.name === subcommand) : definition;
  return owner?.options.find((option) => option.name === optionName)?.autocomplete;
}
