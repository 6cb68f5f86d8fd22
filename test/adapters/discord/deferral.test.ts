import '../../support/offline-guard.js';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordCore } from '../../../src/adapters/discord/interactions.js';
import type { Reply } from '../../../src/core/reply.js';
import type { Request } from '../../../src/core/request.js';
import { t } from '../../../src/i18n/index.js';
import { createTestCore, startBot, type RunningBot, type TestCore } from './harness.js';
import { discordLimitViolations, firstEmbed } from './limits.js';
import { APPLICATION_ID, autocomplete, buttonClick, slashCommand } from './payloads.js';

// The core here returns a reply only when the test releases it, which happens after the adapter has deferred,
// so the deferral path is taken without any test waiting on a clock.

let test: TestCore;
let bot: RunningBot;
let release: () => void = () => undefined;
let gate: Promise<void> = Promise.resolve();
/** When set, the held core throws it instead of returning a reply. */
let failure: Error | undefined;

function holdCore(): void {
  gate = new Promise((resolve) => {
    release = resolve;
  });
}

beforeAll(async () => {
  test = await createTestCore();
  const slowCore: DiscordCore = {
    commands: test.core.commands,
    suggest: (source, prefix) => test.core.suggest(source, prefix),
    handle: async (request: Request): Promise<Reply> => {
      await gate;
      if (failure) throw failure;
      return test.core.handle(request);
    },
  };
  bot = await startBot(slowCore, { deferAfterMs: 20 });
});

afterAll(async () => {
  release();
  await bot?.stop();
  await test?.close();
});

const original = (token: string) => `/webhooks/${APPLICATION_ID}/${token}/messages/@original`;

describe('discord deferral', () => {
  it('defers a slow command and edits the reply in', async () => {
    holdCore();
    const interaction = slashCommand('cmd', { query: 'docker commit' });
    bot.fake.sendInteraction(interaction);

    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(callback.data?.flags ?? 0).toBe(0);

    release();
    const edit = await bot.fake.waitForMessage((request) => request.method === 'PATCH' && request.path === original(interaction.token));
    expect(firstEmbed(edit).title).toBe(test.knowledge.lookup('docker-commit')!.title);
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(discordLimitViolations(edit)).toEqual([]);
  });

  it('defers a private command privately', async () => {
    holdCore();
    const interaction = slashCommand('cmd', { query: 'docker commit', private: true });
    bot.fake.sendInteraction(interaction);

    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(callback.data?.flags).toBe(MessageFlags.Ephemeral);

    release();
    const edit = await bot.fake.waitForMessage((request) => request.method === 'PATCH' && request.path === original(interaction.token));
    expect(firstEmbed(edit).title).toBe('docker commit');
  });

  it('moves a private answer out of a public deferral', async () => {
    holdCore();
    const interaction = slashCommand('cmd', { query: 'zzzq' });
    bot.fake.sendInteraction(interaction);
    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback.data?.flags ?? 0).toBe(0);

    release();
    const followUp = await bot.fake.waitForMessage((request) => request.method === 'POST' && request.path === `/webhooks/${APPLICATION_ID}/${interaction.token}`);
    expect(followUp.flags).toBe(MessageFlags.Ephemeral);
    expect(firstEmbed(followUp).title).toBe(t('ja', 'lookup.notFoundTitle'));
    const removed = bot.fake.requests.find((request) => request.method === 'DELETE' && request.path === original(interaction.token));
    expect(removed).toBeDefined();
  });

  it('replaces a public deferral with a private apology when the core fails', async () => {
    holdCore();
    failure = new Error('core crashed');
    const interaction = slashCommand('cmd', { query: 'docker commit' });
    bot.fake.sendInteraction(interaction);
    await bot.fake.callbackOf(interaction.id);

    release();
    const followUp = await bot.fake.waitForMessage((request) => request.method === 'POST' && request.path === `/webhooks/${APPLICATION_ID}/${interaction.token}`);
    failure = undefined;
    expect(followUp.flags).toBe(MessageFlags.Ephemeral);
    expect(firstEmbed(followUp).description).toBe(t('ja', 'error.internal'));
    expect(bot.fake.requests.some((request) => request.method === 'DELETE' && request.path === original(interaction.token))).toBe(true);
  });

  it('defers a slow button privately', async () => {
    holdCore();
    const click = buttonClick('card:docker-run');
    bot.fake.sendInteraction(click);

    const callback = await bot.fake.callbackOf(click.id);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(callback.data?.flags).toBe(MessageFlags.Ephemeral);

    release();
    const edit = await bot.fake.waitForMessage((request) => request.method === 'PATCH' && request.path === original(click.token));
    expect(firstEmbed(edit).title).toBe(test.knowledge.lookup('docker-run')!.title);
  });

  it('answers autocomplete at once even when commands are slow', async () => {
    holdCore();
    const interaction = autocomplete('cmd', 'query', 'docker');
    bot.fake.sendInteraction(interaction);

    const callback = await bot.fake.callbackOf(interaction.id);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    release();
  });
});
