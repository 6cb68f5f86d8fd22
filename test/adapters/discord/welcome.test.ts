import '../../support/offline-guard.js';
import { GatewayIntentBits, GuildFeature, Locale } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain } from '../../../src/adapters/discord/layout.js';
import { joinLocale } from '../../../src/adapters/discord/members.js';
import { loadConfig } from '../../../src/config.js';
import { t } from '../../../src/i18n/index.js';
import { shippedPaths } from '../../../src/onboarding/catalog.js';
import { ProgressStore } from '../../../src/onboarding/progress.js';
import { blockedConnections } from '../../support/offline-guard.js';
import { channelPosts, directChannelOpens, interact, isEphemeral, startIntegrationBot, type IntegrationBot } from './integration.js';
import { customIds, discordLimitViolations, embedText, firstEmbed, type SentMessage } from './limits.js';
import { ADMIN_PERMISSIONS, buttonClick, CHANNEL_ID, GUILD_ID, slashCommand, subcommand } from './payloads.js';

// The welcome on join end to end: DISCORD_MEMBER_EVENTS adds the GuildMembers intent, and each
// GUILD_MEMBER_ADD dispatch of the fake gateway goes through welcomeOnJoin to one direct message.

const NEWCOMER = { id: '400000000000000021', username: 'newbie', globalName: 'New Bie' };

let bot: IntegrationBot;

beforeAll(async () => {
  bot = await startIntegrationBot({ memberEvents: true });
});

afterAll(async () => {
  await bot?.close();
  expect(blockedConnections).toEqual([]);
});

/** Runs `/onboard welcome` as an admin with the given options and checks that it was accepted. */
async function setWelcome(values: Record<string, string>): Promise<void> {
  const reply = await interact(bot.fake, slashCommand('onboard', subcommand('welcome', values), { permissions: ADMIN_PERMISSIONS }));
  expect(isEphemeral(reply.data)).toBe(true);
  expect(firstEmbed(reply.data).title).toBe(t('ja', 'onboarding.welcome.settingTitle'));
}

/** Resolves once the adapter has decided about the join of `userId` with the given outcome. */
function joinHandled(userId: string, welcome: 'direct' | 'channel' | 'none') {
  return bot.logs.waitFor((line) => line.msg === 'handled a member join' && line.user === userId && line.welcome === welcome);
}

/** Resolves with the first message the bot posted in its DM channel with `userId`. */
async function directMessageTo(userId: string): Promise<SentMessage> {
  const channelId = await bot.fake.waitFor(() => bot.fake.directChannelOf(userId), 5_000, `DM channel with ${userId}`);
  const posted = await bot.fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);
  return posted.body as SentMessage;
}

describe('discord member events', () => {
  it('identify with the GuildMembers intent', () => {
    expect(bot.fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMembers);
  });

  it('are off unless DISCORD_MEMBER_EVENTS is true', () => {
    const base = { DISCORD_TOKEN: 'token' };

    expect(loadConfig(base).discord?.memberEvents).toBe(false);
    expect(loadConfig({ ...base, DISCORD_MEMBER_EVENTS: '' }).discord?.memberEvents).toBe(false);
    expect(loadConfig({ ...base, DISCORD_MEMBER_EVENTS: 'true' }).discord?.memberEvents).toBe(true);
    expect(loadConfig({ ...base, DISCORD_MEMBER_EVENTS: 'TRUE' }).discord?.memberEvents).toBe(true);
    expect(loadConfig({ ...base, DISCORD_MEMBER_EVENTS: 'false' }).discord?.memberEvents).toBe(false);
    expect(() => loadConfig({ ...base, DISCORD_MEMBER_EVENTS: 'maybe' })).toThrow(/DISCORD_MEMBER_EVENTS.*true or false/);
  });
});

describe('discord welcome language', () => {
  it('follows the primary language of a Community server', () => {
    expect(joinLocale({ features: [GuildFeature.Community], preferredLocale: Locale.Japanese })).toBe('ja');
    expect(joinLocale({ features: [GuildFeature.Community], preferredLocale: Locale.EnglishUS })).toBe('en');
  });

  it('is Japanese in other servers, whose locale is always en-US', () => {
    expect(joinLocale({ features: [], preferredLocale: Locale.EnglishUS })).toBe('ja');
  });
});

describe('discord welcome on join', () => {
  it('sends nothing while welcomes are off', async () => {
    const quiet = { id: '400000000000000022', username: 'quiet' };
    expect(bot.fake.sendMemberAdd(quiet)).toBe(1);

    await joinHandled(quiet.id, 'none');
    expect(directChannelOpens(bot.fake, quiet.id)).toEqual([]);
  });

  it('greets a member once by direct message', async () => {
    await setWelcome({ state: 'on' });
    bot.fake.sendMemberAdd(NEWCOMER);

    const welcome = await directMessageTo(NEWCOMER.id);
    expect(directChannelOpens(bot.fake, NEWCOMER.id)).toHaveLength(1);
    const embed = firstEmbed(welcome);
    expect(embed.title).toBe(t('ja', 'onboarding.welcome.title'));
    expect(embed.description).toContain(plain(t('ja', 'onboarding.welcome.greetingNamed', { name: NEWCOMER.globalName })));
    expect(welcome.allowed_mentions).toEqual({ parse: [] });
    expect(discordLimitViolations(welcome)).toEqual([]);
    const firstPath = shippedPaths().paths[0]!;
    expect(customIds(welcome)[0]).toBe(`onboard:start:${firstPath.id}:@${GUILD_ID}`);
  });

  it('ignores a redelivered join', async () => {
    bot.fake.sendMemberAdd(NEWCOMER);

    await joinHandled(NEWCOMER.id, 'none');
    expect(directChannelOpens(bot.fake, NEWCOMER.id)).toHaveLength(1);
  });

  it('ignores a bot', async () => {
    const otherBot = { id: '400000000000000023', username: 'helper-bot', bot: true };
    bot.fake.sendMemberAdd(otherBot);

    await bot.logs.waitFor((line) => line.msg === 'ignored a bot joining' && line.user === otherBot.id);
    expect(directChannelOpens(bot.fake, otherBot.id)).toEqual([]);
  });

  it('logs a member who does not accept direct messages', async () => {
    const closed = { id: '400000000000000026', username: 'no-dms' };
    bot.fake.closedDirectMessages.add(closed.id);
    bot.fake.sendMemberAdd(closed);

    const line = await bot.logs.waitFor((candidate) => candidate.user === closed.id && candidate.level === 40);
    expect(line.msg).toBe('welcome not sent: the member does not accept direct messages from this server');
    expect(line.code).toBe(50007);
  });

  it('starts the path in the guild from the DM button', async () => {
    const firstPath = shippedPaths().paths[0]!;
    const click = buttonClick(`onboard:start:${firstPath.id}:@${GUILD_ID}`, { guildId: null, userId: NEWCOMER.id, channelId: '300000000000000099' });
    const reply = await interact(bot.fake, click);

    expect(reply.type).toBe(4);
    expect(discordLimitViolations(reply.data)).toEqual([]);
    const progress = await new ProgressStore(bot.store).list({ platform: 'discord', groupId: GUILD_ID, userId: NEWCOMER.id });
    expect(progress.map((item) => item.pathId)).toEqual([firstPath.id]);
  });

  it('posts in the channel when set to here', async () => {
    await setWelcome({ state: 'on', channel: 'here' });
    const member = { id: '400000000000000024', username: 'channel-newbie', nick: 'Chan' };
    const before = channelPosts(bot.fake, CHANNEL_ID).length;
    bot.fake.sendMemberAdd(member);

    await joinHandled(member.id, 'channel');
    const post = await bot.fake.waitFor(() => channelPosts(bot.fake, CHANNEL_ID)[before], 5_000, 'welcome post in the channel');
    expect(firstEmbed(post.body as SentMessage).title).toBe(t('ja', 'onboarding.welcome.title'));
    expect(embedText(post.body as SentMessage)).toContain(plain(t('ja', 'onboarding.welcome.greetingNamed', { name: 'Chan' })));
    expect(directChannelOpens(bot.fake, member.id)).toEqual([]);
  });

  it('sends nothing after welcomes are turned off', async () => {
    await setWelcome({ state: 'off' });
    const late = { id: '400000000000000025', username: 'late' };
    const posts = channelPosts(bot.fake).length;
    bot.fake.sendMemberAdd(late);

    await joinHandled(late.id, 'none');
    expect(directChannelOpens(bot.fake, late.id)).toEqual([]);
    expect(channelPosts(bot.fake)).toHaveLength(posts);
  });
});

describe('discord without member events', () => {
  it('never receives joins', async () => {
    const plainBot = await startIntegrationBot();
    try {
      expect(plainBot.fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
      expect(plainBot.fake.sendMemberAdd(NEWCOMER)).toBe(0);
    } finally {
      await plainBot.close();
    }
  });

  it('names the portal switch on close code 4014', async () => {
    await expect(startIntegrationBot({ memberEvents: true, fake: { privilegedIntents: 0 } })).rejects.toThrow(/4014.*Server Members Intent/);
  });
});
