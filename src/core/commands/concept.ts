import { UserError } from '../errors.js';
import type { CommandDefinition } from '../definition.js';
import { cleanQuery, lookUp } from '../lookup.js';

export const conceptCommand: CommandDefinition = {
  name: 'concept',
  nameJa: '概念',
  description: {
    ja: '概念・エラー・手順のカードを表示します',
    en: 'Show the card of a concept, error or recipe',
  },
  usage: { ja: '/concept イメージ', en: '/concept image' },
  options: [
    {
      name: 'query',
      nameJa: '検索語',
      type: 'string',
      description: { ja: '用語やエラーメッセージ（例: ハイパーバイザー）', en: 'A term or error message, such as hypervisor' },
      required: true,
      autocomplete: 'concepts',
    },
  ],
  handle(context, request) {
    if (cleanQuery(request.options.query) === '') throw new UserError('lookup.emptyQuery', { example: '/concept ハイパーバイザー' });
    return lookUp(context, request.options.query, ['concept', 'error', 'recipe'], request.locale);
  },
};
