import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../src/explain/tokenize.js';

function words(line: string): string[] {
  return tokenize(line).tokens.filter((token) => token.kind === 'word').map((token) => token.value);
}

function kinds(line: string): [Token['kind'], string][] {
  return tokenize(line).tokens.map((token) => [token.kind, token.text]);
}

describe('tokenize', () => {
  it('splits on blanks', () => {
    expect(words('docker  run\t-d')).toEqual(['docker', 'run', '-d']);
  });

  it('removes single quotes', () => {
    expect(words("echo 'hello  world'")).toEqual(['echo', 'hello  world']);
  });

  it('keeps backslashes inside single quotes', () => {
    expect(words("echo 'a\\b'")).toEqual(['echo', 'a\\b']);
  });

  it('removes double quotes and their escapes', () => {
    expect(words('echo "say \\"hi\\" \\$HOME"')).toEqual(['echo', 'say "hi" $HOME']);
  });

  it('joins quoted and unquoted pieces', () => {
    expect(words('-v "$(pwd)":/app')).toEqual(['-v', '$(pwd):/app']);
  });

  it('reads a backslash outside quotes', () => {
    expect(words('echo a\\ b')).toEqual(['echo', 'a b']);
  });

  it('joins a line continuation', () => {
    expect(words('docker run \\\n-d ubuntu')).toEqual(['docker', 'run', '-d', 'ubuntu']);
  });

  it('keeps $(...) as one word', () => {
    const [, mount] = tokenize('-v $(pwd | tr a b):/app').tokens;
    expect(mount?.value).toBe('$(pwd | tr a b):/app');
    expect(mount?.expansions.map((expansion) => [expansion.kind, expansion.inner])).toEqual([['command', 'pwd | tr a b']]);
  });

  it('keeps nested substitutions as one word', () => {
    expect(words('echo $(basename $(pwd)) done')).toEqual(['echo', '$(basename $(pwd))', 'done']);
  });

  it('keeps a parenthesis inside quotes in $(...)', () => {
    expect(words('echo $(echo ")") x')).toEqual(['echo', '$(echo ")")', 'x']);
  });

  it('keeps backquotes as one word', () => {
    const [, word] = tokenize('echo `date +%s`').tokens;
    expect(word?.value).toBe('`date +%s`');
    expect(word?.expansions[0]?.kind).toBe('backquote');
  });

  it('records ${VAR} and $VAR', () => {
    const [, word] = tokenize('echo ${HOME}/x:$USER').tokens;
    expect(word?.expansions.map((expansion) => expansion.inner)).toEqual(['HOME', 'USER']);
  });

  it('records expansions inside double quotes', () => {
    const [, word] = tokenize('echo "$HOME"').tokens;
    expect(word?.expansions.map((expansion) => expansion.text)).toEqual(['$HOME']);
  });

  it('reads a lone dollar as text', () => {
    expect(words('echo $ 5$')).toEqual(['echo', '$', '5$']);
  });

  it('splits operators', () => {
    expect(kinds('a&&b||c|d;e&')).toEqual([
      ['word', 'a'],
      ['operator', '&&'],
      ['word', 'b'],
      ['operator', '||'],
      ['word', 'c'],
      ['operator', '|'],
      ['word', 'd'],
      ['operator', ';'],
      ['word', 'e'],
      ['operator', '&'],
    ]);
  });

  it('reads redirections with descriptors', () => {
    expect(kinds('cmd >out 2>&1 <in >>log')).toEqual([
      ['word', 'cmd'],
      ['redirect', '>'],
      ['word', 'out'],
      ['redirect', '2>&'],
      ['word', '1'],
      ['redirect', '<'],
      ['word', 'in'],
      ['redirect', '>>'],
      ['word', 'log'],
    ]);
  });

  it('reads a comment to the end', () => {
    expect(kinds('ls # list it')).toEqual([
      ['word', 'ls'],
      ['comment', '# list it'],
    ]);
  });

  it('keeps # inside a word', () => {
    expect(words('echo a#b')).toEqual(['echo', 'a#b']);
  });

  it('reports an unterminated single quote', () => {
    const { tokens, unterminated } = tokenize("echo 'oops");
    expect(unterminated).toEqual({ opening: "'", start: 5 });
    expect(tokens.at(-1)?.value).toBe('oops');
  });

  it('reports an unterminated double quote', () => {
    expect(tokenize('echo "a b').unterminated?.opening).toBe('"');
  });

  it('reports an unterminated substitution', () => {
    expect(tokenize('echo $(pwd').unterminated?.opening).toBe('$(');
  });

  it('reads a mention as one word', () => {
    const [mention, next] = tokenize('<@123> docker').tokens;
    expect(mention).toMatchObject({ kind: 'word', text: '<@123>', mention: true });
    expect(next?.value).toBe('docker');
  });

  it('records offsets', () => {
    const [, second] = tokenize('docker  ps').tokens;
    expect(second).toMatchObject({ start: 8, end: 10 });
  });
});
