// A tokenizer that follows the POSIX shell's token recognition (Shell Command Language, section 2.3)
// closely enough to explain a line. Quotes and backslashes are removed from a word's value. `$(...)`,
// backquotes, `${...}` and `$NAME` stay inside their word as written and are recorded as expansions.
// Nothing is expanded or run.

export type TokenKind = 'word' | 'operator' | 'redirect' | 'comment';

export interface Expansion {
  kind: 'command' | 'backquote' | 'parameter' | 'arithmetic';
  /** The expansion as written, such as `$(pwd)` or `$HOME`. */
  text: string;
  /** Text inside the expansion: the command of `$(pwd)`, the name of `${HOME}` or `$HOME`. */
  inner: string;
  start: number;
  end: number;
}

export interface Token {
  kind: TokenKind;
  /** The token as it appears in the line. */
  text: string;
  /** For a word, the text with quotes and backslashes removed; otherwise the same as `text`. */
  value: string;
  start: number;
  end: number;
  quoted: boolean;
  expansions: Expansion[];
  /** A chat mention such as `<@123>` or `<#456>`, which is no shell syntax at all. */
  mention: boolean;
}

export interface TokenizedLine {
  tokens: Token[];
  /** The opening of a quote or substitution that the line never closes. */
  unterminated?: { opening: string; start: number };
}

/** Operators, longest first so `&&` wins over `&`. A newline separates commands like `;`. */
const OPERATORS = ['&&', '||', '|&', ';;', '|', '&', ';', '(', ')', '\n'];
const REDIRECTS = ['<<<', '<<-', '&>>', '<<', '>>', '&>', '>&', '<&', '<>', '>|', '>', '<'];
const BREAKS = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);
const MENTION = /^<(?:[@#!][^\s<>]*|a?:\w+:\d+)>/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL_PARAMETER = /^[0-9?$!#@*-]/;

interface Scan {
  end: number;
  terminated: boolean;
}

/** Finds the end of a quoted string that starts at `start` (a `'` or `"`). */
function scanQuoted(line: string, start: number): Scan {
  const quote = line[start];
  let index = start + 1;
  while (index < line.length) {
    const character = line[index];
    if (character === quote) return { end: index + 1, terminated: true };
    if (quote === '"' && character === '\\') index += 2;
    else if (quote === '"' && (character === '$' || character === '`')) index = (scanExpansion(line, index)?.end ?? index + 1);
    else index++;
  }
  return { end: line.length, terminated: false };
}

/** Finds the `close` that balances the `open` at `start`, skipping quoted text and nested substitutions. */
function scanBalanced(line: string, start: number, open: string, close: string): Scan {
  let depth = 0;
  let index = start;
  while (index < line.length) {
    const character = line[index]!;
    if (character === '\\') {
      index += 2;
      continue;
    }
    if (character === "'" || character === '"' || character === '`') {
      const quoted = character === '`' ? scanBackquote(line, index) : scanQuoted(line, index);
      if (!quoted.terminated) return quoted;
      index = quoted.end;
      continue;
    }
    if (character === open) depth++;
    else if (character === close && --depth === 0) return { end: index + 1, terminated: true };
    index++;
  }
  return { end: line.length, terminated: false };
}

function scanBackquote(line: string, start: number): Scan {
  let index = start + 1;
  while (index < line.length) {
    if (line[index] === '\\') index += 2;
    else if (line[index] === '`') return { end: index + 1, terminated: true };
    else index++;
  }
  return { end: line.length, terminated: false };
}

/** Reads the expansion at `start` (a `$` or a backquote); undefined when a `$` starts none. */
export function scanExpansion(line: string, start: number): (Expansion & { terminated: boolean }) | undefined {
  const next = line[start + 1];
  const make = (kind: Expansion['kind'], scan: Scan, inner: string) => ({ kind, text: line.slice(start, scan.end), inner, start, end: scan.end, terminated: scan.terminated });

  if (line[start] === '`') {
    const scan = scanBackquote(line, start);
    return make('backquote', scan, line.slice(start + 1, scan.terminated ? scan.end - 1 : scan.end).trim());
  }
  if (next === '(') {
    // `$((...))` is arithmetic, with one more parenthesis on each side than `$(...)`.
    const arithmetic = line[start + 2] === '(';
    const depth = arithmetic ? 2 : 1;
    const scan = scanBalanced(line, start + 1, '(', ')');
    const innerEnd = scan.terminated ? scan.end - depth : scan.end;
    return make(arithmetic ? 'arithmetic' : 'command', scan, line.slice(start + 1 + depth, innerEnd).trim());
  }
  if (next === '{') {
    const scan = scanBalanced(line, start + 1, '{', '}');
    return make('parameter', scan, line.slice(start + 2, scan.terminated ? scan.end - 1 : scan.end));
  }

  const rest = line.slice(start + 1);
  const name = NAME.exec(rest)?.[0] ?? SPECIAL_PARAMETER.exec(rest)?.[0];
  if (!name) return undefined;
  return make('parameter', { end: start + 1 + name.length, terminated: true }, name);
}

function token(line: string, kind: TokenKind, start: number, end: number): Token {
  const text = line.slice(start, end);
  return { kind, text, value: text, start, end, quoted: false, expansions: [], mention: false };
}

/** Reads one word from `start`; reports the first quote or substitution left open. */
function scanWord(line: string, start: number): { token: Token; unterminated?: TokenizedLine['unterminated'] } {
  const word = token(line, 'word', start, start);
  let value = '';
  let index = start;
  let unterminated: TokenizedLine['unterminated'];

  while (index < line.length && !BREAKS.has(line[index]!)) {
    const character = line[index]!;
    if (character === '\\') {
      // A backslash before a newline joins the lines; before anything else it quotes that character.
      if (line[index + 1] !== '\n') value += line[index + 1] ?? '\\';
      word.quoted = true;
      index += 2;
    } else if (character === "'" || character === '"') {
      const scan = scanQuoted(line, index);
      const inner = line.slice(index + 1, scan.terminated ? scan.end - 1 : scan.end);
      value += character === '"' ? inner.replace(/\\([$`"\\])/g, '$1').replace(/\\\n/g, '') : inner;
      word.quoted = true;
      if (character === '"') collectExpansions(line, index + 1, scan.end, word.expansions);
      if (!scan.terminated) unterminated ??= { opening: character, start: index };
      index = scan.end;
    } else if (character === '$' || character === '`') {
      const expansion = scanExpansion(line, index);
      if (!expansion) {
        value += character;
        index++;
        continue;
      }
      const { terminated, ...recorded } = expansion;
      word.expansions.push(recorded);
      value += expansion.text;
      if (!terminated) unterminated ??= { opening: character === '`' ? '`' : expansion.text.slice(0, 2), start: index };
      index = expansion.end;
    } else {
      value += character;
      index++;
    }
  }

  word.end = Math.min(index, line.length);
  word.text = line.slice(start, word.end);
  word.value = value;
  return unterminated ? { token: word, unterminated } : { token: word };
}

/** Records the expansions inside a double-quoted string, which the shell performs there too. */
function collectExpansions(line: string, start: number, end: number, into: Expansion[]): void {
  for (let index = start; index < end; index++) {
    const character = line[index];
    if (character === '\\') index++;
    else if (character === '$' || character === '`') {
      const expansion = scanExpansion(line, index);
      if (!expansion) continue;
      const { terminated: _terminated, ...recorded } = expansion;
      into.push(recorded);
      index = expansion.end - 1;
    }
  }
}

/** Splits a line into words, operators, redirections and a trailing comment. An unclosed quote is reported, not thrown. */
export function tokenize(line: string): TokenizedLine {
  const tokens: Token[] = [];
  let unterminated: TokenizedLine['unterminated'];
  let index = 0;

  while (index < line.length) {
    const character = line[index]!;
    if (character === ' ' || character === '\t') {
      index++;
      continue;
    }

    if (character === '#') {
      const end = line.indexOf('\n', index);
      tokens.push(token(line, 'comment', index, end === -1 ? line.length : end));
      index = end === -1 ? line.length : end;
      continue;
    }

    const mention = MENTION.exec(line.slice(index, index + 100));
    if (mention) {
      tokens.push({ ...token(line, 'word', index, index + mention[0].length), mention: true });
      index += mention[0].length;
      continue;
    }

    const redirect = REDIRECTS.find((operator) => line.startsWith(operator, index));
    if (redirect) {
      tokens.push(token(line, 'redirect', index, index + redirect.length));
      index += redirect.length;
      continue;
    }

    const operator = OPERATORS.find((candidate) => line.startsWith(candidate, index));
    if (operator) {
      tokens.push(token(line, 'operator', index, index + operator.length));
      index += operator.length;
      continue;
    }

    const scanned = scanWord(line, index);
    unterminated ??= scanned.unterminated;
    index = scanned.token.end;

    // Digits right before `<` or `>` name the file descriptor of a redirection, as in `2>&1`.
    const follower = line[index];
    if (/^\d+$/.test(scanned.token.text) && (follower === '<' || follower === '>')) {
      const redirectAfter = REDIRECTS.find((candidate) => line.startsWith(candidate, index))!;
      tokens.push(token(line, 'redirect', scanned.token.start, index + redirectAfter.length));
      index += redirectAfter.length;
      continue;
    }
    tokens.push(scanned.token);
  }
  return unterminated ? { tokens, unterminated } : { tokens };
}
