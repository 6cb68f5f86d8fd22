import { entryTitle } from '../core/cards.js';
import type { Entry } from '../knowledge/schema.js';
import { allocateArguments } from './arguments.js';
import { commandName, type Collector } from './collector.js';
import { isOptionWord, readOption } from './options.js';
import { explainSegment, type Fallback } from './segment.js';
import type { Token } from './tokenize.js';

/** Explains the tokens of a command line; instructions call it for the shell form of RUN and CMD. */
export type LineExplainer = (collector: Collector, tokens: readonly Token[], fallback?: Fallback) => void;

/** Returns the instruction entry (`RUN`, `COPY`, ...) that a word names exactly, upper case included. */
export function instructionNamed(collector: Collector, word: Token): Entry | undefined {
  const node = collector.forms.root.children.get(word.value);
  return node?.matches.find((match) => match.entry.kind === 'instruction' && !match.corrected)?.entry;
}

/**
 * Reads the exec form of an instruction, a JSON array of strings such as `["python3", "app.py"]`,
 * as one word per string. Returns undefined when the text is no such array; Docker then runs it in
 * shell form.
 */
function readExecForm(line: string, start: number): Token[] | undefined {
  const newline = line.indexOf('\n', start);
  const end = newline === -1 ? line.length : newline;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(start, end));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) return undefined;

  const words: Token[] = [];
  for (let index = start; index < end; index++) {
    if (line[index] !== '"') continue;

    let close = index + 1;
    while (close < end && line[close] !== '"') close += line[close] === '\\' ? 2 : 1;
    const text = line.slice(index, close + 1);
    words.push({ kind: 'word', text, value: JSON.parse(text) as string, start: index, end: close + 1, quoted: true, expansions: [], mention: false });
    index = close;
  }
  return words;
}

/**
 * Explains a Dockerfile instruction line: the instruction, its `--flag=value` options, then its
 * arguments. The exec form is read as JSON; the shell form of an instruction whose argument is a
 * command (RUN, CMD, ENTRYPOINT) is explained as a whole shell line, `&&` included.
 */
export function explainInstruction(collector: Collector, tokens: readonly Token[], entry: Entry, explainLine: LineExplainer): void {
  const [instruction] = tokens;
  if (!instruction) return;

  collector.add({ kind: 'command', start: instruction.start, end: instruction.end, entryId: entry.id, meaning: entry.summary[collector.locale] });
  collector.commands.push({ entryId: entry.id, title: entryTitle(entry, collector.locale), typed: instruction.value });

  // Options are the leading words, so a value is never taken from after an operator.
  const firstOperator = tokens.findIndex((token) => token.kind !== 'word');
  const words = firstOperator === -1 ? tokens : tokens.slice(0, firstOperator);
  let next = 1;
  while (next < words.length && isOptionWord(words[next]!.value)) {
    const reading = readOption(words, next, [entry], collector.optionContext(entry));
    collector.option(reading);
    next += reading.consumed;
  }

  const rest = tokens.slice(next);
  const commandArgument = entry.arguments.findIndex((argument) => argument.command);
  const fallback = { entry, args: entry.arguments.slice(Math.max(commandArgument, 0)) };
  const restStart = rest[0]?.start;

  if (restStart === undefined) {
    explainArguments(collector, [], entry);
    return;
  }
  if (collector.line[restStart] === '[') {
    const execWords = readExecForm(collector.line, restStart);
    if (execWords && commandArgument !== -1) {
      explainSegment(collector, execWords, fallback);
      return;
    }
    if (execWords) {
      explainArguments(collector, execWords, entry);
      return;
    }
    collector.note('exec-form-invalid', 'explain.note.execFormInvalid', { instruction: instruction.value });
  }

  if (commandArgument !== -1) {
    explainLine(collector, rest, fallback);
    return;
  }

  const operator = rest.findIndex((token) => token.kind !== 'word');
  explainArguments(collector, operator === -1 ? rest : rest.slice(0, operator), entry);
  if (operator !== -1) explainLine(collector, rest.slice(operator));
}

function explainArguments(collector: Collector, words: readonly Token[], entry: Entry): void {
  const allocation = allocateArguments(words, entry.arguments);
  const title = commandName(entry, collector.locale);
  for (const { token, argument } of allocation.assigned) collector.argument(token, argument, entry);
  for (const token of allocation.extra) collector.unexplained(token, 'argument', collector.problem('unexpected-argument', 'explain.problem.unexpectedArgument', { command: title }));
  for (const argument of allocation.missing) collector.note('missing-argument', 'explain.note.missingArgument', { command: title, argument: argument.name });
}
