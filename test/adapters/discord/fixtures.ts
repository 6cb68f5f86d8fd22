import { createReply, type Action, type Reply } from '../../../src/core/reply.js';

/** Builds a reply far over every Discord limit, as a 5,000-character entry would produce. */
export function hugeReply(): Reply {
  const paragraph = 'コンテナのファイルシステムへの変更を保存します。'.repeat(10);
  const actions: Action[] = Array.from({ length: 32 }, (_, index) => ({ id: `card:entry-${index}`, label: `関連 ${index} `.repeat(20) }));
  return createReply('ja', {
    title: 'とても長いタイトル'.repeat(40),
    url: 'https://docs.docker.com/reference/cli/docker/container/commit/',
    summary: 'あ'.repeat(5_000),
    blocks: [
      { type: 'code', heading: '構文', code: 'docker commit [OPTIONS] CONTAINER\n'.repeat(120) },
      { type: 'text', heading: '説明', text: Array.from({ length: 30 }, () => paragraph).join('\n') },
      { type: 'fields', heading: 'オプション', fields: Array.from({ length: 40 }, (_, index) => ({ name: `--option-${index}`, value: '説明'.repeat(30) })) },
      { type: 'warning', heading: '注意', text: '削除したものは元に戻せません。' },
      { type: 'link', label: 'Docker Docs', url: 'https://docs.docker.com/' },
    ],
    actions: [actions.slice(0, 7), actions.slice(7)],
    footer: 'ID: huge-entry ・ コマンド',
    entryId: 'huge-entry',
  });
}
