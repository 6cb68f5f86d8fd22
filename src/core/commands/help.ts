import { t } from '../../i18n/index.js';
import type { CommandDefinition } from '../definition.js';
import { createReply } from '../reply.js';

/** Creates /help; it lists the commands it is given, so it always matches the registry. */
export function createHelpCommand(listCommands: () => readonly CommandDefinition[]): CommandDefinition {
  return {
    name: 'help',
    nameJa: 'ヘルプ',
    description: { ja: 'Shiori の使い方を表示します', en: 'Show how to use Shiori' },
    usage: '/help',
    options: [],
    handle(_context, request) {
      const locale = request.locale;
      const items = listCommands().map((command) => {
        const usage = typeof command.usage === 'object' ? command.usage[locale] : command.usage;
        return `${usage ?? `/${command.name}`}: ${command.description[locale]}`;
      });
      return createReply(locale, {
        title: t(locale, 'help.title'),
        summary: t(locale, 'help.summary'),
        blocks: [
          { type: 'list', items },
          { type: 'text', text: t(locale, 'help.plainText') },
        ],
        ephemeral: true,
      });
    },
  };
}
