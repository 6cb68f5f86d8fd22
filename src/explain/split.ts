import type { Token } from './tokenize.js';

/** A redirection such as `> out.txt` or `2>&1`: its operator and the word it applies to. */
export interface Redirection {
  operator: Token;
  /** Undefined when the line ends right after the operator. */
  target?: Token;
}

/** One simple command: its words in order, its redirections, and the operator that ends it. */
export interface Segment {
  words: Token[];
  redirections: Redirection[];
  comment?: Token;
  /** The operator after the command (`|`, `&&`, `;`, ...); undefined for the last command. */
  operator?: Token;
}

/**
 * Splits tokens into simple commands at pipeline and list operators (`|`, `&&`, `||`, `;`, `&`,
 * newline, parentheses). A segment may have no words, as for a lone `|`; the caller reports it.
 */
export function splitCommands(tokens: readonly Token[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { words: [], redirections: [] };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    switch (token.kind) {
      case 'word':
        current.words.push(token);
        break;
      case 'redirect': {
        const next = tokens[index + 1];
        if (next?.kind === 'word') {
          current.redirections.push({ operator: token, target: next });
          index++;
        } else {
          current.redirections.push({ operator: token });
        }
        break;
      }
      case 'comment':
        current.comment = token;
        break;
      case 'operator':
        current.operator = token;
        segments.push(current);
        current = { words: [], redirections: [] };
        break;
    }
  }

  if (current.words.length > 0 || current.redirections.length > 0 || current.comment) segments.push(current);
  return segments;
}
