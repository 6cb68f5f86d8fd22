import type { CommandDefinition } from '../definition.js';
import { lookUp } from '../lookup.js';
import { topicsReply } from './topics.js';

export const cmdCommand: CommandDefinition = {
  name: 'cmd',
  nameJa: 'コマンド',
  description: {
    ja: 'コマンドや Dockerfile 命令のカードを表示します',
    en: 'Show the card of a command or Dockerfile instruction',
  },
  usage: '/cmd docker commit',
  options: [
    {
      name: 'query',
      nameJa: '検索語',
      type: 'string',
      description: { ja: 'コマンド名（例: docker commit）', en: 'Command name, such as docker commit' },
      autocomplete: 'commands',
    },
  ],
  handle(context, request) {
    const query = request.options.query;
    if (typeof query !== 'string' || query.trim() === '') return topicsReply(context, request.locale);
    return lookUp(context, query, ['command', 'instruction'], request.locale);
  },
};
