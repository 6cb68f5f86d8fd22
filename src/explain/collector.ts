import { entryTitle, localized } from '../core/cards.js';
import { t, type Locale, type MessageKey } from '../i18n/index.js';
import type { Entry, EntryArgument } from '../knowledge/schema.js';
import type { FormIndex } from './forms.js';
import type { OptionContext, OptionReading } from './options.js';
import type { Redirection } from './split.js';
import type { Token } from './tokenize.js';
import { shortWord, type MatchedCommand, type Note, type Part, type PartKind, type Problem, type ProblemCode } from './types.js';
import { interpretValue } from './values.js';

export type PendingPart = Omit<Part, 'number' | 'text'>;

const OPERATOR_KEYS: Record<string, MessageKey> = {
  '&&': 'explain.operator.and',
  '||': 'explain.operator.or',
  '|': 'explain.operator.pipe',
  '|&': 'explain.operator.pipeAll',
  ';': 'explain.operator.sequence',
  '&': 'explain.operator.background',
  '(': 'explain.operator.subshellStart',
  ')': 'explain.operator.subshellEnd',
  ';;': 'explain.operator.caseEnd',
};

/** Operators after which a command must follow. */
const NEEDS_NEXT = new Set(['&&', '||', '|', '|&']);

/** The parts, commands and notes gathered while a line is explained, with helpers that word them. */
export class Collector {
  readonly parts: PendingPart[] = [];
  readonly commands: MatchedCommand[] = [];
  readonly notes: Note[] = [];

  constructor(
    readonly line: string,
    readonly locale: Locale,
    readonly forms: FormIndex,
    /** Look-alike characters typed for dashes, by their offset in the line. */
    private readonly fixedDashes: ReadonlyMap<number, string>,
  ) {}

  add(part: PendingPart): void {
    this.parts.push(part);
  }

  note(code: Note['code'], key: MessageKey, params: Record<string, string | number> = {}): void {
    this.keepNote({ code, text: t(this.locale, key, params) });
  }

  /** Adds an option part and its notes. */
  option(reading: OptionReading): void {
    this.add({ kind: 'option', start: reading.start, end: reading.end, entryId: reading.entryId, meaning: reading.meaning, problem: reading.problem });
    for (const note of reading.notes) this.keepNote(note);
  }

  private keepNote(note: Note): void {
    if (!this.notes.some((kept) => kept.text === note.text)) this.notes.push(note);
  }

  problem(code: ProblemCode, key: MessageKey, params: Record<string, string | number> = {}): Problem {
    return { code, text: t(this.locale, key, params) };
  }

  optionContext(entry: Entry): OptionContext {
    return { locale: this.locale, command: commandName(entry, this.locale), typedDash: (token) => this.fixedDashes.get(token.start) };
  }

  /** Adds a part that could not be explained. */
  unexplained(token: Token, kind: PartKind, problem: Problem): void {
    this.add({ kind, start: token.start, end: token.end, problem });
  }

  /** Adds a positional argument with the meaning its entry gives it; a chat mention is added as unexplained. */
  argument(token: Token, argument: EntryArgument, entry: Entry): void {
    if (isMention(token)) {
      this.unexplained(token, 'argument', this.problem('mention', 'explain.problem.mention'));
      return;
    }

    const sentences = [localized(argument, this.locale), ...interpretValue(argument.name, { text: token.value, expands: token.expansions.length > 0 }, this.locale)];
    this.add({ kind: 'argument', start: token.start, end: token.end, entryId: entry.id, meaning: `${argument.name}: ${sentences.join(' ')}` });
  }

  operator(token: Token, hasNext: boolean, hasPrevious: boolean): void {
    const key = OPERATOR_KEYS[token.text];
    if (!key) return;

    const part: PendingPart = { kind: 'operator', start: token.start, end: token.end, meaning: t(this.locale, key) };
    const closesOrOpens = token.text === '(' || token.text === ')';
    if (!hasPrevious && !closesOrOpens) part.problem = this.problem('missing-command', 'explain.problem.nothingBefore', { operator: token.text });
    else if (!hasNext && NEEDS_NEXT.has(token.text)) part.problem = this.problem('missing-command', 'explain.problem.nothingAfter', { operator: token.text });
    this.add(part);
  }

  redirection({ operator, target }: Redirection): void {
    const end = target?.end ?? operator.end;
    if (!target) {
      this.add({ kind: 'redirect', start: operator.start, end, problem: this.problem('missing-target', 'explain.problem.missingTarget', { operator: operator.text }) });
      return;
    }

    const [, digits, symbol = ''] = /^(\d*)(.*)$/.exec(operator.text) ?? [];
    const defaultStream = symbol.startsWith('<') ? 0 : 1;
    const stream = this.streamName(digits ? Number(digits) : defaultStream);
    const duplicates = (symbol === '>&' || symbol === '<&') && /^(\d+|-)$/.test(target.value);
    const key = duplicates ? 'explain.redirect.duplicate' : REDIRECT_KEYS[symbol] ?? 'explain.redirect.write';
    const targetText = duplicates && target.value !== '-' ? this.streamName(Number(target.value)) : shortWord(target.value);
    this.add({ kind: 'redirect', start: operator.start, end, meaning: t(this.locale, key, { stream, target: targetText }) });
  }

  comment(token: Token): void {
    this.add({ kind: 'comment', start: token.start, end: token.end, meaning: t(this.locale, 'explain.part.comment') });
  }

  private streamName(descriptor: number): string {
    if (descriptor === 0) return t(this.locale, 'explain.stream.input');
    if (descriptor === 1) return t(this.locale, 'explain.stream.output');
    if (descriptor === 2) return t(this.locale, 'explain.stream.error');
    return t(this.locale, 'explain.stream.other', { descriptor });
  }
}

const REDIRECT_KEYS: Record<string, MessageKey> = {
  '>': 'explain.redirect.write',
  '>|': 'explain.redirect.write',
  '>>': 'explain.redirect.append',
  '<': 'explain.redirect.read',
  '<>': 'explain.redirect.readWrite',
  '<<': 'explain.redirect.hereDocument',
  '<<-': 'explain.redirect.hereDocument',
  '<<<': 'explain.redirect.hereString',
  '&>': 'explain.redirect.writeBoth',
  '>&': 'explain.redirect.writeBoth',
  '&>>': 'explain.redirect.appendBoth',
};

/** Returns the name a command is typed by, such as `docker run`; the title for an entry without forms. */
export function commandName(entry: Entry, locale: Locale): string {
  return entry.forms[0] ?? entryTitle(entry, locale);
}

/** True for a chat mention such as `<@123>`, `@everyone` or `@here`, which is not shell text. */
export function isMention(token: Token): boolean {
  return token.mention || /^@(?:everyone|here|channel)$/.test(token.value);
}

