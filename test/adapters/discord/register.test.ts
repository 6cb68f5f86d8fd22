import '../../support/offline-guard.js';
import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toDiscordCommands, type DiscordCommand } from '../../../src/adapters/discord/commands.js';
import { diffCommands, runRegister } from '../../../src/adapters/discord/registration.js';
import { loadConfig, type Config } from '../../../src/config.js';
import { FakeDiscord } from './fake-discord.js';
import { createTestCore, type TestCore } from './harness.js';
import { APPLICATION_ID, GUILD_ID } from './payloads.js';

let fake: FakeDiscord;
let test: TestCore;
let output: string[];
let errors: string[];

const io = {
  print: (line: string) => output.push(line),
  printError: (line: string) => errors.push(line),
};

function config(overrides: Record<string, string> = {}): Config {
  return loadConfig({ DISCORD_TOKEN: 'test-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl, ...overrides });
}

const putRequests = () => fake.requests.filter((request) => request.method === 'PUT');

beforeAll(async () => {
  fake = await FakeDiscord.start();
  test = await createTestCore();
});

beforeEach(() => {
  output = [];
  errors = [];
  fake.requests.length = 0;
  fake.commands.clear();
});

afterAll(async () => {
  await fake?.stop();
  await test?.close();
});

describe('discord:register', () => {
  it('registers every command in a guild', async () => {
    const code = await runRegister(['--guild', GUILD_ID], config(), io);

    expect(code).toBe(0);
    const [put] = putRequests();
    expect(put?.path).toBe(`/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`);
    expect(put?.authorization).toBe('Bot test-token');
    expect(put?.body).toEqual(toDiscordCommands(test.core.commands));
    expect(output.join('\n')).toContain(`added:     ${test.core.commands.map((command) => `/${command.name}`).join(', ')}`);
  });

  it('sends names, localizations, options and autocomplete flags', async () => {
    await runRegister(['--guild', GUILD_ID], config(), io);

    const body = putRequests()[0]?.body as DiscordCommand[];
    const definition = test.core.command('cmd')!;
    const cmd = body.find((command) => command.name === 'cmd')!;
    expect(cmd.name_localizations).toEqual({ ja: definition.nameJa });
    expect(cmd.description).toBe(definition.description.en);
    expect(cmd.description_localizations).toEqual({ ja: definition.description.ja });
    expect(cmd.options).toContainEqual(expect.objectContaining({ name: 'query', type: ApplicationCommandOptionType.String, autocomplete: true }));
    expect(cmd.options).toContainEqual(expect.objectContaining({ name: 'private', type: ApplicationCommandOptionType.Boolean }));
    const help = body.find((command) => command.name === 'help')!;
    expect(help.options?.some((option) => 'autocomplete' in option && option.autocomplete)).toBe(false);
  });

  it('registers globally without --guild', async () => {
    await runRegister([], config(), io);

    expect(putRequests()[0]?.path).toBe(`/applications/${APPLICATION_ID}/commands`);
    expect(fake.commands.get('global')).toHaveLength(test.core.commands.length);
  });

  it('asks for localizations when reading the current commands', async () => {
    await runRegister(['--guild', GUILD_ID], config(), io);

    const get = fake.requests.find((request) => request.method === 'GET');
    expect(get?.query.get('with_localizations')).toBe('true');
  });

  it('reports added, updated and removed commands', async () => {
    const current = toDiscordCommands(test.core.commands).filter((command) => command.name !== 'topics');
    const cmd = current.find((command) => command.name === 'cmd')!;
    cmd.description = 'An old description';
    const legacy = { type: 1, name: 'legacy', description: 'Gone' };
    fake.commands.set('global', [...current, legacy].map((command) => ({ ...command })));

    await runRegister([], config(), io);

    const text = output.join('\n');
    expect(text).toContain('added:     /topics');
    expect(text).toContain('updated:   /cmd');
    expect(text).toContain('removed:   /legacy');
    expect(putRequests()).toHaveLength(1);
  });

  it('sends nothing when nothing changed', async () => {
    await runRegister(['--guild', GUILD_ID], config(), io);
    output = [];
    await runRegister(['--guild', GUILD_ID], config(), io);

    expect(putRequests()).toHaveLength(1);
    expect(output.join('\n')).toMatch(/^No changes/);
  });

  it('changes nothing in a dry run', async () => {
    await runRegister(['--guild', GUILD_ID, '--dry-run'], config(), io);

    expect(putRequests()).toHaveLength(0);
    expect(output.join('\n')).toContain('dry run');
  });

  it('names a missing application id', async () => {
    const code = await runRegister([], config({ DISCORD_APPLICATION_ID: '' }), io);

    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('DISCORD_APPLICATION_ID');
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a guild that is not an id', async () => {
    const code = await runRegister(['--guild', 'my-server'], config(), io);

    expect(code).toBe(2);
    expect(errors.join('\n')).toContain('--guild');
  });
});

describe('command diff', () => {
  it('ignores fields Discord adds', () => {
    const desired = toDiscordCommands(test.core.commands);
    const stored = desired.map((command) => ({ ...command, id: '1', version: '2', application_id: APPLICATION_ID, default_member_permissions: null, nsfw: false }));

    expect(diffCommands(stored, desired).unchanged).toHaveLength(desired.length);
  });
});
