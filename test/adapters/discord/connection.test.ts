import '../../support/offline-guard.js';
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDiscord } from '../../../src/adapters/discord/client.js';
import { startDiscord } from '../../../src/adapters/discord/index.js';
import { blockedConnections } from '../../support/offline-guard.js';
import { FakeDiscord } from './fake-discord.js';
import { createTestCore, LogCapture, startBot, type TestCore } from './harness.js';
import { BOT_USER_ID, slashCommand } from './payloads.js';

let test: TestCore;

beforeAll(async () => {
  test = await createTestCore();
});

afterAll(async () => {
  await test?.close();
  expect(blockedConnections).toEqual([]);
});

describe('discord connection', () => {
  it('identifies with the Guilds intent only', async () => {
    const bot = await startBot(test.core);

    expect(bot.fake.identifies).toHaveLength(1);
    expect(bot.fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    await bot.stop();
  });

  it('logs ready with the guild count', async () => {
    const bot = await startBot(test.core);

    const ready = await bot.logs.waitFor((line) => line.msg === 'ready');
    expect(ready.guilds).toBe(1);
    expect(ready.user).toBe(BOT_USER_ID);
    await bot.stop();
  });

  it('takes the intents as a parameter', async () => {
    const fake = await FakeDiscord.start();
    const logs = new LogCapture();
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers];
    const handle = await connectDiscord({ core: test.core, logger: logs.logger, token: 'test-token', apiUrl: fake.apiUrl, intents });

    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMembers);
    await handle.stop();
    await fake.stop();
  });

  it('resumes after a dropped connection and keeps answering', async () => {
    const bot = await startBot(test.core);
    bot.fake.dropConnections(4000);

    await bot.logs.waitFor((line) => line.msg === 'gateway connection closed; reconnecting' && line.shard === 0, 10_000);
    await bot.logs.waitFor((line) => line.msg === 'gateway session resumed' && line.shard === 0, 10_000);
    const interaction = slashCommand('help');
    bot.fake.sendInteraction(interaction);
    expect((await bot.fake.callbackOf(interaction.id)).type).toBe(4);
    await bot.stop();
  });

  it('logs a disconnect it cannot recover from', async () => {
    const bot = await startBot(test.core);
    bot.fake.dropConnections(4014);

    const line = await bot.logs.waitFor((candidate) => candidate.msg === 'disconnected from the gateway for good');
    expect(line.code).toBe(4014);
    expect(line.hint).toMatch(/privileged intents/);
    await bot.stop();
  });

  it('closes the gateway connection on stop', async () => {
    const bot = await startBot(test.core);
    expect(bot.fake.connections).toBe(1);

    await bot.handle.stop();
    await bot.fake.waitFor(() => (bot.fake.connections === 0 ? true : undefined), 5_000, 'closed connection');
    expect(bot.handle.client.isReady()).toBe(false);
    await bot.logs.waitFor((line) => line.msg === 'disconnected from Discord');
    await bot.fake.stop();
  });

  it('starts from the configuration', async () => {
    const fake = await FakeDiscord.start({ token: 'config-token' });
    const logs = new LogCapture();
    const handle = await startDiscord({ core: test.core, logger: logs.logger, config: { token: 'config-token', apiUrl: fake.apiUrl } });

    expect(fake.identifies[0]?.token).toBe('config-token');
    await handle.stop();
    await fake.stop();
  });

  it('rejects a wrong token', async () => {
    const fake = await FakeDiscord.start({ token: 'right-token' });
    const logs = new LogCapture();

    await expect(connectDiscord({ core: test.core, logger: logs.logger, token: 'wrong-token', apiUrl: fake.apiUrl })).rejects.toThrow();
    const line = await logs.waitFor((candidate) => candidate.msg.startsWith('login failed'));
    expect(JSON.stringify(line)).not.toContain('wrong-token');
    await fake.stop();
  });
});
