import { allowedEdits, editDistance } from './distance.js';
import { AnalyzeCache, wordParts, type Word } from './normalize.js';
import type { Entry } from './schema.js';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Positions of the entries whose command form ends at this node. */
  docs: number[];
}

/** The longest command form found at the start of a query. */
export interface CommandMatch {
  docs: number[];
  /** Query tokens consumed by the form. */
  depth: number;
  /** Typo corrections made on the way, each one edit or two. */
  edits: number;
  /** True when more command words could follow the form (`docker` before `ps`). */
  hasSubcommands: boolean;
  /** Query words after the form's last word: options and arguments, or words the form did not explain. */
  rest: string[];
}

/** Length of a word too short for the normal typo allowance, corrected only when unambiguous. */
const SHORT_WORD_LENGTH = 3;

/** Words a learner may put before a command that do not change which command it is. */
const PREFIX_WORDS = new Set(['sudo']);

/** Splits a word into trie tokens: a hyphenated or dotted word into parts, an option whole. */
function wordTokens(word: Word): string[] {
  return word.ascii ? word.text.split('.').flatMap(wordParts) : [word.text];
}

function tokensOf(words: readonly Word[]): string[] {
  return words.flatMap(wordTokens);
}

/** Returns, for each token of `tokensOf(words)`, the position of the word it came from. */
function wordPositions(words: readonly Word[]): number[] {
  return words.flatMap((word, position) => wordTokens(word).map(() => position));
}

/** Joins each hyphenated word of a form into one token, the spelling `systemctl setdefault` uses. */
function joinedTokensOf(words: readonly Word[]): string[] {
  return words.flatMap((word) => (word.ascii && !word.text.startsWith('-') ? [wordParts(word.text).join('')] : [word.text]));
}

function isOption(token: string): boolean {
  return token.startsWith('-');
}

/**
 * A trie of command forms (`docker container commit`, `systemctl set-default`, `FROM`) that finds the
 * longest form a command line starts with, tolerating typos in its words (see `step`).
 */
export class CommandIndex {
  private readonly root: TrieNode = { children: new Map(), docs: [] };

  constructor(entries: readonly Entry[], cache = new AnalyzeCache()) {
    entries.forEach((entry, doc) => {
      for (const form of this.formsOf(entry)) {
        const words = cache.analyze(form);
        this.insert(tokensOf(words), doc);
        this.insert(joinedTokensOf(words), doc);
      }
    });
  }

  /** Returns the forms, plus the ASCII aliases of a command, which include misspellings such as `virth list`. */
  private formsOf(entry: Entry): string[] {
    const aliases = entry.kind === 'command' ? entry.aliases.filter((alias) => /^[\x20-\x7e]+$/.test(alias)) : [];
    return [...entry.forms, ...aliases];
  }

  private insert(tokens: readonly string[], doc: number): void {
    if (tokens.length === 0) return;

    let node = this.root;
    for (const token of tokens) {
      let child = node.children.get(token);
      if (!child) {
        child = { children: new Map(), docs: [] };
        node.children.set(token, child);
      }
      node = child;
    }
    if (!node.docs.includes(doc)) node.docs.push(doc);
  }

  /**
   * Finds the child for a query token: the exact token, else the closest within the typo allowance.
   * A three-letter word may also be one edit off (`pul`, `rnu`) when exactly one child is that close.
   */
  private step(node: TrieNode, token: string): { child: TrieNode; edits: number } | undefined {
    const exact = node.children.get(token);
    if (exact) return { child: exact, edits: 0 };
    if (isOption(token)) return undefined;

    const short = token.length === SHORT_WORD_LENGTH;
    const max = short ? 1 : allowedEdits(token.length);
    let best: { child: TrieNode; edits: number } | undefined;
    let ties = 0;
    for (const [key, child] of node.children) {
      if (isOption(key)) continue;
      const edits = editDistance(token, key, max);
      if (edits > max) continue;
      if (!best || edits < best.edits) {
        best = { child, edits };
        ties = 1;
      } else if (edits === best.edits) {
        ties++;
      }
    }
    return short && ties > 1 ? undefined : best;
  }

  /** Returns the longest command form at the start of the query, if any. */
  match(words: readonly Word[]): CommandMatch | undefined {
    const tokens = tokensOf(words);
    const positions = wordPositions(words);
    let start = 0;
    while (start < tokens.length && PREFIX_WORDS.has(tokens[start]!)) start++;

    let node = this.root;
    let edits = 0;
    let found: CommandMatch | undefined;
    for (let i = start; i < tokens.length; i++) {
      const next = this.step(node, tokens[i]!);
      if (!next) break;

      node = next.child;
      edits += next.edits;
      if (node.docs.length > 0) {
        const rest = words.slice(positions[i]! + 1).map((word) => word.text);
        found = { docs: node.docs, depth: i + 1 - start, edits, hasSubcommands: node.children.size > 0, rest };
      }
    }
    return found;
  }

  /**
   * Returns entries whose command form continues the query, for completion. Every word but the last
   * is matched as in `match` (typos allowed), and the last may be the start of a word, so `dcoker p`
   * gives docker ps, docker pull and docker push. At most `limit` entries are returned.
   */
  complete(words: readonly Word[], limit: number): number[] {
    const tokens = tokensOf(words).filter((token, i, all) => !(PREFIX_WORDS.has(token) && all.slice(0, i).every((before) => PREFIX_WORDS.has(before))));
    const last = tokens.pop();
    if (last === undefined) return [];

    let node = this.root;
    for (const token of tokens) {
      const next = this.step(node, token);
      if (!next) return [];
      node = next.child;
    }

    const found = new Set<number>();
    const queue = [...node.children].filter(([key]) => key.startsWith(last)).map(([, child]) => child);
    while (queue.length > 0 && found.size < limit) {
      const current = queue.shift()!;
      for (const doc of current.docs) found.add(doc);
      queue.push(...current.children.values());
    }
    return [...found].slice(0, limit);
  }
}
