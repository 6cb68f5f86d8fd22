import { t } from '../../i18n/index.js';
import { CARD_ACTION, entryTitle } from '../cards.js';
import type { CommandDefinition } from '../definition.js';
import { UserError } from '../errors.js';
import { cleanQuery, notFound } from '../lookup.js';
import { createReply, toRows } from '../reply.js';

/** Matches listed by /search, each with a button numbered like its line (two rows of five). */
const MAX_RESULTS = 10;
const MAX_BUTTONS = MAX_RESULTS;

export const searchCommand: CommandDefinition = {
  name: 'search',
  nameJa: '検索',
  description: {
    ja: '知識ベースを検索して、一致するエントリを一覧表示します',
    en: 'Search the knowledge base and list the matching entries',
  },
  usage: { ja: '/search 削除', en: '/search remove' },
  options: [
    {
      name: 'query',
      nameJa: '検索語',
      type: 'string',
      description: { ja: '検索する言葉（日本語・英語・コマンド）', en: 'Words to search for, in Japanese or English, or a command' },
      required: true,
      autocomplete: 'entries',
    },
  ],
  handle(context, request) {
    const locale = request.locale;
    const query = cleanQuery(request.options.query);
    if (query === '') throw new UserError('lookup.emptyQuery', { example: '/search コンテナを削除' });

    const { results } = context.knowledge.search(query, { limit: MAX_RESULTS });
    if (results.length === 0) return notFound(query, locale);

    const items = results.map(({ entry }) => `${entryTitle(entry, locale)} (${entry.id}): ${entry.summary[locale]}`);
    const actions = results.slice(0, MAX_BUTTONS).map(({ entry }) => ({ id: `${CARD_ACTION}:${entry.id}`, label: entryTitle(entry, locale) }));
    return createReply(locale, {
      title: t(locale, 'search.title', { query }),
      summary: t(locale, 'search.count', { count: results.length }),
      blocks: [{ type: 'list', items, ordered: true }],
      actions: toRows(actions),
    });
  },
};
