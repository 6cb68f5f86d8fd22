import { describe, expect, it } from 'vitest';
import { cleanCharacters } from '../../src/explain/characters.js';

describe('cleanCharacters', () => {
  it('reads an em dash as a hyphen', () => {
    const { text, fixes } = cleanCharacters('docker run —it');
    expect(text).toBe('docker run -it');
    expect(fixes).toEqual([{ kind: 'dash', character: '—', codePoint: 'U+2014', replacement: '-', index: 11 }]);
  });

  it('reads other dashes as hyphens', () => {
    expect(cleanCharacters('a –b −c －d ‐e').text).toBe('a -b -c -d -e');
  });

  it('reads an ideographic space as a space', () => {
    const { text, fixes } = cleanCharacters('docker\u3000ps');
    expect(text).toBe('docker ps');
    expect(fixes[0]).toMatchObject({ kind: 'space', codePoint: 'U+3000' });
  });

  it('reads full-width letters and digits', () => {
    expect(cleanCharacters('ｄｏｃｋｅｒ　ｐｓ　－ａ').text).toBe('docker ps -a');
    expect(cleanCharacters('python３').text).toBe('python3');
  });

  it('reads curly quotes as a quoted string', () => {
    expect(cleanCharacters('echo “a b”').text).toBe('echo "a b"');
    expect(cleanCharacters('echo ‘a b’').text).toBe("echo 'a b'");
  });

  it('keeps look-alikes inside ASCII quotes', () => {
    const { text, fixes } = cleanCharacters("echo '全角\u3000スペース—' x");
    expect(text).toBe("echo '全角\u3000スペース—' x");
    expect(fixes).toEqual([]);
  });

  it('keeps Japanese text outside quotes', () => {
    expect(cleanCharacters('echo コンテナID').text).toBe('echo コンテナID');
  });

  it('removes invisible and control characters', () => {
    const { text, fixes } = cleanCharacters('docker\u200b ps\u0007\r');
    expect(text).toBe('docker ps');
    expect(fixes).toEqual([{ kind: 'invisible', character: '\u200b', codePoint: 'U+200B', replacement: '' }]);
  });

  it('keeps an escaped character', () => {
    expect(cleanCharacters('echo \\—').text).toBe('echo \\—');
  });
});
