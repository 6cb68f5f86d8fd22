import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase, MAX_SUGGESTION_LENGTH, MAX_SUGGESTIONS, type Suggestion } from '../../src/knowledge/index.js';

const KNOWLEDGE_ROOT = fileURLToPath(new URL('../../knowledge', import.meta.url));
/** Loose bound so a busy test machine does not fail the suite; the benchmark checks real targets. */
const MAX_MILLISECONDS = 200;

let knowledge: KnowledgeBase;

beforeAll(() => {
  knowledge = KnowledgeBase.load(KNOWLEDGE_ROOT);
  // Indexes are built lazily; build them here so the time bounds below measure queries alone.
  knowledge.prepare();
});

function expectValidChoices(suggestions: readonly Suggestion[]): void {
  expect(suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
  expect(new Set(suggestions.map((suggestion) => suggestion.value)).size).toBe(suggestions.length);
  for (const { label, value } of suggestions) {
    expect(Array.from(label).length).toBeGreaterThanOrEqual(1);
    expect(Array.from(label).length).toBeLessThanOrEqual(MAX_SUGGESTION_LENGTH);
    expect(value.length).toBeGreaterThanOrEqual(1);
    expect(value.length).toBeLessThanOrEqual(MAX_SUGGESTION_LENGTH);
    expect(label.trim()).not.toBe('');
    expect(value.trim()).not.toBe('');
    expect(knowledge.lookup(value)).toBeDefined();
  }
}

const values = (prefix: string): string[] => knowledge.suggest(prefix).map((suggestion) => suggestion.value);

describe('suggest limits', () => {
  const prefixes: Array<[string, string]> = [
    ['empty', ''],
    ['d', 'd'],
    ['doc', 'doc'],
    ['full-width ｄ', 'ｄ'],
    ['hiragana こ', 'こ'],
    ['100 characters', 'docker '.repeat(20).slice(0, 100)],
    ['6,000 characters', 'コンテナ'.repeat(1500)],
    ['emoji', '🐳'],
    ['control characters', '\u0000\u0001d'],
    ['a shell pipeline', 'ps aux | grep x && echo $HOME'],
  ];

  it.each(prefixes)('returns valid choices quickly for %s', (_, prefix) => {
    const started = performance.now();
    const suggestions = knowledge.suggest(prefix);
    expect(performance.now() - started).toBeLessThan(MAX_MILLISECONDS);
    expectValidChoices(suggestions);
  });

  it('caps the limit at 25', () => {
    expect(knowledge.suggest('', { limit: 100 })).toHaveLength(MAX_SUGGESTIONS);
    expect(knowledge.suggest('d', { limit: 100 }).length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
  });

  it('respects a smaller limit', () => {
    expect(knowledge.suggest('d', { limit: 3 })).toHaveLength(3);
    expect(knowledge.suggest('d', { limit: 0 })).toEqual([]);
  });
});

describe('suggest ranking', () => {
  it('offers popular entries for an empty prefix', () => {
    const popularity = knowledge.suggest('').map((suggestion) => knowledge.lookup(suggestion.value)!.popularity);
    expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
    expect(popularity[0]).toBe(Math.max(...knowledge.entries.map((entry) => entry.popularity)));
  });

  it('is useful from the first character', () => {
    const suggestions = values('d');
    expect(suggestions.length).toBe(MAX_SUGGESTIONS);
    expect(suggestions).toContain('docker-run');
    expect(suggestions).toContain('docker-ps');
  });

  it('treats full-width letters like half-width ones', () => {
    expect(values('ｄ')).toEqual(values('d'));
    expect(values('ＤＯＣ')).toEqual(values('doc'));
  });

  it('matches katakana titles from hiragana', () => {
    expect(values('こ')).toContain('container-virtualization');
    expect(values('はいぱ')[0]).toBe('hypervisor');
  });

  it('completes a subcommand', () => {
    expect(values('docker com')).toContain('docker-commit');
    expect(values('systemctl set')[0]).toBe('systemctl-set-default');
    expect(values('virsh dom')).toEqual(expect.arrayContaining(['virsh-dominfo', 'virsh-domid', 'virsh-domstate']));
  });

  it('completes a command line with a typo', () => {
    expect(values('dcoker p')).toEqual(expect.arrayContaining(['docker-ps', 'docker-pull']));
  });

  it('ignores separators in the prefix', () => {
    expect(values('setdef')).toContain('systemctl-set-default');
  });

  it('respects the kinds filter', () => {
    const suggestions = knowledge.suggest('d', { kinds: ['concept'] });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((suggestion) => knowledge.lookup(suggestion.value)!.kind === 'concept')).toBe(true);
  });

  it('shows the title as the label and the id as the value', () => {
    const [first] = knowledge.suggest('docker commit');
    expect(first).toEqual({ label: 'docker commit', value: 'docker-commit' });
  });
});
