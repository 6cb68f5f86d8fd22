import { explainLine } from '../../src/explain/explain.js';
import type { Explanation, Part } from '../../src/explain/types.js';
import type { Locale } from '../../src/i18n/index.js';
import type { Entry, EntryOption } from '../../src/knowledge/schema.js';
import { shippedKnowledge } from '../support/core.js';

/** Explains a line over the shipped knowledge. */
export function explain(line: string, locale: Locale = 'ja'): Explanation {
  return explainLine(line, shippedKnowledge(), locale);
}

/** Returns the part whose text is `text`, failing the test when there is none. */
export function part(explanation: Explanation, text: string): Part {
  const found = explanation.parts.find((candidate) => candidate.text === text);
  if (!found) throw new Error(`no part "${text}" in ${JSON.stringify(explanation.parts.map((candidate) => candidate.text))}`);
  return found;
}

export function entry(id: string): Entry {
  const found = shippedKnowledge().lookup(id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

/** Returns an entry's option by its short or long name. */
export function option(id: string, name: string): EntryOption {
  const found = entry(id).options.find((candidate) => candidate.short === name || candidate.long === name);
  if (!found) throw new Error(`no option ${name} in ${id}`);
  return found;
}
