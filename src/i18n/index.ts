import core from './messages/core.js';
import discord from './messages/discord.js';
import explain from './messages/explain.js';
import knowledge from './messages/knowledge.js';
import onboarding from './messages/onboarding.js';
import quiz from './messages/quiz.js';
import shell from './messages/shell.js';
import slack from './messages/slack.js';

export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];

/** Message parameters, substituted for `{name}` in a catalog entry. */
export type MessageParams = Record<string, string | number>;

const catalogs = [core, knowledge, shell, discord, slack, onboarding, quiz, explain] as const;

type Catalog = (typeof catalogs)[number];
export type MessageKey = Catalog extends infer C ? (C extends { ja: infer M } ? keyof M & string : never) : never;

const merged: Record<Locale, Map<string, string>> = { ja: new Map(), en: new Map() };
for (const catalog of catalogs) {
  for (const locale of LOCALES) {
    for (const [key, message] of Object.entries(catalog[locale])) {
      if (merged[locale].has(key)) throw new Error(`duplicate message key ${key} in the ${locale} catalog`);
      merged[locale].set(key, message);
    }
  }
}

/** Formats the catalog message `key` in `locale`, replacing `{name}` with `params.name`. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = merged[locale].get(key) ?? merged.ja.get(key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks Japanese or English from a BCP 47 tag or a POSIX locale such as `en_US.UTF-8`; Japanese when unknown. */
export function localeFromTag(tag: string | undefined | null): Locale {
  if (!tag) return 'ja';

  const language = tag.toLowerCase().split(/[-_.@]/)[0];
  if (language === 'en') return 'en';
  return 'ja';
}
