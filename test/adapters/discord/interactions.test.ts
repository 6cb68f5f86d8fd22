import '../../support/offline-guard.js';
import { MessageFlags } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordCore } from '../../../src/adapters/discord/interactions.js';
import { entryTitle } from '../../../src/core/cards.js';
import type { Reply } from '../../../src/core/reply.js';
import type { Request } from '../../../src/core/request.js';
import { t } from '../../../src/i18n/index.js';
import { blockedConnections } from '../../support/offline-guard.js';
import { hugeReply } from './fixtures.js';
import { createTestCore, startBot, type RunningBot, type TestCore } from './harness.js';
import { customIds, discordLimitViolations, embedText, fieldNames, firstEmbed, type SentMessage } from './limits.js';
import { ADMIN_PERMISSIONS, autocomplete, buttonClick, CHANNEL_ID, GUILD_ID, slashCommand, USER_ID } from './payloads.js';

let test: TestCore;
let bot: RunningBot;
/** Requests the core received, in order. */
const received: Request[] = [];
/** Replaces the core's reply for one test. */
let override: ((request: Request) => Promise<Reply>) | undefined;

beforeAll(async () => {
  test = await createTestCore();
  const core: DiscordCore = {
    commands: test.core.commands,
    suggest: (source, prefix) => test.core.suggest(source, prefix),
    handle: (request) => {
      received.push(request);
      return override ? override(request) : test.core.handle(request);
    },
  };
  bot = await startBot(core);
});

afterEach(() => {
  override = undefined;
});

afterAll(async () => {
  await bot?.stop();
  await test?.close();
  expect(blockedConnections).toEqual([]);
});

/** Sends an interaction and resolves with its callback, which must carry a message or choices. */
async function send(payload: { id: string }): Promise<{ type: number; data: SentMessage }> {
  bot.fake.sendInteraction(payload);
  const callback = await bot.fake.callbackOf(payload.id);
  if (!callback.data) throw new Error(`callback of type ${callback.type} has no data`);
  return { type: callback.type, data: callback.data };
}

function isEphemeral(body: { data: SentMessage }): boolean {
  return ((body.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

describe('discord /cmd', () => {
  it('shows the card of docker commit', async () => {
    const entry = test.knowledge.lookup('docker-commit')!;
    const body = await send(slashCommand('cmd', { query: 'docker commit' }));

    expect(body.type).toBe(4);
    const embed = firstEmbed(body.data);
    expect(embed.title).toBe(entry.title);
    expect(embed.url).toBe(entry.references[0]?.url);
    expect(embed.description).toContain(entry.summary.ja);
    expect(embed.footer?.text).toContain(entry.id);
    const names = fieldNames(embed);
    expect(names).toContain(t('ja', 'card.syntax'));
    expect(names).toContain(t('ja', 'card.options'));
    expect(names).toContain(t('ja', 'card.examples'));
    expect(embed.fields?.find((field) => field.name === t('ja', 'card.syntax'))?.value).toMatch(/^```\n[\s\S]*\n```$/);
    expect(isEphemeral(body)).toBe(false);
    expect(discordLimitViolations(body.data)).toEqual([]);
  });

  it('offers related entries as buttons with action ids', async () => {
    const entry = test.knowledge.lookup('docker-commit')!;
    const body = await send(slashCommand('cmd', { query: 'docker commit' }));

    const ids = customIds(body.data);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(5);
    for (const id of ids) expect(entry.related.map((related) => `card:${related}`)).toContain(id);
  });

  it('finds docker commit despite a typo', async () => {
    const entry = test.knowledge.lookup('docker-commit')!;
    const body = await send(slashCommand('cmd', { query: 'docker comit' }));

    const embed = firstEmbed(body.data);
    const showsCard = embed.title === entry.title;
    const offersChoice = customIds(body.data).includes('card:docker-commit');
    expect(showsCard || offersChoice).toBe(true);
  });

  it('answers a Japanese query with the docker rm card', async () => {
    const body = await send(slashCommand('cmd', { query: 'コンテナを削除' }));

    expect(firstEmbed(body.data).title).toBe(test.knowledge.lookup('docker-rm')!.title);
  });

  it('answers no match privately', async () => {
    const body = await send(slashCommand('cmd', { query: 'zzzq' }));

    expect(isEphemeral(body)).toBe(true);
    expect(firstEmbed(body.data).title).toBe(t('ja', 'lookup.notFoundTitle'));
  });

  it('answers privately when private is true', async () => {
    const body = await send(slashCommand('cmd', { query: 'docker commit', private: true }));

    expect(isEphemeral(body)).toBe(true);
    expect(firstEmbed(body.data).title).toBe('docker commit');
  });

  it('lets echoed mentions notify nobody', async () => {
    for (const query of ['@everyone docker', '@here', `<@&${GUILD_ID}> docker`, `<@${USER_ID}>`]) {
      const body = await send(slashCommand('search', { query }));

      expect(body.data.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('cuts a 5,000-character entry to Discord limits', async () => {
    override = async (request) => ({ ...hugeReply(), locale: request.locale });
    const body = await send(slashCommand('cmd', { query: 'huge' }));

    expect(body.type).toBe(4);
    expect(discordLimitViolations(body.data)).toEqual([]);
    expect(embedText(body.data)).toContain(t('ja', 'card.truncated', { id: 'huge-entry' }));
  });

  it('fits topics, help and search into limits', async () => {
    for (const [name, options] of [['topics', {}], ['help', {}], ['search', { query: 'docker' }], ['cmd', {}]] as const) {
      const body = await send(slashCommand(name, options));

      expect(body.type).toBe(4);
      expect(discordLimitViolations(body.data), name).toEqual([]);
    }
  });

  it('replies in English to an English client', async () => {
    const entry = test.knowledge.lookup('docker-commit')!;
    for (const locale of ['en-US', 'en-GB', 'fr']) {
      const body = await send(slashCommand('cmd', { query: 'docker commit' }, { locale }));

      const embed = firstEmbed(body.data);
      expect(embed.title).toBe(entryTitle(entry, 'en'));
      expect(embed.footer?.text).toBe(t('en', 'card.footer', { id: entry.id, kind: t('en', 'kind.command') }));
      expect(fieldNames(embed)).toContain(t('en', 'card.syntax'));
    }
  });
});

describe('discord errors', () => {
  it('shows user errors privately', async () => {
    const body = await send(slashCommand('concept', { query: '   ' }));

    expect(isEphemeral(body)).toBe(true);
    expect(firstEmbed(body.data).title).toBe(t('ja', 'error.title'));
    expect(firstEmbed(body.data).description).toBe(t('ja', 'lookup.emptyQuery', { example: '/concept ハイパーバイザー' }));
  });

  it('shows an unknown command privately', async () => {
    const body = await send(slashCommand('nosuchcommand', {}, { locale: 'en-US' }));

    expect(isEphemeral(body)).toBe(true);
    expect(firstEmbed(body.data).description).toBe(t('en', 'core.unknownCommand', { command: 'nosuchcommand' }));
  });

  it('apologizes privately when the core fails', async () => {
    override = () => Promise.reject(new Error('database is gone'));
    const payload = slashCommand('cmd', { query: 'docker ps' });
    const body = await send(payload);

    expect(isEphemeral(body)).toBe(true);
    expect(firstEmbed(body.data).description).toBe(t('ja', 'error.internal'));
    const logged = await bot.logs.waitFor((line) => line.msg === 'interaction failed' && line.interaction === payload.id);
    expect(logged.user).toBe(USER_ID);
    expect(logged.guild).toBe(GUILD_ID);
    expect(logged.channel).toBe(CHANNEL_ID);
    expect((logged.err as { message: string }).message).toBe('database is gone');
  });

  it('drops an expired interaction without crashing', async () => {
    const expired = slashCommand('cmd', { query: 'docker commit' });
    bot.fake.callbackErrors.set(expired.id, { status: 404, body: { code: 10062, message: 'Unknown interaction' } });
    bot.fake.sendInteraction(expired);

    const logged = await bot.logs.waitFor((line) => line.interaction === expired.id && line.code === 10062);
    expect(logged.level).toBe(40);
    expect(bot.logs.lines.filter((line) => line.interaction === expired.id && line.level >= 50)).toEqual([]);
    const next = await send(slashCommand('cmd', { query: 'docker commit' }));
    expect(next.type).toBe(4);
  });

  it('logs a rejected reply without its token', async () => {
    const rejected = slashCommand('cmd', { query: 'docker commit' });
    bot.fake.callbackErrors.set(rejected.id, { status: 400, body: { code: 50035, message: 'Invalid Form Body' } });
    bot.fake.sendInteraction(rejected);

    const failed = await bot.logs.waitFor((line) => line.msg === 'interaction failed' && line.interaction === rejected.id);
    expect(failed.code).toBe(50035);
    expect((failed.err as { url: string }).url).toContain(`/interactions/${rejected.id}/[redacted]/callback`);
    await bot.logs.waitFor((line) => line.msg === 'could not send the apology' && line.interaction === rejected.id);
    expect(JSON.stringify(bot.logs.lines)).not.toContain(rejected.token);
  });

  it('drops an interaction answered elsewhere', async () => {
    const answered = slashCommand('cmd', { query: 'docker ps' });
    bot.fake.callbackErrors.set(answered.id, { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } });
    bot.fake.sendInteraction(answered);

    const logged = await bot.logs.waitFor((line) => line.interaction === answered.id && line.code === 40060);
    expect(logged.msg).toMatch(/dropped/);
  });
});

describe('discord autocomplete', () => {
  it('offers at most 25 valid choices', async () => {
    for (const typed of ['', 'd', 'x'.repeat(100), 'docker r', 'コンテナ']) {
      const body = await send(autocomplete('cmd', 'query', typed));

      expect(body.type).toBe(8);
      const choices = body.data.choices ?? [];
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThanOrEqual(1);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeGreaterThanOrEqual(1);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
      if (typed === '' || typed === 'd') expect(choices.length).toBeGreaterThan(0);
    }
  });

  it('suggests docker commit for docker com', async () => {
    const body = await send(autocomplete('cmd', 'query', 'docker com'));

    expect((body.data.choices ?? []).map((choice) => choice.value)).toContain('docker-commit');
  });

  it('answers an option without a source with no choices', async () => {
    const body = await send(autocomplete('help', 'nothing', 'd'));

    expect(body.type).toBe(8);
    expect(body.data.choices).toEqual([]);
  });
});

describe('discord buttons', () => {
  it('shows a related entry privately', async () => {
    const entry = test.knowledge.lookup('docker-run')!;
    const body = await send(buttonClick('card:docker-run'));

    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(firstEmbed(body.data).title).toBe(entry.title);
    expect(received.at(-1)?.actionId).toBe('card:docker-run');
  });

  it('shows a stale button as a private error', async () => {
    const body = await send(buttonClick('card:no-such-entry'));

    expect(isEphemeral(body)).toBe(true);
    expect(firstEmbed(body.data).description).toBe(t('ja', 'lookup.unknownId', { id: 'no-such-entry' }));
  });
});

describe('discord requests', () => {
  it('maps a guild member', async () => {
    await send(slashCommand('cmd', { query: 'docker ps' }, { permissions: '0' }));

    const request = received.at(-1)!;
    expect(request.command).toBe('cmd');
    expect(request.options).toEqual({ query: 'docker ps' });
    expect(request.user).toMatchObject({ id: USER_ID, isAdmin: false });
    expect(request.place).toEqual({ platform: 'discord', groupId: GUILD_ID, channelId: CHANNEL_ID });
    expect(request.locale).toBe('ja');
  });

  it('treats Manage Server as admin', async () => {
    await send(slashCommand('help', {}, { permissions: ADMIN_PERMISSIONS }));

    expect(received.at(-1)?.user.isAdmin).toBe(true);
  });

  it('maps a direct message to a dm group', async () => {
    await send(slashCommand('help', {}, { guildId: null, channelId: '500000000000000001' }));

    const request = received.at(-1)!;
    expect(request.place).toEqual({ platform: 'discord', groupId: `dm:${USER_ID}`, channelId: '500000000000000001' });
    expect(request.user.isAdmin).toBe(false);
  });
});
