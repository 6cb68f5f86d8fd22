import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Bilingual, CommandDefinition, OptionDefinition, SubcommandDefinition } from '../../core/definition.js';

// Translates the core's neutral command definitions into Discord's slash command JSON, with English
// defaults and Japanese localizations.

export type DiscordCommand = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's rule for command and option names, including localized ones. */
const DISCORD_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const OPTION_TYPES: Record<OptionDefinition['type'], ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
};

/** True when Discord accepts `name` as a command or option name: 1 to 32 allowed characters, no upper case. */
export function isDiscordName(name: string): boolean {
  return DISCORD_NAME.test(name) && name === name.toLowerCase();
}

/** Returns names and descriptions with Japanese localizations, leaving out a Japanese name that Discord would reject. */
function naming(name: string, nameJa: string | undefined, description: Bilingual) {
  return {
    name,
    ...(nameJa && isDiscordName(nameJa) ? { name_localizations: { ja: nameJa } } : {}),
    description: description.en,
    description_localizations: { ja: description.ja },
  };
}

function toOption(option: OptionDefinition): APIApplicationCommandOption {
  const json: Record<string, unknown> = { type: OPTION_TYPES[option.type], ...naming(option.name, option.nameJa, option.description) };
  if (option.required) json.required = true;
  if (option.maxLength !== undefined && option.type === 'string') json.max_length = option.maxLength;

  // Discord rejects an option that has both fixed choices and autocomplete, so choices win.
  if (option.choices && option.choices.length > 0) {
    json.choices = option.choices.map((choice) => ({ name: choice.label.en, name_localizations: { ja: choice.label.ja }, value: choice.value }));
  } else if (option.autocomplete) {
    json.autocomplete = true;
  }
  return json as unknown as APIApplicationCommandOption;
}

/** Discord requires every required option to come before the optional ones. */
function toOptions(options: readonly OptionDefinition[]): APIApplicationCommandOption[] {
  const required = options.filter((option) => option.required);
  const optional = options.filter((option) => !option.required);
  return [...required, ...optional].map(toOption);
}

function toSubcommand(subcommand: SubcommandDefinition): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    ...naming(subcommand.name, subcommand.nameJa, subcommand.description),
    options: toOptions(subcommand.options) as never,
  };
}

/** Builds the slash command JSON of one definition, with subcommands as SUB_COMMAND options. */
export function toDiscordCommand(definition: CommandDefinition): DiscordCommand {
  const subcommands = definition.subcommands ?? [];
  const options = subcommands.length > 0 ? subcommands.map(toSubcommand) : toOptions(definition.options);
  return { type: ApplicationCommandType.ChatInput, ...naming(definition.name, definition.nameJa, definition.description), options };
}

/** Builds the slash command JSON of every definition, in order. */
export function toDiscordCommands(definitions: readonly CommandDefinition[]): DiscordCommand[] {
  return definitions.map(toDiscordCommand);
}

/**
 * Discord's limits per command: options (or subcommands) per level, and the combined length of names,
 * descriptions and choice values (as listed in ApplicationCommandLimits of @sapphire/discord-utilities).
 */
const MAX_OPTIONS = 25;
const MAX_COMBINED_LENGTH = 4_000;

interface Measurable {
  name?: string;
  description?: string;
  value?: unknown;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
  options?: readonly Measurable[];
  choices?: readonly Measurable[];
}

/** Sums the lengths Discord counts against MAX_COMBINED_LENGTH, in English or with the `ja` localizations. */
function combinedLength(item: Measurable, locale?: 'ja'): number {
  const name = (locale && item.name_localizations?.[locale]) || item.name || '';
  const description = (locale && item.description_localizations?.[locale]) || item.description || '';
  const value = item.value === undefined ? '' : String(item.value);
  const children = [...(item.options ?? []), ...(item.choices ?? [])];
  return name.length + description.length + value.length + children.reduce((sum, child) => sum + combinedLength(child, locale), 0);
}

function tooManyOptions(item: Measurable): boolean {
  return (item.options?.length ?? 0) > MAX_OPTIONS || (item.options ?? []).some(tooManyOptions);
}

/** Lists the commands Discord would reject for their size, so registration can stop with a clear message. */
export function commandLimitProblems(commands: readonly DiscordCommand[]): string[] {
  const problems: string[] = [];
  for (const command of commands) {
    const length = Math.max(combinedLength(command as Measurable), combinedLength(command as Measurable, 'ja'));
    if (length > MAX_COMBINED_LENGTH) problems.push(`/${command.name} has ${length} characters of names, descriptions and values; Discord allows ${MAX_COMBINED_LENGTH}`);
    if (tooManyOptions(command as Measurable)) problems.push(`/${command.name} has more than ${MAX_OPTIONS} options or subcommands at one level`);
  }
  return problems;
}
