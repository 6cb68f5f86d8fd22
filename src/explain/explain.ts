import type { Locale, MessageKey } from '../i18n/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { cleanCharacters, type CharacterFix, type CharacterKind } from './characters.js';
import { Collector } from './collector.js';
import { formIndexOf } from './forms.js';
import { explainInstruction, instructionNamed } from './instruction.js';
import { explainSegment, type Fallback } from './segment.js';
import { splitCommands } from './split.js';
import { tokenize, type Token } from './tokenize.js';
import type { Explanation } from './types.js';

/** Maximum length of an explained line; longer input is cut to it and the cut is reported. */
export const MAX_LINE_LENGTH = 2000;

/** Explains the tokens of one line: a Dockerfile instruction, or commands joined by operators. */
function explainTokens(collector: Collector, tokens: readonly Token[], fallback?: Fallback): void {
  const [first] = tokens;
  const instruction = first?.kind === 'word' ? instructionNamed(collector, first) : undefined;
  if (instruction) {
    explainInstruction(collector, tokens, instruction, explainTokens);
    return;
  }

  const segments = splitCommands(tokens);
  segments.forEach((segment, index) => {
    explainSegment(collector, segment.words, fallback);
    for (const redirection of segment.redirections) collector.redirection(redirection);
    if (segment.comment) collector.comment(segment.comment);
    if (segment.operator) {
      const hasPrevious = segment.words.length > 0 || segment.redirections.length > 0;
      collector.operator(segment.operator, index < segments.length - 1, hasPrevious);
    }
  });
}

/** Splits tokens at newlines, so each line of a pasted Dockerfile is read as its own instruction. */
function physicalLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'operator' && token.text === '\n') lines.push([]);
    else lines.at(-1)!.push(token);
  }
  return lines.filter((line) => line.length > 0);
}

/** Cuts at `max` code units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

/** Maximum number of characters one note names; a pasted paragraph of full-width text would make a long note. */
const MAX_LISTED_CHARACTERS = 8;

const CHARACTER_NOTES: Record<CharacterKind, MessageKey> = {
  space: 'explain.note.characterSpace',
  dash: 'explain.note.characterDash',
  quote: 'explain.note.characterQuote',
  'full-width': 'explain.note.characterWide',
  invisible: 'explain.note.characterInvisible',
};

/** Reports replaced characters with one note per kind, naming each distinct character and its code point. */
function reportCharacters(collector: Collector, fixes: readonly CharacterFix[]): void {
  for (const [kind, key] of Object.entries(CHARACTER_NOTES) as [CharacterKind, MessageKey][]) {
    const distinct = [...new Map(fixes.filter((fix) => fix.kind === kind).map((fix) => [fix.character, fix])).values()];
    if (distinct.length === 0) continue;

    const named = distinct.slice(0, MAX_LISTED_CHARACTERS).map((fix) => (kind === 'space' || kind === 'invisible' ? fix.codePoint : `「${fix.character}」(${fix.codePoint})`));
    const characters = named.join(', ') + (distinct.length > MAX_LISTED_CHARACTERS ? ', …' : '');
    collector.note('character', key, { characters });
  }
}

/**
 * Explains a command line part by part from the entries' structured options and arguments. Bad input
 * does not make it throw: a part that cannot be explained carries its problem, and `complete` is
 * false.
 */
export function explainLine(input: string, knowledge: KnowledgeBase, locale: Locale): Explanation {
  const limited = cut(input, MAX_LINE_LENGTH);
  const cleaned = cleanCharacters(limited);
  const dashes = new Map(cleaned.fixes.filter((fix) => fix.replacement === '-' && fix.index !== undefined).map((fix) => [fix.index!, fix.character]));
  const collector = new Collector(cleaned.text, locale, formIndexOf(knowledge), dashes);

  if (limited.length < input.length) collector.note('cut', 'explain.note.cut', { max: MAX_LINE_LENGTH });
  reportCharacters(collector, cleaned.fixes);

  const { tokens, unterminated } = tokenize(cleaned.text);
  if (unterminated) collector.note('unterminated', 'explain.note.unterminated', { opening: unterminated.opening });
  for (const line of physicalLines(tokens)) explainTokens(collector, line);

  // Nothing matched and something was typed: the user may have asked a question, which /search answers.
  if (collector.commands.length === 0 && collector.parts.some((part) => part.problem?.code === 'unknown-command')) {
    collector.note('search-hint', 'explain.note.searchHint');
  }

  const parts = [...collector.parts]
    .sort((a, b) => a.start - b.start)
    .map((part, index) => ({ number: index + 1, text: cleaned.text.slice(part.start, part.end), ...part }));
  return {
    locale,
    input,
    line: cleaned.text,
    parts,
    commands: collector.commands,
    notes: collector.notes,
    complete: parts.length > 0 && parts.every((part) => part.problem === undefined),
  };
}
