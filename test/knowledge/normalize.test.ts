import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/knowledge/distance.js';
import { analyze, compact, contentWords, foldKana, normalizeText } from '../../src/knowledge/normalize.js';
import { stemEnglish, termUnits } from '../../src/knowledge/units.js';

const texts = (input: string): string[] => analyze(input).map((word) => word.text);

describe('normalizeText', () => {
  it.each([
    ['ｄｏｃｋｅｒ　ｐｓ', 'docker ps'],
    ['ＤＯＣＫＥＲ ＣＯＭＭＩＴ', 'docker commit'],
    ['ｺﾝﾃﾅ', 'コンテナ'],
    ['こんてな', 'コンテナ'],
    ['  Docker\tPS  ', 'docker ps'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('replaces control characters with spaces', () => {
    expect(normalizeText('docker\u0000ps\u0007')).toBe('docker ps');
  });

  it('maps dash variants to a hyphen', () => {
    expect(normalizeText('systemctl set\u2010default')).toBe('systemctl set-default');
    expect(normalizeText('docker ps －a')).toBe('docker ps -a');
  });
});

describe('foldKana', () => {
  it.each([
    ['サーバー', 'サーバ'],
    ['ハイパーバイザー', 'ハイパーバイザ'],
    ['ブートローダー', 'ブートローダ'],
    ['ハイパーバイザー型', 'ハイパーバイザ型'],
    ['バーチャルマシーン', 'バーチャルマシン'],
    ['ヴァーチャル', 'バーチャル'],
    ['はいぱーばいざー', 'ハイパーバイザ'],
  ])('treats %j like %j', (variant, standard) => {
    expect(foldKana(variant)).toBe(foldKana(standard));
  });
});

describe('analyze', () => {
  it('drops Japanese particles and auxiliaries', () => {
    expect(texts('コンテナを削除')).toEqual(['コンテナ', '削除']);
    expect(texts('イメージを削除したい')).toEqual(texts('イメージ 削除'));
    expect(texts('ハイパーバイザーとは')).toEqual(texts('ハイパーバイザー'));
  });

  it('joins katakana that the segmenter splits', () => {
    expect(texts('ハイパーバイザーとは')).toEqual(texts('ハイパーバイザ'));
    expect(texts('デフォルトのブートターゲット')).toHaveLength(2);
  });

  it('folds a hiragana loanword before segmentation', () => {
    expect(texts('はいぱーばいざー')).toEqual(texts('ハイパーバイザー'));
  });

  it('drops short hiragana segments', () => {
    expect(texts('自動起動になっているか調べる')).toEqual(texts('自動 起動 調べる'));
  });

  it('keeps negation as one word', () => {
    expect(texts('イメージが削除できない')).toEqual(texts('イメージを削除できません'));
    expect(texts('イメージが削除できない')).not.toEqual(texts('イメージを削除'));
    expect(texts('コンテナが起動しない')).toEqual(texts('コンテナ 起動 ない'));
  });

  it('strips okurigana from verbs', () => {
    expect(texts('消す')).toEqual(texts('消したい'));
  });

  it('keeps options and shell words whole', () => {
    expect(texts('docker run -d -p 5000:5000 -v $(pwd):/app app')).toEqual(['docker', 'run', '-d', '-p', '5000', '5000', '-v', 'pwd', 'app', 'app']);
    expect(texts('systemctl set-default multi-user.target')).toEqual(['systemctl', 'set-default', 'multi-user.target']);
  });

  it('reads a long-vowel mark before letters as an option hyphen', () => {
    expect(texts('docker ps ーa')).toEqual(['docker', 'ps', '-a']);
  });

  it('marks English stop words', () => {
    const words = analyze('what is a hypervisor');
    expect(words.filter((word) => word.stop).map((word) => word.text)).toEqual(['what', 'is', 'a']);
  });

  it('returns no words for symbols, emoji and control characters', () => {
    for (const input of ['', '   ', '?', '|', '!!!', '😀😀', '\u0000\u0001\u001f']) {
      expect(analyze(input)).toEqual([]);
    }
  });

  it('splits mixed Japanese and ASCII', () => {
    expect(texts('Dockerfileからイメージをビルド')).toEqual(['dockerfile', 'イメジ', 'ビルド']);
    expect(texts('initプロセス')).toEqual(['init', 'プロセス']);
  });
});

describe('compact', () => {
  it('makes hyphen, space and joined spellings equal', () => {
    const expected = compact(analyze('systemctl set-default'));
    expect(compact(analyze('systemctl setdefault'))).toBe(expected);
    expect(compact(analyze('systemctl set default'))).toBe(expected);
    expect(compact(analyze('SYSTEMCTL SET-DEFAULT'))).toBe(expected);
  });

  it('keeps stop words', () => {
    expect(compact(analyze('what is docker'))).toBe('whatisdocker');
    expect(compact(analyze('FROM'))).toBe('from');
  });
});

describe('contentWords', () => {
  it('drops stop words unless nothing else is left', () => {
    expect(compact(contentWords(analyze('what is docker')))).toBe('docker');
    expect(compact(contentWords(analyze('FROM')))).toBe('from');
  });
});

describe('termUnits', () => {
  it('adds the joined compound of a hyphenated word', () => {
    const units = analyze('set-default').flatMap(termUnits).map((unit) => unit.unit);
    expect(units).toEqual(['set', 'default', 'setdefault']);
  });

  it('splits Japanese words into bigrams', () => {
    const units = analyze('コンテナ').flatMap(termUnits).map((unit) => unit.unit);
    expect(units).toEqual(['コン', 'ンテ', 'テナ']);
  });
});

describe('stemEnglish', () => {
  it.each([
    ['containers', 'container'],
    ['images', 'image'],
    ['running', 'run'],
    ['stopped', 'stop'],
    ['removes', 'remove'],
    ['processes', 'process'],
  ])('gives %j and %j the same stem', (variant, base) => {
    expect(stemEnglish(variant)).toBe(stemEnglish(base));
  });

  it('leaves short words and words with digits alone', () => {
    expect(stemEnglish('ps')).toBe('ps');
    expect(stemEnglish('python3')).toBe('python3');
  });
});

describe('editDistance', () => {
  it.each([
    ['dcoker', 'docker', 1],
    ['comit', 'commit', 1],
    ['virth', 'virsh', 1],
    ['systemclt', 'systemctl', 1],
    ['dommstate', 'domstate', 1],
    ['docker', 'docker', 0],
  ])('measures %j to %j as %i', (a, b, distance) => {
    expect(editDistance(a, b, 2)).toBe(distance);
  });

  it('stops at the bound', () => {
    expect(editDistance('kubernetes', 'docker', 2)).toBe(3);
  });
});
