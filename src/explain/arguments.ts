import type { EntryArgument } from '../knowledge/schema.js';
import type { Token } from './tokenize.js';

export interface Allocation {
  assigned: { token: Token; argument: EntryArgument }[];
  /** Words left over after every argument had its share. */
  extra: Token[];
  /** Required arguments that got no word. */
  missing: EntryArgument[];
}

/**
 * Gives positional words to an entry's arguments in order, as the syntax line reads them: each
 * required argument gets one word, optional ones get a word while words remain beyond the required
 * ones, and the first repeating argument takes the rest, so `COPY <src>... <dest>` keeps the last
 * word for `<dest>`.
 */
export function allocateArguments(words: readonly Token[], args: readonly EntryArgument[]): Allocation {
  const counts: number[] = args.map((argument) => (argument.optional ? 0 : 1));
  const required = counts.reduce((sum, count) => sum + count, 0);
  let spare = words.length - required;

  if (spare < 0) {
    // Too few words: the earliest required arguments get them and the later ones are missing.
    let left = words.length;
    counts.forEach((count, index) => {
      counts[index] = Math.min(count, left);
      left -= counts[index]!;
    });
  } else {
    args.forEach((argument, index) => {
      if (argument.optional && !argument.repeat && spare > 0) {
        counts[index] = 1;
        spare--;
      }
    });
    const repeating = args.findIndex((argument) => argument.repeat);
    if (repeating !== -1) {
      counts[repeating] = counts[repeating]! + spare;
      spare = 0;
    }
  }

  const assigned: Allocation['assigned'] = [];
  let next = 0;
  args.forEach((argument, index) => {
    for (let taken = 0; taken < counts[index]!; taken++) assigned.push({ token: words[next++]!, argument });
  });

  const missing = args.filter((argument, index) => !argument.optional && counts[index] === 0);
  return { assigned, extra: words.slice(next), missing };
}
