import '../../support/offline-guard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReply } from '../../../src/core/reply.js';
import { blockedConnections } from '../../support/offline-guard.js';
import { startIntegrationBot, type IntegrationBot } from './integration.js';
import { customIds, firstEmbed, type SentMessage } from './limits.js';
import { CHANNEL_ID } from './payloads.js';

// The Discord publisher, which the quiz scheduler and the welcome on join use, against the fake REST API.

let bot: IntegrationBot;

beforeAll(async () => {
  bot = await startIntegrationBot({ memberEvents: true });
});

afterAll(async () => {
  await bot?.close();
  expect(blockedConnections).toEqual([]);
});

const card = createReply('ja', {
  title: '@everyone 見出し',
  summary: '<@400000000000000001> への返信',
  actions: [[{ id: 'card:docker-run', label: 'docker run' }]],
  ephemeral: true,
});

describe('discord publisher', () => {
  it('posts a public message with no mentions', async () => {
    const ref = await bot.handle.publisher.post(CHANNEL_ID, card);

    expect(ref.channelId).toBe(CHANNEL_ID);
    expect(ref.messageId).toMatch(/^\d+$/);
    const request = await bot.fake.waitForRequest((candidate) => candidate.method === 'POST' && candidate.path === `/channels/${CHANNEL_ID}/messages`);
    const body = request.body as SentMessage;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags ?? 0).toBe(0);
    expect(firstEmbed(body).title).toBe('@everyone 見出し');
    expect(customIds(body)).toEqual(['card:docker-run']);
  });

  it('replaces the embeds and buttons on update', async () => {
    const ref = await bot.handle.publisher.post(CHANNEL_ID, card);
    await bot.handle.publisher.update(ref, createReply('ja', { title: '更新後' }));

    const request = await bot.fake.waitForRequest((candidate) => candidate.method === 'PATCH' && candidate.path === `/channels/${CHANNEL_ID}/messages/${ref.messageId}`);
    const body = request.body as SentMessage;
    expect(body.embeds).toHaveLength(1);
    expect(firstEmbed(body).title).toBe('更新後');
    expect(body.components).toEqual([]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('opens a DM channel once per user and posts there', async () => {
    const userId = '400000000000000031';
    const first = await bot.handle.publisher.sendDirect(userId, card);
    const second = await bot.handle.publisher.sendDirect(userId, card);

    expect(first.channelId).toBe(bot.fake.directChannelOf(userId));
    expect(second.channelId).toBe(first.channelId);
    expect(second.messageId).not.toBe(first.messageId);
    const opens = bot.fake.requests.filter((request) => request.path === '/users/@me/channels');
    expect(opens.map((request) => request.body)).toContainEqual({ recipient_id: userId });
  });

  it('rejects a DM to a user who does not accept them', async () => {
    const userId = '400000000000000032';
    bot.fake.closedDirectMessages.add(userId);

    await expect(bot.handle.publisher.sendDirect(userId, card)).rejects.toMatchObject({ code: 50007 });
  });
});
