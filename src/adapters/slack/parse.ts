import type { CommandDefinition, OptionDefinition } from '../../core/definition.js';

// Slack sends a slash command's arguments as one free-text string, so the adapter parses them
// against the command's neutral definition: an optional subcommand word, `option:value` words and
// free text for the first string option. Words after a free-text option's `name:value` word continue
// its value, as Discord's option box takes everything typed: `/explain line:docker run -d nginx`.
// Any command the core defines works without Slack changes.

/** A command call parsed from Slack text, before it becomes a neutral request. */
export interface ParsedCommand {
  command: string;
  subcommand?: string;
  options: Record<string, string | number | boolean>;
}

export type CommandLookup = (name: string) => CommandDefinition | undefined;

/**
 * The umbrella command: `/shiori cmd docker commit` runs `/cmd docker commit`, so every command stays
 * usable when Slack or another app already owns its name in a workspace.
 */
export const UMBRELLA_COMMAND = 'shiori';

/** Plain text in a mention or a direct message runs this command with the text as its query. */
export const PLAIN_TEXT_COMMAND = 'cmd';

const TRUE_WORDS = /^(true|yes|on|1|はい)$/i;
const FALSE_WORDS = /^(false|no|off|0|いいえ)$/i;

function matchesName(item: { name: string; nameJa?: string }, word: string): boolean {
  return item.name === word.toLowerCase() || (item.nameJa !== undefined && item.nameJa === word);
}

/** Converts a typed value to the option's type, or undefined when it does not fit. */
function coerce(option: OptionDefinition, typed: string): string | number | boolean | undefined {
  // Quotes around a value, as in tz:"Asia/Tokyo", are how people type it, not part of it. Slack
  // may send typographic quotes, which NFKC leaves alone.
  const trimmed = typed.trim();
  const unquoted = /^(["'“‘「]).*(["'”’」])$/u.test(trimmed) && trimmed.length >= 2 ? trimmed.slice(1, -1) : trimmed;
  const raw = unquoted.normalize('NFKC').trim();
  if (raw === '') return undefined;

  if (option.type === 'integer') return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
  if (option.type === 'boolean') {
    if (TRUE_WORDS.test(raw)) return true;
    if (FALSE_WORDS.test(raw)) return false;
    return undefined;
  }

  // A choice may be typed by its value or by its label in either language, such as `日本語` for `ja`.
  const choice = option.choices?.find(
    (item) => item.value.toLowerCase() === raw.toLowerCase() || item.label.ja === raw || item.label.en.toLowerCase() === raw.toLowerCase(),
  );
  return choice ? choice.value : unquoted.trim();
}

/** True for a text option without fixed choices, whose value may run over several words. */
function takesFreeText(option: OptionDefinition): boolean {
  return option.type === 'string' && (option.choices?.length ?? 0) === 0;
}

/** Splits `name:value` (or the full-width `name：value`) into its parts. */
function splitOptionWord(word: string): [string, string] | undefined {
  const match = /^([^:：]+)[:：](.*)$/u.exec(word);
  return match ? [match[1] ?? '', match[2] ?? ''] : undefined;
}

/** Parses the arguments `text` of the command `name`; an unknown name is returned as is for the core to reject. */
export function parseCommandText(name: string, text: string, lookup: CommandLookup): ParsedCommand {
  const command = name.toLowerCase();
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const definition = lookup(command);
  if (!definition) return { command, options: {} };

  const first = words[0];
  const subcommand = first === undefined ? undefined : definition.subcommands?.find((item) => matchesName(item, first));
  if (command === UMBRELLA_COMMAND && first !== undefined && !subcommand) {
    const target = first.toLowerCase();
    if (target !== UMBRELLA_COMMAND && lookup(target)) return parseCommandText(target, words.slice(1).join(' '), lookup);
  }
  if (subcommand) words.shift();

  const optionList = subcommand ? subcommand.options : definition.options;
  const options: Record<string, string | number | boolean> = {};
  const freeWords: string[] = [];
  let continued: OptionDefinition | undefined;
  for (const word of words) {
    const parts = splitOptionWord(word);
    const option = parts ? optionList.find((item) => matchesName(item, parts[0])) : undefined;
    const value = option && parts ? coerce(option, parts[1]) : undefined;
    if (option && value !== undefined) {
      options[option.name] = value;
      continued = takesFreeText(option) ? option : undefined;
    } else if (option && parts?.[1]?.trim() === '' && takesFreeText(option)) {
      // `line: docker run`: the value starts after the space.
      continued = option;
    } else if (continued) {
      const previous = options[continued.name];
      options[continued.name] = previous === undefined ? word : `${String(previous)} ${word}`;
    } else {
      freeWords.push(word);
    }
  }

  const freeOption = optionList.find((option) => option.type === 'string' && options[option.name] === undefined);
  if (freeWords.length > 0 && freeOption) {
    const value = coerce(freeOption, freeWords.join(' '));
    if (value !== undefined) options[freeOption.name] = value;
  }

  const parsed: ParsedCommand = { command, options };
  if (subcommand) parsed.subcommand = subcommand.name;
  return parsed;
}

/**
 * Parses the text of a mention or a direct message: `/name args` runs that command, other text is
 * looked up with PLAIN_TEXT_COMMAND, and empty text runs help.
 */
export function parseMessageText(text: string, lookup: CommandLookup): ParsedCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { command: 'help', options: {} };

  const slash = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (slash) return parseCommandText(slash[1] ?? '', slash[2] ?? '', lookup);
  return parseCommandText(PLAIN_TEXT_COMMAND, trimmed, lookup);
}
