import type { Part } from './types.js';

// Draws the line once with each part's number under its first column, for a monospaced code block:
//
//   docker run -d -p 5000:5000 flask_app
//   1          2  3            4
//
// Rows wrap between parts so that chat clients do not wrap them in the middle, which would move the
// numbers away from their parts.

/** Columns per row; narrow enough for a Discord embed and most terminals. */
export const ROW_WIDTH = 56;

/** Display width of a character: 2 for East Asian wide and full-width characters, else 1. */
function characterWidth(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += characterWidth(character);
  return width;
}

/** Shows line breaks and tabs inside a part on one row. */
function flatten(text: string): string {
  return text.replace(/\n/g, '↵').replace(/\t/g, ' ');
}

/**
 * Lays out parts in rows of at most `width` columns, each row followed by a row of part numbers
 * aligned under the parts. Parts are separated by one space, or more when a number is wider than
 * its part (part 10 under `.`), so that numbers never touch. A part wider than a row gets a row alone.
 */
export function markedLine(parts: readonly Pick<Part, 'number' | 'text'>[], width = ROW_WIDTH): string {
  const rows: string[] = [];
  let line = '';
  let marks = '';
  let lineWidth = 0;

  for (const part of parts) {
    const text = flatten(part.text);
    const label = String(part.number);
    const textWidth = displayWidth(text);
    let padding = lineWidth === 0 ? 0 : Math.max(1, marks.length + 1 - lineWidth);
    if (lineWidth > 0 && lineWidth + padding + textWidth > width) {
      rows.push(line, marks.trimEnd());
      line = '';
      marks = '';
      lineWidth = 0;
      padding = 0;
    }

    line += ' '.repeat(padding) + text;
    marks += ' '.repeat(lineWidth + padding - marks.length) + label;
    lineWidth += padding + textWidth;
  }
  if (line !== '') rows.push(line, marks.trimEnd());
  return rows.join('\n');
}
