import { t, type Locale } from '../i18n/index.js';
import type { Kind, SearchResult } from '../knowledge/index.js';
import { CARD_ACTION, entryCard, entryTitle } from './cards.js';
import type { CoreContext } from './definition.js';
import { createReply, toRows, type Reply } from './reply.js';

/** "Did you mean" choices offered when no match is strong enough for a card. */
export const MAX_SUGGESTIONS = 5;

/** Longest query the core passes to search; longer text is cut, never rejected. */
export const MAX_QUERY_LENGTH = 512;

/** Removes control characters and surrounding space, and caps the length of a user's query. */
export function cleanQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw.replace(/\p{Cc}+/gu, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/** Builds the reply offering close matches as buttons when the best match is weak. */
export function didYouMean(query: string, results: SearchResult[], locale: Locale): Reply {
  const choices = results.slice(0, MAX_SUGGESTIONS);
  const actions = choices.map(({ entry }) => ({ id: `${CARD_ACTION}:${entry.id}`, label: entryTitle(entry, locale) }));
  return createReply(locale, {
    title: t(locale, 'lookup.didYouMeanTitle'),
    summary: t(locale, 'lookup.didYouMean', { query }),
    blocks: [{ type: 'list', items: choices.map(({ entry }) => `${entryTitle(entry, locale)}: ${entry.summary[locale]}`) }],
    actions: toRows(actions),
    ephemeral: true,
  });
}

/** Builds the reply for a query that matched nothing, with a hint on how to search. */
export function notFound(query: string, locale: Locale): Reply {
  return createReply(locale, {
    title: t(locale, 'lookup.notFoundTitle'),
    summary: t(locale, 'lookup.notFound', { query }),
    blocks: [{ type: 'text', text: t(locale, 'lookup.searchHint') }],
    ephemeral: true,
    tone: 'warning',
  });
}

/**
 * Answers a lookup: the card of a confident match among `kinds`, else a confident match of any kind,
 * else "did you mean" choices, else a not-found message.
 */
export function lookUp(context: CoreContext, rawQuery: unknown, kinds: readonly Kind[], locale: Locale): Reply {
  const query = cleanQuery(rawQuery);
  const exact = context.knowledge.lookup(query);
  if (exact) return entryCard(exact, context.knowledge, locale);

  const preferred = context.knowledge.search(query, { kinds, limit: MAX_SUGGESTIONS });
  const best = preferred.results[0];
  if (preferred.confident && best) return entryCard(best.entry, context.knowledge, locale);

  const any = context.knowledge.search(query, { limit: MAX_SUGGESTIONS });
  const bestOfAny = any.results[0];
  if (any.confident && bestOfAny) return entryCard(bestOfAny.entry, context.knowledge, locale);

  const candidates = preferred.results.length > 0 ? preferred.results : any.results;
  if (candidates.length > 0) return didYouMean(query, candidates, locale);
  return notFound(query, locale);
}
