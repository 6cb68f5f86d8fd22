import type { CommandDefinition, OptionDefinition } from '../../core/definition.js';

/** A line of shell input turned into a command call, before it becomes a neutral request. */
export interface ParsedLine {
  command: string;
  subcommand?: string;
  options: Record<string, string | number | boolean>;
  /** An `option:value` word whose value does not fit the option's type, such as `private:maybe`. */
  invalid?: { option: OptionDefinition; value: string };
}

/** Words that end the shell session. */
export const EXIT_WORDS = new Set(['/exit', '/quit', '/bye']);

function coerce(option: OptionDefinition, typed: string): string | number | boolean | undefined {
  // Quotes around a value, as in tz:"Asia/Tokyo", are how people type it, not part of it.
  const raw = /^(["'「]).*(["'」])$/u.test(typed) && typed.length >= 2 ? typed.slice(1, -1) : typed;
  if (option.type === 'string') return raw;
  if (option.type === 'integer') return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
  if (/^(true|yes|on|1|はい)$/i.test(raw)) return true;
  if (/^(false|no|off|0|いいえ)$/i.test(raw)) return false;
  return undefined;
}

/**
 * Parses `/name [subcommand] [option:value ...] [free text]`. Words of the form `option:value` set
 * that option, and the words after a free-text option continue its value (`/explain line:docker ps -a`).
 * Other text goes to the first string option, so `/cmd docker commit` sets query.
 * Plain text without a leading slash becomes `fallback` with the text as its query.
 */
export function parseLine(line: string, lookup: (name: string) => CommandDefinition | undefined, fallback = 'cmd'): ParsedLine {
  const text = line.trim();
  if (!text.startsWith('/')) return { command: fallback, options: { query: text } };

  // Only ASCII spaces separate words, so a pasted full-width space stays in the text for /explain to point out.
  const words = text.slice(1).split(/[ \t]+/);
  const name = (words.shift() ?? '').toLowerCase();
  const definition = lookup(name);
  if (!definition) return { command: name, options: {} };

  let optionList = definition.options;
  let subcommand: string | undefined;
  const candidate = words[0]?.toLowerCase();
  const subcommands = definition.subcommands ?? [];
  const sub = subcommands.find((item) => item.name === candidate);
  if (sub) {
    subcommand = sub.name;
    optionList = sub.options;
    words.shift();
  } else if (subcommands.length > 0 && candidate !== undefined && candidate !== '' && !candidate.includes(':')) {
    // An unknown subcommand word goes to the core, which names it, instead of vanishing into free text.
    return { command: name, subcommand: candidate, options: {} };
  } else if (subcommands.length > 0) {
    // Without a subcommand, option words may belong to any of them, as in /quiz topic:docker.
    optionList = subcommands.flatMap((item) => item.options);
  }

  const options: Record<string, string | number | boolean> = {};
  const rest: string[] = [];
  let continued: string | undefined;
  for (const word of words) {
    const separator = word.indexOf(':');
    const option = separator > 0 ? optionList.find((item) => item.name === word.slice(0, separator).toLowerCase()) : undefined;
    const value = option ? coerce(option, word.slice(separator + 1)) : undefined;
    if (option && value === undefined && option.type !== 'string') {
      return { command: name, ...(subcommand ? { subcommand } : {}), options, invalid: { option, value: word.slice(separator + 1) } };
    }
    if (option && value !== undefined) {
      options[option.name] = value;
      // A free-text option runs to the next option word, as Discord's option box takes everything typed.
      continued = option.type === 'string' && !option.choices?.length ? option.name : undefined;
    } else if (continued !== undefined) {
      options[continued] = `${String(options[continued])} ${word}`.trim();
    } else {
      rest.push(word);
    }
  }

  const freeOption = optionList.find((option) => option.type === 'string' && options[option.name] === undefined);
  if (rest.length > 0 && freeOption) options[freeOption.name] = rest.join(' ');
  return subcommand ? { command: name, subcommand, options } : { command: name, options };
}
