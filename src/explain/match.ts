import type { Entry } from '../knowledge/schema.js';
import type { FormIndex, FormMatch, FormNode } from './forms.js';
import { isOptionWord, readOption, type OptionContext } from './options.js';
import type { Token } from './tokenize.js';

/** An option word met between command words, as `--debug` in `docker --debug ps`. */
export interface EarlyOption {
  index: number;
  /** The deepest entry matched before the option, whose options it belongs to first. */
  owner?: Entry;
}

/** The longest command form at the start of a command's words. */
export interface CommandMatch {
  match: FormMatch;
  node: FormNode;
  /** Indexes of the command words, in order; options may sit between them. */
  commandIndexes: number[];
  /** For each command word, the deepest entry matched up to and including it. */
  entriesSoFar: (Entry | undefined)[];
  earlyOptions: EarlyOption[];
  /** Index of the first word after the last command word. */
  next: number;
  /** True when a word matched only after lower-casing (`Docker` for `docker`). */
  caseFolded: boolean;
}

/** Returns the entries whose options a word may belong to: the entry matched so far, else every entry below `node`. */
function optionOwners(index: FormIndex, node: FormNode, entry: Entry | undefined): Entry[] {
  return entry ? [entry] : index.entriesUnder(node);
}

/**
 * Finds the longest form that the words from `start` spell, such as `docker container commit`.
 * Options between command words (`docker --debug ps`, `systemctl --no-pager status`) are skipped
 * with their values, read by the options of the entry matched so far or, when there is none yet
 * (`yum -y install`), of the entries that could still match.
 */
export function matchCommand(words: readonly Token[], start: number, index: FormIndex, context: Omit<OptionContext, 'command'>): CommandMatch | undefined {
  let node = index.root;
  let best: CommandMatch | undefined;
  let deepest: Entry | undefined;
  let caseFolded = false;
  const commandIndexes: number[] = [];
  const entriesSoFar: (Entry | undefined)[] = [];
  const earlyOptions: EarlyOption[] = [];

  let position = start;
  while (position < words.length) {
    const word = words[position]!.value;
    const exact = node.children.get(word);
    const folded = exact ? undefined : node.children.get(word.toLowerCase());
    const child = exact ?? folded;

    if (child) {
      node = child;
      caseFolded ||= folded !== undefined;
      deepest = child.matches[0]?.entry ?? deepest;
      commandIndexes.push(position);
      entriesSoFar.push(deepest);
      position++;
      if (child.matches[0]) {
        best = { match: child.matches[0], node, commandIndexes: [...commandIndexes], entriesSoFar: [...entriesSoFar], earlyOptions: [...earlyOptions], next: position, caseFolded };
      }
      continue;
    }

    if (commandIndexes.length === 0 || !isOptionWord(word) || word === '--') break;

    const owners = optionOwners(index, node, deepest);
    const reading = readOption(words, position, owners, { ...context, command: '' });
    earlyOptions.push(deepest ? { index: position, owner: deepest } : { index: position });
    position += reading.consumed;
  }
  return best;
}
