import { t, type Locale } from '../i18n/index.js';
import type { Entry, EntryOption } from '../knowledge/schema.js';
import type { Note, Problem } from './types.js';
import type { Token } from './tokenize.js';
import { shortWord } from './types.js';
import { interpretValue } from './values.js';

export interface OptionContext {
  locale: Locale;
  /** Name of the command the options belong to, such as `docker run`, for messages. */
  command: string;
  /** The look-alike character, such as `—`, typed for the word's leading dash; undefined for an ASCII dash. */
  typedDash(token: Token): string | undefined;
}

/** The reading of one option word and the value it takes. */
export interface OptionReading {
  /** Words taken: 1, or 2 when the value is the next word. */
  consumed: number;
  start: number;
  end: number;
  entryId?: string;
  meaning?: string;
  problem?: Problem;
  notes: Note[];
}

interface Flag {
  name: string;
  option?: EntryOption;
  owner?: Entry;
  value?: string;
  valueToken?: Token;
}

/** Maximum number of unknown flag names that one problem lists. */
const MAX_NAMED_FLAGS = 5;

function listNames(names: readonly string[]): string {
  const distinct = [...new Set(names)];
  const listed = distinct.slice(0, MAX_NAMED_FLAGS).map((name) => shortWord(name)).join(', ');
  return distinct.length > MAX_NAMED_FLAGS ? `${listed}, …` : listed;
}

/** True for a word that a command reads as an option: a dash and more, other than `-` (standard input). */
export function isOptionWord(word: string): boolean {
  return word.startsWith('-') && word !== '-';
}

/** True when the value of an option may be left out, as in `journalctl -b [ID][±offset]`. */
function valueIsOptional(option: EntryOption): boolean {
  return option.value !== undefined && option.value.replace(/\[[^\]]*\]/g, '').trim() === '';
}

function findOption(owners: readonly Entry[], matches: (option: EntryOption) => boolean): { option: EntryOption; owner: Entry } | undefined {
  for (const owner of owners) {
    const option = owner.options.find(matches);
    if (option) return { option, owner };
  }
  return undefined;
}

/** Reads `--name`, `--name=value` or `--name value`. */
function readLong(words: readonly Token[], index: number, owners: readonly Entry[], word: string): Flag[] {
  const separator = word.indexOf('=');
  const name = separator === -1 ? word : word.slice(0, separator);
  const found = findOption(owners, (option) => option.long === name);
  const flag: Flag = { name, ...found };
  if (separator !== -1) flag.value = word.slice(separator + 1);
  else if (found?.option.value && !valueIsOptional(found.option) && words[index + 1]) flag.valueToken = words[index + 1];
  return [flag];
}

/** Reads a cluster of short flags such as `-it`; a flag that takes a value ends the cluster (`-p5000:5000`). */
function readShort(words: readonly Token[], index: number, owners: readonly Entry[], word: string): Flag[] {
  const flags: Flag[] = [];
  const letters = word.slice(1);
  for (let position = 0; position < letters.length; position++) {
    const name = `-${letters[position]}`;
    const found = findOption(owners, (option) => option.short === name);
    const flag: Flag = { name, ...found };
    flags.push(flag);
    if (!found?.option.value) continue;

    const attached = letters.slice(position + 1).replace(/^=/, '');
    if (attached !== '') flag.value = attached;
    else if (!valueIsOptional(found.option) && words[index + 1]) flag.valueToken = words[index + 1];
    break;
  }
  return flags;
}

function describeFlag(flag: Flag, token: Token, locale: Locale): string {
  const option = flag.option!;
  const sentences = [option[locale]];
  const value = flag.valueToken ? { text: flag.valueToken.value, expands: flag.valueToken.expansions.length > 0 } : flag.value !== undefined ? { text: flag.value, expands: token.expansions.length > 0 } : undefined;
  if (value) sentences.push(...interpretValue(option.value ?? '', value, locale));
  return sentences.join(' ');
}

/**
 * Reads the option word at `index` with the options of `owners`, searched in order. Combined short
 * flags are read one by one; an unknown flag is named, never guessed. A word whose leading dash was
 * a look-alike character (`—rm`) is read as a long option when the short reading fails and it exists.
 */
export function readOption(words: readonly Token[], index: number, owners: readonly Entry[], context: OptionContext): OptionReading {
  const token = words[index]!;
  const word = token.value;
  let flags = word.startsWith('--') ? readLong(words, index, owners, word) : readShort(words, index, owners, word);
  const notes: Note[] = [];

  const typedDash = word.startsWith('--') ? undefined : context.typedDash(token);
  if (typedDash !== undefined && flags.some((flag) => !flag.option)) {
    const long = readLong(words, index, owners, `-${word}`);
    if (long[0]?.option) {
      flags = long;
      notes.push({ code: 'long-option', text: t(context.locale, 'explain.note.longOption', { typed: shortWord(typedDash + word.slice(1)), option: long[0].name }) });
    }
  }

  const valueToken = flags.find((flag) => flag.valueToken)?.valueToken;
  const known = flags.filter((flag) => flag.option);
  const unknown = flags.filter((flag) => !flag.option);
  const missing = known.find((flag) => flag.option?.value && !valueIsOptional(flag.option) && flag.value === undefined && !flag.valueToken);

  // A flag repeated in a cluster (`-vvv`) is described once.
  const distinct = known.filter((flag, position) => known.findIndex((other) => other.name === flag.name) === position);
  const meanings = distinct.map((flag) => `${flags.length > 1 ? `${flag.name}: ` : ''}${describeFlag(flag, token, context.locale)}`);
  const meaning = meanings.length === 0 ? undefined : meanings.join(' ');

  const reading: OptionReading = {
    consumed: valueToken ? 2 : 1,
    start: token.start,
    end: valueToken ? valueToken.end : token.end,
    notes,
  };
  if (known[0]?.owner) reading.entryId = known[0].owner.id;
  if (meaning) reading.meaning = meaning;

  if (unknown.length > 0) {
    const names = listNames(unknown.map((flag) => flag.name));
    reading.problem = { code: 'unknown-option', text: t(context.locale, 'explain.problem.unknownOption', { command: context.command, option: names }) };
  } else if (missing) {
    reading.problem = { code: 'missing-value', text: t(context.locale, 'explain.problem.missingValue', { option: missing.name, placeholder: missing.option?.value ?? '' }) };
  }
  return reading;
}
