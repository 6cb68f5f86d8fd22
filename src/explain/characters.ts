// Text pasted from Japanese documents and word processors often carries characters that look like
// shell syntax but are not: an em dash for `--`, an ideographic space between words, curly quotes,
// full-width letters. A shell treats them as ordinary letters, so the line fails. They are read here as
// the ASCII character the writer meant, and each one is reported so the learner can fix the source.

export type CharacterKind = 'space' | 'dash' | 'quote' | 'full-width' | 'invisible';

/** One character that was replaced or removed before tokenizing. */
export interface CharacterFix {
  kind: CharacterKind;
  character: string;
  /** Unicode code point, such as `U+2014`. */
  codePoint: string;
  /** The ASCII text read in its place; empty when the character was removed. */
  replacement: string;
  /** Offset of the replacement in the output; undefined when the character was removed. */
  index?: number;
}

export interface CleanedLine {
  text: string;
  fixes: CharacterFix[];
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\uff02]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\uff07]/;
/** Full-width forms of printable ASCII, U+FF01 to U+FF5E, sit 0xFEE0 above their ASCII twins. */
const FULL_WIDTH_OFFSET = 0xfee0;

function codePointOf(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Returns the ASCII reading of a look-alike character ('' to drop it), or undefined to keep it. */
function asciiFor(character: string): { kind: CharacterKind; ascii: string } | undefined {
  if (SPACES.test(character)) return { kind: 'space', ascii: ' ' };
  if (DASHES.test(character)) return { kind: 'dash', ascii: '-' };
  if (DOUBLE_QUOTES.test(character)) return { kind: 'quote', ascii: '"' };
  if (SINGLE_QUOTES.test(character)) return { kind: 'quote', ascii: "'" };
  if (INVISIBLE.test(character)) return { kind: 'invisible', ascii: '' };

  const code = character.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e) return { kind: 'full-width', ascii: String.fromCharCode(code - FULL_WIDTH_OFFSET) };
  return undefined;
}

/**
 * Replaces look-alike characters outside quotes with ASCII, drops control characters other than tab and
 * newline, and reports every replacement. Text inside ASCII quotes is kept as typed, because there a
 * full-width space or dash is data. A curly quote that opened a string may also close it.
 */
export function cleanCharacters(input: string): CleanedLine {
  const fixes: CharacterFix[] = [];
  let text = '';
  let quote: '"' | "'" | undefined;
  let curlyOpened = false;
  let escaped = false;

  for (const character of input) {
    const code = character.codePointAt(0) ?? 0;
    const printableAscii = code >= 0x20 && code < 0x7f;
    if (!printableAscii && character !== '\n' && character !== '\t' && /\p{Cc}/u.test(character)) continue;

    if (quote !== undefined) {
      const closesCurly = curlyOpened && (quote === '"' ? DOUBLE_QUOTES : SINGLE_QUOTES).test(character);
      if (closesCurly) {
        fixes.push({ kind: 'quote', character, codePoint: codePointOf(character), replacement: quote, index: text.length });
        text += quote;
        quote = undefined;
        continue;
      }
      if (character === quote && !escaped) quote = undefined;
      escaped = quote === '"' && character === '\\' && !escaped;
      text += character;
      continue;
    }

    const reading = escaped || printableAscii ? undefined : asciiFor(character);
    if (reading !== undefined) {
      const { kind, ascii } = reading;
      const fix: CharacterFix = { kind, character, codePoint: codePointOf(character), replacement: ascii };
      if (ascii !== '') fix.index = text.length;
      fixes.push(fix);
      text += ascii;
      if (ascii === '"' || ascii === "'") {
        quote = ascii;
        curlyOpened = true;
      }
      continue;
    }

    if (!escaped && (character === '"' || character === "'")) {
      quote = character;
      curlyOpened = false;
    }
    escaped = character === '\\' && !escaped;
    text += character;
  }
  return { text, fixes };
}
