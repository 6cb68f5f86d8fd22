import { t, type Locale } from '../../i18n/index.js';
import { TOPICS, type Topic } from '../../knowledge/schema.js';
import { entryTitle } from '../cards.js';
import type { CommandDefinition, CoreContext } from '../definition.js';
import { createReply, type Block, type Reply } from '../reply.js';

/** Builds the browsing view: every topic with the titles of its entries, commands first. */
export function topicsReply(context: CoreContext, locale: Locale): Reply {
  const blocks: Block[] = [];
  for (const topic of TOPICS) {
    const entries = context.knowledge.entries.filter((entry) => entry.topic === topic);
    if (entries.length === 0) continue;

    const titles = [...entries]
      .sort((a, b) => Number(b.kind === 'command') - Number(a.kind === 'command') || a.title.localeCompare(b.title))
      .map((entry) => entryTitle(entry, locale));
    blocks.push({ type: 'text', heading: topicLabel(topic, locale), text: titles.join(' / ') });
  }
  return createReply(locale, {
    title: t(locale, 'topics.title'),
    summary: t(locale, 'topics.summary', { count: context.knowledge.entries.length }),
    blocks,
  });
}

/** Returns the display name of a topic in `locale`. */
export function topicLabel(topic: Topic, locale: Locale): string {
  return t(locale, `topic.${topic}`);
}

export const topicsCommand: CommandDefinition = {
  name: 'topics',
  nameJa: 'トピック',
  description: { ja: 'トピックとエントリの一覧を表示します', en: 'List the topics and their entries' },
  usage: '/topics',
  options: [],
  handle(context, request) {
    return topicsReply(context, request.locale);
  },
};
