import type { KnowledgeBase } from '../knowledge/index.js';
import type { Entry } from '../knowledge/schema.js';
import { isOptionWord } from './options.js';

/** An entry reachable at a node of the form index. */
export interface FormMatch {
  entry: Entry;
  /** The form as the entry lists it, such as `docker container commit`. */
  form: string;
  /** True when the words are a known misspelling of `form`, taken from the entry's aliases. */
  corrected: boolean;
}

export interface FormNode {
  children: Map<string, FormNode>;
  matches: FormMatch[];
}

/** Maximum edits between an alias and a form for the alias to count as a misspelling of that form. */
const MAX_MISSPELLING_EDITS = 2;

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;

  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * A trie of command words built from every entry's `forms`, for the longest match of a command line
 * (`docker container commit`, `systemctl set-default`, `RUN`). Option words of a form that the entry
 * itself defines, such as `-y` in `dnf -y install`, are left out so they are explained as options.
 * ASCII aliases of commands within two edits of a form, such as `virth list`, are added as corrections.
 * Other aliases are left out, because an alias like `docker compose` would swallow `docker compose down`.
 */
export class FormIndex {
  readonly root: FormNode = { children: new Map(), matches: [] };

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      for (const form of entry.forms) this.insert(this.wordsOf(form, entry), { entry, form, corrected: false });
    }
    for (const entry of entries) {
      if (entry.kind !== 'command') continue;
      for (const alias of entry.aliases) {
        const form = this.misspeltForm(alias, entry);
        if (form) this.insert(this.wordsOf(alias, entry), { entry, form, corrected: true });
      }
    }
  }

  /** Returns the form that `alias` misspells, or undefined when it is no near miss of one. */
  private misspeltForm(alias: string, entry: Entry): string | undefined {
    if (!/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(alias) || entry.forms.includes(alias)) return undefined;

    let best: { form: string; edits: number } | undefined;
    for (const form of entry.forms) {
      const edits = editDistance(alias, form);
      if (edits <= MAX_MISSPELLING_EDITS && (!best || edits < best.edits)) best = { form, edits };
    }
    return best?.form;
  }

  private wordsOf(form: string, entry: Entry): string[] {
    const defined = new Set(entry.options.flatMap((option) => [option.short, option.long]));
    return form.split(/\s+/).filter((word, index) => index === 0 || !isOptionWord(word) || !defined.has(word));
  }

  private insert(words: readonly string[], match: FormMatch): void {
    if (words.length === 0) return;

    let node = this.root;
    for (const word of words) {
      let child = node.children.get(word);
      if (!child) {
        child = { children: new Map(), matches: [] };
        node.children.set(word, child);
      }
      node = child;
    }
    // A real form wins over a misspelling that happens to end at the same node.
    if (!match.corrected) node.matches.unshift(match);
    else if (!node.matches.some((existing) => existing.entry.id === match.entry.id)) node.matches.push(match);
  }

  /** Returns every entry at `node` or below it, nearest first. */
  entriesUnder(node: FormNode): Entry[] {
    const found: Entry[] = [];
    const queue = [node];
    for (let next = queue.shift(); next; next = queue.shift()) {
      found.push(...next.matches.map((match) => match.entry));
      queue.push(...next.children.values());
    }
    return found;
  }

  /** True when `node` has subcommand words below it, as `docker` has `run`; option words do not count. */
  hasSubcommands(node: FormNode): boolean {
    for (const word of node.children.keys()) if (!isOptionWord(word)) return true;
    return false;
  }
}

const indexes = new WeakMap<KnowledgeBase, FormIndex>();

/** Returns the form index of a knowledge base, building it on first use. */
export function formIndexOf(knowledge: KnowledgeBase): FormIndex {
  let index = indexes.get(knowledge);
  if (!index) {
    index = new FormIndex(knowledge.entries);
    indexes.set(knowledge, index);
  }
  return index;
}
