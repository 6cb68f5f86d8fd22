import { t, type Locale } from '../../i18n/index.js';
import type { CommandDefinition, CoreContext } from '../definition.js';
import { UserError } from '../errors.js';
import { createReply, type Reply } from '../reply.js';
import type { Request } from '../request.js';
import { createHelpCommand } from './help.js';

/** Settings key of a guild's or workspace's reply language; adapters read it to pick the locale. */
export const LANGUAGE_SETTING = 'lang';

const LANGUAGES: readonly Locale[] = ['ja', 'en'];

function isLanguage(value: string): value is Locale {
  return (LANGUAGES as readonly string[]).includes(value);
}

function languageName(language: Locale, locale: Locale): string {
  return t(locale, `shiori.langName.${language}`);
}

/** Returns the stored reply language of the request's group, Japanese when none is set. */
export async function storedLanguage(context: CoreContext, request: Request): Promise<Locale> {
  const value = await context.store.getSetting(request.place.platform, request.place.groupId, LANGUAGE_SETTING);
  return value !== undefined && isLanguage(value) ? value : 'ja';
}

async function helpReply(context: CoreContext, request: Request): Promise<Reply> {
  // Imported when called: the registry imports this file, so a static import would be circular.
  const { COMMANDS } = await import('./index.js');
  const help = createHelpCommand(() => [...COMMANDS, help]);
  const reply = await help.handle(context, request);

  const language = languageName(await storedLanguage(context, request), request.locale);
  const text = t(request.locale, 'shiori.settings', { lang: language });
  return { ...reply, blocks: [...reply.blocks, { type: 'text', heading: t(request.locale, 'shiori.settingsHeading'), text }] };
}

async function languageReply(context: CoreContext, request: Request): Promise<Reply> {
  // Only Slack has a workspace language: Discord follows each user's client language, the shell LANG.
  if (request.place.platform === 'discord') return createReply(request.locale, { summary: t(request.locale, 'shiori.langDiscord'), ephemeral: true });
  if (request.place.platform === 'shell') return createReply(request.locale, { summary: t(request.locale, 'shiori.langShell'), ephemeral: true });

  const raw = request.options.value;
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (value === '') {
    const language = languageName(await storedLanguage(context, request), request.locale);
    return createReply(request.locale, { summary: t(request.locale, 'shiori.langCurrent', { lang: language }), ephemeral: true });
  }

  if (!isLanguage(value)) throw new UserError('shiori.langInvalid', { value: String(raw).trim() });
  if (!request.user.isAdmin) throw new UserError('shiori.adminOnly');

  await context.store.setSetting(request.place.platform, request.place.groupId, LANGUAGE_SETTING, value, context.now());
  return createReply(value, { summary: t(value, 'shiori.langSet', { lang: languageName(value, value) }), ephemeral: true, tone: 'success' });
}

/** /shiori: help, and the reply language of the guild or workspace (changed by admins only). */
export const shioriCommand: CommandDefinition = {
  name: 'shiori',
  nameJa: 'しおり',
  description: { ja: 'Shiori のヘルプと設定（返信言語）', en: 'Shiori help and settings, such as the reply language' },
  usage: '/shiori lang en',
  options: [],
  subcommands: [
    { name: 'help', nameJa: 'ヘルプ', description: { ja: 'Shiori の使い方を表示します', en: 'Show how to use Shiori' }, options: [] },
    {
      name: 'lang',
      nameJa: '言語',
      description: { ja: '返信言語を表示・変更します（変更は管理者のみ）', en: 'Show or change the reply language (admins change it)' },
      options: [
        {
          name: 'value',
          nameJa: '言語',
          type: 'string',
          description: { ja: 'ja（日本語）または en（英語）。省略すると現在の設定を表示します', en: 'ja (Japanese) or en (English); leave it out to see the setting' },
          choices: [
            { value: 'ja', label: { ja: '日本語', en: 'Japanese' } },
            { value: 'en', label: { ja: '英語', en: 'English' } },
          ],
        },
      ],
    },
  ],
  handle(context, request) {
    if (request.subcommand === 'lang') return languageReply(context, request);
    return helpReply(context, request);
  },
};
