import type { Entry, LocalizedText } from './schema.js';

// Authors wrap long lines in YAML blocks, but chat clients and terminals show every newline. A line
// break in the middle of a sentence is joined; sentence ends, lists, indented blocks and blank lines
// keep theirs.

const SENTENCE_END = /[。．.!?！？:：)）」]$/u;
const LIST_ITEM = /^([-*・•]|\d+[.)]|[①-⑳])\s*/u;
const ASCII = /[\x21-\x7e]/;

function joins(previous: string, next: string): boolean {
  if (previous === '' || next === '') return false;
  if (/^\s/.test(previous) || /^\s/.test(next)) return false;
  return !SENTENCE_END.test(previous) && !LIST_ITEM.test(next);
}

/** Joins lines broken in mid-sentence: with a space after Latin text, directly between Japanese characters. */
export function unwrapLines(text: string): string {
  const lines = text.split('\n');
  const output: string[] = [];
  for (const line of lines) {
    const previous = output.at(-1);
    if (previous !== undefined && joins(previous, line)) {
      const bothJapanese = !ASCII.test(previous.at(-1) ?? '') && !ASCII.test(line[0] ?? '');
      output[output.length - 1] = `${previous}${bothJapanese ? '' : ' '}${line}`;
    } else {
      output.push(line);
    }
  }
  return output.join('\n');
}

function unwrapText<T extends LocalizedText>(text: T): T {
  return { ...text, ja: unwrapLines(text.ja), ...(text.en === undefined ? {} : { en: unwrapLines(text.en) }) };
}

/** Returns the entry with the prose fields unwrapped; code, syntax and messages are left as written. */
export function unwrapEntry(entry: Entry): Entry {
  return {
    ...entry,
    ...(entry.details ? { details: unwrapText(entry.details) } : {}),
    ...(entry.cause ? { cause: unwrapText(entry.cause) } : {}),
    ...(entry.fix ? { fix: unwrapText(entry.fix) } : {}),
    steps: entry.steps.map((step) => ({ ...unwrapText(step), ...(step.code === undefined ? {} : { code: step.code }) })),
  };
}
