import { describe, expect, it } from 'vitest';
import { allocateArguments } from '../../src/explain/arguments.js';
import { tokenize } from '../../src/explain/tokenize.js';
import type { EntryArgument } from '../../src/knowledge/schema.js';

function argument(name: string, flags: Partial<EntryArgument> = {}): EntryArgument {
  return { name, ja: name, en: name, optional: false, repeat: false, command: false, ...flags };
}

function allocate(line: string, args: EntryArgument[]) {
  const result = allocateArguments(tokenize(line).tokens, args);
  return {
    assigned: result.assigned.map(({ token, argument: target }) => `${token.value}=${target.name}`),
    extra: result.extra.map((token) => token.value),
    missing: result.missing.map((target) => target.name),
  };
}

describe('allocateArguments', () => {
  it('keeps the last word for a required argument after a repeat', () => {
    const args = [argument('<src>', { repeat: true }), argument('<dest>')];
    expect(allocate('a b c', args).assigned).toEqual(['a=<src>', 'b=<src>', 'c=<dest>']);
  });

  it('fills optional arguments in order', () => {
    const args = [argument('CONTAINER'), argument('[REPOSITORY]', { optional: true })];
    expect(allocate('web', args).assigned).toEqual(['web=CONTAINER']);
    expect(allocate('web app', args).assigned).toEqual(['web=CONTAINER', 'app=[REPOSITORY]']);
  });

  it('reports extra words', () => {
    expect(allocate('a b', [argument('ONE')]).extra).toEqual(['b']);
  });

  it('reports missing arguments', () => {
    expect(allocate('', [argument('IMAGE'), argument('TAG')]).missing).toEqual(['IMAGE', 'TAG']);
    expect(allocate('a', [argument('IMAGE'), argument('TAG')]).missing).toEqual(['TAG']);
  });

  it('gives every word to a repeat', () => {
    expect(allocate('a b c', [argument('CONTAINER', { repeat: true })]).assigned).toHaveLength(3);
  });
});
