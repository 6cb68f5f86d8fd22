// Word lists for search normalization. They are language data for the tokenizer, not knowledge content:
// entries never depend on them, and changing them only changes ranking.

/**
 * Japanese function words that carry no topic: particles, auxiliaries and question phrases. Compared
 * with segments before kana folding, so they are written as typed. Negations (しない, ません) are not
 * here, because analysis keeps them as one word.
 */
export const JAPANESE_STOP_WORDS: ReadonlySet<string> = new Set([
  'を', 'の', 'が', 'は', 'に', 'で', 'と', 'へ', 'や', 'も', 'か', 'ね', 'よ', 'て', 'た', 'だ', 'い',
  'から', 'まで', 'より', 'など', 'って', 'とは', 'として', 'について', 'における', 'による', 'ための',
  'です', 'ます', 'でしょう', 'ですか', 'ください', 'たい', 'たく', 'する', 'した', 'して', 'します',
  'したい', 'される', 'させる', 'れる', 'られる', 'できる', 'でき', 'ある', 'いる', 'なる', 'こと',
  'いるか', 'あるか', 'ている', 'てい', 'しまっ',
  'もの', 'ため', 'よう', 'どう', 'どうやって', 'どうすれば', 'どの', 'どれ', 'なに', 'なん', '何', '方法',
  'やり方', '使い方', '教え', 'とき', '場合', 'すれ', 'ば', 'いい', 'たら', 'れば', 'でした',
]);

/** English words too common to identify an entry. Search ignores them unless a query has no other word. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'for', 'is', 'are', 'be', 'was', 'what', 'how', 'do', 'does',
  'i', 'can', 'with', 'and', 'or', 'my', 'me', 'it', 'its', 'this', 'that', 'by', 'as', 'at',
  'all', 'every', 'any', 'some', 'no', 'not', 'yes', 'should', 'which', 'when', 'you', 'your', 'use', 'using', 'get', 'way', 'there', 'into', 'about',
]);

/**
 * Query-side synonyms: an everyday word learners type, mapped to the terms that entries use. Keys are
 * normalized like queries when the index is built; Japanese verbs appear as their kanji stem because
 * okurigana is stripped before lookup.
 */
export const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['消', ['削除']],
  ['消去', ['削除']],
  ['止', ['停止']],
  ['作', ['作成']],
  ['始', ['起動', '開始']],
  ['立ち上', ['起動']],
  ['見', ['表示', '確認']],
  ['調', ['確認', '表示']],
  ['入', ['接続']],
  ['抜', ['離脱', 'デタッチ']],
  ['リスト', ['一覧']],
  ['デフォルト', ['既定']],
  ['既定', ['デフォルト']],
  ['フォルダ', ['ディレクトリ']],
  ['ディレクトリ', ['フォルダ']],
  ['バーチャルマシン', ['仮想マシン']],
  ['vm', ['仮想マシン']],
  ['ゲスト', ['仮想マシン']],
  ['delete', ['remove']],
  ['erase', ['remove']],
  ['show', ['list', 'display']],
  ['view', ['show', 'display']],
  ['see', ['show', 'display']],
]);
