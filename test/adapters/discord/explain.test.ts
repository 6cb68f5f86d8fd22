import '../../support/offline-guard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain } from '../../../src/adapters/discord/layout.js';
import type { Block } from '../../../src/core/reply.js';
import { t } from '../../../src/i18n/index.js';
import { blockedConnections } from '../../support/offline-guard.js';
import { interact, startIntegrationBot, type IntegrationBot } from './integration.js';
import { customIds, discordLimitViolations, embedText, firstEmbed } from './limits.js';
import { slashCommand } from './payloads.js';

// /explain through the real discord.js client: the line from the study notes, split into numbered parts.

const LINE = 'docker run -d -p 5000:5000 -v $(pwd):/app flask_app';

let bot: IntegrationBot;

beforeAll(async () => {
  bot = await startIntegrationBot();
});

afterAll(async () => {
  await bot?.close();
  expect(blockedConnections).toEqual([]);
});

describe('discord /explain', () => {
  it('is offered as a slash command', () => {
    expect(bot.core.command('explain')?.options.map((option) => option.name)).toContain('line');
  });

  it('explains the study-note line part by part', async () => {
    const expected = await bot.core.handle({
      command: 'explain',
      options: { line: LINE },
      user: { id: 'u', isAdmin: false },
      place: { platform: 'discord', groupId: 'g', channelId: 'c' },
      locale: 'ja',
    });
    const code = expected.blocks.find((block): block is Extract<Block, { type: 'code' }> => block.type === 'code');
    const parts = expected.blocks.find((block): block is Extract<Block, { type: 'list' }> => block.type === 'list');
    expect(parts?.items.length).toBeGreaterThanOrEqual(5);

    const reply = await interact(bot.fake, slashCommand('explain', { line: LINE }));
    expect(reply.type).toBe(4);
    expect(discordLimitViolations(reply.data)).toEqual([]);
    expect(firstEmbed(reply.data).title).toBe(t('ja', 'explain.title'));
    const text = embedText(reply.data);
    expect(text).toContain(`\`\`\`\n${code?.code}\n\`\`\``);
    parts?.items.forEach((item, index) => expect(text).toContain(`${index + 1}. ${plain(item)}`));
    expect(customIds(reply.data)).toEqual(['card:docker-run']);
  });
});
