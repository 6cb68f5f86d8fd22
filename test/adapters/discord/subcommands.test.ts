import '../../support/offline-guard.js';
import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../src/core/core.js';
import type { ActionHandler, CommandDefinition } from '../../../src/core/definition.js';
import { createReply } from '../../../src/core/reply.js';
import type { Request } from '../../../src/core/request.js';
import { createTestCore, startBot, type RunningBot, type TestCore } from './harness.js';
import { firstEmbed, type SentCallback } from './limits.js';
import { autocomplete, buttonClick, slashCommand } from './payloads.js';

// A command the adapter has never seen, with subcommands and its own buttons, must work unchanged:
// commands added to the core later (quiz, onboarding) depend on it.

const received: Request[] = [];

const studyCommand: CommandDefinition = {
  name: 'study',
  description: { ja: '学習を管理します', en: 'Manage studying' },
  options: [],
  subcommands: [
    {
      name: 'start',
      description: { ja: '学習を始めます', en: 'Start studying' },
      options: [{ name: 'topic', type: 'string', description: { ja: 'トピック', en: 'Topic' }, autocomplete: 'entries' }],
    },
    { name: 'stop', description: { ja: '学習をやめます', en: 'Stop studying' }, options: [] },
  ],
  handle(_context, request) {
    received.push(request);
    return createReply(request.locale, { title: `study ${request.subcommand}`, actions: [[{ id: 'study:next', label: '次へ' }]] });
  },
};

const studyAction: ActionHandler = {
  prefix: 'study',
  handle(_context, request, argument) {
    received.push(request);
    return createReply(request.locale, { title: `study action ${argument}`, ephemeral: true });
  },
};

let test: TestCore;
let bot: RunningBot;

beforeAll(async () => {
  test = await createTestCore();
  bot = await startBot(new Core(test.core.context, [studyCommand], [studyAction]));
});

afterAll(async () => {
  await bot?.stop();
  await test?.close();
});

async function send(payload: { id: string }): Promise<SentCallback> {
  bot.fake.sendInteraction(payload);
  return bot.fake.callbackOf(payload.id);
}

describe('discord subcommands', () => {
  it('passes the subcommand and its options', async () => {
    const options = [{ name: 'start', type: ApplicationCommandOptionType.Subcommand, options: [{ name: 'topic', type: ApplicationCommandOptionType.String, value: 'docker' }] }];
    const body = await send(slashCommand('study', options));

    expect(firstEmbed(body.data).title).toBe('study start');
    expect(received.at(-1)).toMatchObject({ command: 'study', subcommand: 'start', options: { topic: 'docker' } });
  });

  it('passes a subcommand without options', async () => {
    await send(slashCommand('study', [{ name: 'stop', type: ApplicationCommandOptionType.Subcommand, options: [] }]));

    expect(received.at(-1)).toMatchObject({ subcommand: 'stop', options: {} });
  });

  it('autocompletes an option of a subcommand', async () => {
    const body = await send(autocomplete('study', 'topic', 'docker', {}, 'start'));

    expect(body.type).toBe(8);
    expect(body.data?.choices?.length).toBeGreaterThan(0);
  });

  it('routes a new action id to the core', async () => {
    const body = await send(buttonClick('study:next'));

    expect(firstEmbed(body.data).title).toBe('study action next');
    expect(received.at(-1)?.actionId).toBe('study:next');
  });
});
