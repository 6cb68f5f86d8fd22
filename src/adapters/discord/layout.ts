import { cut } from './platform.js';

// Embed text is built from lines, each either prose or code, so that it can be split between fields
// and cut to a limit at line boundaries while every code fence stays closed.

/** One line of embed text. Consecutive code lines share one code fence. */
export interface Line {
  kind: 'text' | 'code';
  text: string;
}

const FENCE = '```';

/** A partial line shorter than this is dropped rather than cut, because a few characters tell the reader nothing. */
const MIN_PARTIAL_LINE = 16;

/** Splits prose into text lines. */
export function textLines(text: string): Line[] {
  return text.trimEnd().split('\n').map((line) => ({ kind: 'text', text: line }));
}

/** A span of inline code, which knowledge entries use for commands and which is shown as code. */
const INLINE_CODE = /(`[^`\n]+`)/;

function escapeOutsideCode(text: string): string {
  return text
    .replace(/[\\*_~|[\]]/g, '\\$&')
    .replace(/^(\s*)([#>-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/**
 * Escapes Markdown in plain text so that `__init__` or `*.pyc` show as written, keeping inline code.
 * discord.js's escapeMarkdown is not used because its italic rule takes time quadratic in the text's
 * length (0.3 s for a 5,000-character line with discord.js 14.28.1).
 */
export function plain(text: string): string {
  return text
    .split(INLINE_CODE)
    .map((part, index) => (index % 2 === 1 ? part : escapeOutsideCode(part)))
    .join('');
}

/** Splits plain text into text lines with its Markdown escaped. */
export function proseLines(text: string): Line[] {
  return textLines(plain(text));
}

/** Splits code into code lines, breaking any fence inside so it cannot close the block early. */
export function codeLines(code: string): Line[] {
  const safe = code.trimEnd().replaceAll(FENCE, '`\u200b``');
  return safe.split('\n').map((line) => ({ kind: 'code', text: line }));
}

/** Renders lines as Discord markdown, wrapping each run of code lines in one code fence. */
export function renderLines(lines: readonly Line[]): string {
  const parts: string[] = [];
  let code: string[] | undefined;
  for (const line of lines) {
    if (line.kind === 'code') {
      code ??= [];
      code.push(line.text);
      continue;
    }
    if (code) parts.push(`${FENCE}\n${code.join('\n')}\n${FENCE}`);
    code = undefined;
    parts.push(line.text);
  }
  if (code) parts.push(`${FENCE}\n${code.join('\n')}\n${FENCE}`);
  return parts.join('\n');
}

/** Removes blank text lines at both ends, which a split can leave behind. */
function trimBlank(lines: Line[]): Line[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.kind === 'text' && lines[start]?.text.trim() === '') start++;
  while (end > start && lines[end - 1]?.kind === 'text' && lines[end - 1]?.text.trim() === '') end--;
  return lines.slice(start, end);
}

/** "```\n" before and "\n```" after the lines of a code block. */
const FENCE_OVERHEAD = 2 * (FENCE.length + 1);

/**
 * The length of `renderLines` over lines added one at a time, without rendering: checking each line
 * against a limit by rendering would take time quadratic in the number of lines.
 */
class RenderedLength {
  constructor(
    /** Length of the parts before an open code block, separators included. */
    private readonly closed = 0,
    private readonly parts = 0,
    /** Length of the open code block's lines and the newlines between them; undefined when none is open. */
    private readonly code?: number,
  ) {}

  get value(): number {
    if (this.code === undefined) return this.closed;
    return this.closed + (this.parts > 0 ? 1 : 0) + FENCE_OVERHEAD + this.code;
  }

  add(line: Line): RenderedLength {
    if (line.kind === 'code') {
      const code = this.code === undefined ? line.text.length : this.code + 1 + line.text.length;
      return new RenderedLength(this.closed, this.parts, code);
    }
    const parts = this.code === undefined ? this.parts : this.parts + 1;
    return new RenderedLength(this.value + (parts > 0 ? 1 : 0) + line.text.length, parts + 1);
  }
}

/** Cuts `line` so that it fits after `before` and before `after` within `max`, or returns undefined when too little room is left. */
function partialLine(before: RenderedLength, line: Line, after: Line | undefined, max: number, suffix: string): Line | undefined {
  const withEmpty = before.add({ kind: line.kind, text: '' });
  const overhead = (after ? withEmpty.add(after) : withEmpty).value;
  const room = max - overhead;
  if (room < MIN_PARTIAL_LINE) return undefined;
  return { kind: line.kind, text: cut(line.text, room, suffix) };
}

/** Packs lines into chunks that each render within `max`, breaking between lines. A longer line is cut with "…". */
export function packLines(lines: readonly Line[], max: number): Line[][] {
  const chunks: Line[][] = [];
  let current: Line[] = [];
  let length = new RenderedLength();
  for (const line of lines) {
    const longer = length.add(line);
    if (longer.value <= max) {
      current.push(line);
      length = longer;
      continue;
    }
    if (trimBlank(current).length > 0) chunks.push(trimBlank(current));
    const alone = new RenderedLength().add(line).value <= max ? line : partialLine(new RenderedLength(), line, undefined, max, '…');
    current = alone ? [alone] : [];
    length = alone ? new RenderedLength().add(alone) : new RenderedLength();
  }
  if (trimBlank(current).length > 0) chunks.push(trimBlank(current));
  return chunks;
}

/**
 * Renders as many of `lines` as fit in `max` characters, followed by `pointer` on its own line, which
 * shows the reader that the rest was left out and where to find it.
 */
export function cutLines(lines: readonly Line[], max: number, pointer: string): string {
  const tail: Line = { kind: 'text', text: pointer };
  if (pointer.length > max) return cut(pointer, max);

  const shown: Line[] = [];
  let length = new RenderedLength();
  for (const line of lines) {
    const longer = length.add(line);
    if (longer.add(tail).value <= max) {
      shown.push(line);
      length = longer;
      continue;
    }
    // The pointer already starts with "…", so the cut line needs no ellipsis of its own.
    const partial = partialLine(length, line, tail, max, '');
    if (partial) shown.push(partial);
    break;
  }
  return renderLines([...trimBlank(shown), tail]);
}
