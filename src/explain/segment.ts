import { entryTitle } from '../core/cards.js';
import { t } from '../i18n/index.js';
import type { Entry, EntryArgument } from '../knowledge/schema.js';
import { allocateArguments } from './arguments.js';
import { commandName, isMention, type Collector } from './collector.js';
import { matchCommand, type CommandMatch } from './match.js';
import { isOptionWord, readOption } from './options.js';
import type { Token } from './tokenize.js';
import { shortWord } from './types.js';

/**
 * The arguments that explain a command nested in another, such as COMMAND and ARG after IMAGE in
 * `docker run`, when that command has no entry of its own.
 */
export interface Fallback {
  entry: Entry;
  args: EntryArgument[];
}

/** A variable assignment before a command, such as `LANG=C` in `LANG=C ls`. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Commands that run the rest of the line as another user, explained as a prefix. */
const PREFIXES = new Set(['sudo']);

/** Adds the command words, one part per unbroken run, the last run carrying the entry's summary. */
function addCommandWords(collector: Collector, words: readonly Token[], found: CommandMatch): void {
  const entry = found.match.entry;
  const typed = found.commandIndexes.map((index) => words[index]!.value).join(' ');
  const runs: number[][] = [];
  for (const [position, index] of found.commandIndexes.entries()) {
    const previous = found.commandIndexes[position - 1];
    if (previous !== undefined && index === previous + 1) runs.at(-1)!.push(position);
    else runs.push([position]);
  }

  runs.forEach((run, runIndex) => {
    const first = words[found.commandIndexes[run[0]!]!]!;
    const last = words[found.commandIndexes[run.at(-1)!]!]!;
    const isLast = runIndex === runs.length - 1;
    const partEntry = isLast ? entry : found.entriesSoFar[run.at(-1)!];
    let meaning = partEntry ? partEntry.summary[collector.locale] : t(collector.locale, 'explain.part.commandWord', { command: typed });
    const title = partEntry ? commandName(partEntry, collector.locale) : '';
    const spelled = isLast ? typed : run.map((position) => words[found.commandIndexes[position]!]!.value).join(' ');
    if (partEntry && !found.match.corrected && !found.caseFolded && spelled !== title) meaning = `${t(collector.locale, 'explain.part.sameAs', { title })} ${meaning}`;
    collector.add({ kind: 'command', start: first.start, end: last.end, entryId: partEntry?.id, meaning });
  });

  const corrected = found.match.corrected || found.caseFolded;
  const intended = found.match.corrected ? found.match.form : found.commandIndexes.map((index) => words[index]!.value.toLowerCase()).join(' ');
  collector.commands.push({ entryId: entry.id, title: entryTitle(entry, collector.locale), typed, ...(corrected ? { corrected: intended } : {}) });
  if (corrected) collector.note('correction', 'explain.note.correction', { typed, intended });
}

/** Explains words that no entry matched by the arguments of the command they are nested in. */
function explainByFallback(collector: Collector, words: readonly Token[], fallback: Fallback): void {
  const allocation = allocateArguments(words, fallback.args);
  for (const { token, argument } of allocation.assigned) collector.argument(token, argument, fallback.entry);
  const command = commandName(fallback.entry, collector.locale);
  for (const token of allocation.extra) collector.unexplained(token, 'argument', collector.problem('unexpected-argument', 'explain.problem.unexpectedArgument', { command }));
}

/** Adds the words of a command that has no entry: the command is named, the rest cannot be read. */
function explainUnknown(collector: Collector, words: readonly Token[]): void {
  const [first, ...rest] = words;
  if (!first) return;

  const problem = isMention(first)
    ? collector.problem('mention', 'explain.problem.mention')
    : collector.problem('unknown-command', 'explain.problem.unknownCommand', { command: shortWord(first.value) });
  collector.unexplained(first, 'command', problem);
  for (const token of rest) {
    const restProblem = isMention(token) ? collector.problem('mention', 'explain.problem.mention') : collector.problem('argument-of-unknown', 'explain.problem.argumentOfUnknown', { command: shortWord(first.value) });
    collector.unexplained(token, 'word', restProblem);
  }
}

/** Explains sudo, variable assignments and mentions before the command; returns the command's index. */
function explainPrefixes(collector: Collector, words: readonly Token[]): number {
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index]!;
    if (isMention(word)) collector.unexplained(word, 'word', collector.problem('mention', 'explain.problem.mention'));
    else if (ASSIGNMENT.test(word.value)) {
      const [name = '', ...value] = word.value.split('=');
      collector.add({ kind: 'assignment', start: word.start, end: word.end, meaning: t(collector.locale, 'explain.part.assignment', { name: shortWord(name), value: shortWord(value.join('=')) }) });
    } else if (PREFIXES.has(word.value)) {
      collector.add({ kind: 'prefix', start: word.start, end: word.end, meaning: t(collector.locale, `explain.prefix.${word.value as 'sudo'}`) });
    } else break;
  }
  return index;
}

/**
 * Names an unknown subcommand with the known words that lead to it, so `docker compose down` names
 * `compose down` when only `docker compose up` has an entry. The words after it cannot be read.
 */
function explainUnknownSubcommand(collector: Collector, words: readonly Token[], index: number, found: CommandMatch): void {
  let end = index;
  let node = found.node.children.get(words[index]!.value);
  while (node && end + 1 < words.length) {
    end++;
    node = node.children.get(words[end]!.value);
  }

  const first = words[index]!;
  const last = words[end]!;
  const subcommand = shortWord(words.slice(index, end + 1).map((word) => word.value).join(' '));
  const command = commandName(found.match.entry, collector.locale);
  const problem = collector.problem('unknown-subcommand', 'explain.problem.unknownSubcommand', { command, word: subcommand });
  collector.add({ kind: 'command', start: first.start, end: last.end, problem });
  for (const rest of words.slice(end + 1)) {
    collector.unexplained(rest, 'word', collector.problem('argument-of-unknown', 'explain.problem.argumentOfUnknown', { command: `${command} ${subcommand}` }));
  }
}

/** The words after a command: positional words, and where a nested command starts, if anywhere. */
interface ReadWords {
  positionals: Token[];
  nestedFrom?: number;
}

/**
 * Reads options and collects positional words after the command words. Returns undefined when an
 * unknown subcommand ended the command, because then no word after it can be read.
 */
function readWords(collector: Collector, words: readonly Token[], found: CommandMatch): ReadWords | undefined {
  const entry = found.match.entry;
  const context = collector.optionContext(entry);
  const commandArgument = entry.arguments.findIndex((argument) => argument.command);
  const expectsSubcommand = collector.forms.hasSubcommands(found.node);
  const positionals: Token[] = [];
  let optionsEnded = false;

  for (let index = found.next; index < words.length; ) {
    const word = words[index]!;
    // Once the arguments before a command argument are given, the rest belongs to that command: in
    // `docker run ubuntu -it`, -it goes to the container, not to docker run.
    if (commandArgument > 0 && positionals.length === commandArgument) return { positionals, nestedFrom: index };

    if (!optionsEnded && word.value === '--') {
      collector.add({ kind: 'option', start: word.start, end: word.end, meaning: t(collector.locale, 'explain.part.endOfOptions') });
      optionsEnded = true;
      index++;
      continue;
    }
    if (!optionsEnded && isOptionWord(word.value)) {
      const reading = readOption(words, index, [entry], context);
      collector.option(reading);
      index += reading.consumed;
      continue;
    }

    if (expectsSubcommand) {
      explainUnknownSubcommand(collector, words, index, found);
      return undefined;
    }
    if (commandArgument === 0) return { positionals, nestedFrom: index };

    positionals.push(word);
    index++;
  }
  return { positionals };
}

/**
 * Explains one simple command: prefixes, the longest command form, its options and arguments. After
 * an argument marked `command` (COMMAND after IMAGE in `docker run`) the rest is explained as a
 * command of its own, by its entry when it has one and by that argument when it does not.
 */
export function explainSegment(collector: Collector, words: readonly Token[], fallback?: Fallback): void {
  const start = explainPrefixes(collector, words);
  if (start >= words.length) return;

  const found = matchCommand(words, start, collector.forms, { locale: collector.locale, typedDash: () => undefined });
  if (!found) {
    if (fallback) explainByFallback(collector, words.slice(start), fallback);
    else explainUnknown(collector, words.slice(start));
    return;
  }

  const entry = found.match.entry;
  const context = collector.optionContext(entry);
  addCommandWords(collector, words, found);
  for (const early of found.earlyOptions) {
    const owners = early.owner && early.owner !== entry ? [early.owner, entry] : [entry];
    collector.option(readOption(words, early.index, owners, context));
  }

  const read = readWords(collector, words, found);
  if (!read) return;

  const commandArgument = entry.arguments.findIndex((argument) => argument.command);
  const ownArguments = commandArgument === -1 ? entry.arguments : entry.arguments.slice(0, commandArgument);
  const nestedArguments = commandArgument === -1 ? [] : entry.arguments.slice(commandArgument);
  const allocation = allocateArguments(read.positionals, ownArguments);
  const title = commandName(entry, collector.locale);
  for (const { token, argument } of allocation.assigned) collector.argument(token, argument, entry);
  for (const token of allocation.extra) collector.unexplained(token, 'argument', collector.problem('unexpected-argument', 'explain.problem.unexpectedArgument', { command: title }));

  const missing = [...allocation.missing, ...(read.nestedFrom === undefined ? nestedArguments.filter((argument) => !argument.optional) : [])];
  for (const argument of missing) collector.note('missing-argument', 'explain.note.missingArgument', { command: title, argument: argument.name });
  if (read.nestedFrom === undefined) return;

  const nested = words.slice(read.nestedFrom);
  const first = nested[0]!;
  if (isOptionWord(first.value) && !readOption(nested, 0, [entry], context).problem) {
    collector.note('after-command', 'explain.note.afterCommand', { word: shortWord(first.value), command: title, argument: nestedArguments[0]?.name ?? '' });
  }
  explainSegment(collector, nested, { entry, args: nestedArguments });
}
