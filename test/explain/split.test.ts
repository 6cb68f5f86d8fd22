import { describe, expect, it } from 'vitest';
import { splitCommands } from '../../src/explain/split.js';
import { tokenize } from '../../src/explain/tokenize.js';

function split(line: string) {
  return splitCommands(tokenize(line).tokens).map((segment) => ({
    words: segment.words.map((word) => word.value),
    redirections: segment.redirections.map((redirection) => `${redirection.operator.text}${redirection.target?.value ?? ''}`),
    operator: segment.operator?.text,
  }));
}

describe('splitCommands', () => {
  it('splits a pipeline', () => {
    expect(split('docker ps | grep web').map((segment) => segment.words)).toEqual([['docker', 'ps'], ['grep', 'web']]);
  });

  it('keeps the operator after each command', () => {
    expect(split('a && b || c ; d').map((segment) => segment.operator)).toEqual(['&&', '||', ';', undefined]);
  });

  it('attaches redirections to their command', () => {
    expect(split('docker logs web > out.txt 2>&1 | wc')[0]).toEqual({ words: ['docker', 'logs', 'web'], redirections: ['>out.txt', '2>&1'], operator: '|' });
  });

  it('keeps a redirection without target', () => {
    expect(split('echo hi >')[0]?.redirections).toEqual(['>']);
  });

  it('returns an empty command for a lone pipe', () => {
    expect(split('|')).toEqual([{ words: [], redirections: [], operator: '|' }]);
  });

  it('returns nothing for an empty line', () => {
    expect(split('   ')).toEqual([]);
  });

  it('does not split inside quotes', () => {
    expect(split("echo 'a | b && c'").map((segment) => segment.words)).toEqual([['echo', 'a | b && c']]);
  });

  it('does not split inside $(...)', () => {
    expect(split('echo $(ls | wc -l); pwd').map((segment) => segment.words)).toEqual([['echo', '$(ls | wc -l)'], ['pwd']]);
  });
});
