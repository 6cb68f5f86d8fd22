import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_EVENTS, BOT_SCOPES, MANIFEST_FILE, buildManifest, manifestYaml, registeredCommands } from '../../../src/adapters/slack/manifest.js';

interface SlashCommand {
  command: string;
  description: string;
  usage_hint: string;
  url?: string;
  should_escape: boolean;
}

interface Manifest {
  display_information: { name: string; description: string };
  features: { app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean }; slash_commands: SlashCommand[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

describe('slack manifest', () => {
  it('matches the command definitions', async () => {
    const generated = manifestYaml(await registeredCommands());
    expect(readFileSync(MANIFEST_FILE, 'utf8'), 'slack/manifest.yaml is stale: run npm run slack:manifest').toBe(generated);
  });

  it('lists every command with a short Japanese-first description', async () => {
    const commands = await registeredCommands();
    const manifest = buildManifest(commands) as unknown as Manifest;
    const slash = manifest.features.slash_commands;

    expect(slash.map((command) => command.command)).toEqual(commands.map((command) => `/${command.name}`));
    expect(slash.map((command) => command.command)).toEqual(expect.arrayContaining(['/cmd', '/concept', '/search', '/topics', '/help', '/shiori']));
    for (const [index, command] of slash.entries()) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.description.startsWith(commands[index]?.description.ja ?? '?')).toBe(true);
      expect(command.usage_hint.length).toBeLessThanOrEqual(100);
      expect(command.should_escape).toBe(false);
      expect(command.url).toBeUndefined();
    }
    expect(manifest.display_information.name).toBe('Shiori');
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it('asks for the scopes and events the bot uses', async () => {
    const manifest = buildManifest(await registeredCommands()) as unknown as Manifest;
    expect(manifest.oauth_config.scopes.bot).toEqual(BOT_SCOPES);
    expect(BOT_SCOPES).toEqual(['commands', 'app_mentions:read', 'chat:write', 'im:history', 'im:read', 'im:write', 'users:read', 'channels:read']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(BOT_EVENTS);
    expect(BOT_EVENTS).toEqual(['app_mention', 'message.im', 'app_home_opened', 'team_join']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('sets request URLs for HTTP mode', async () => {
    const url = 'https://bot.example.com/slack/events';
    const manifest = parse(manifestYaml(await registeredCommands(), { requestUrl: url })) as Manifest;
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity.request_url).toBe(url);
    expect(manifest.features.slash_commands.every((command) => command.url === url)).toBe(true);
  });
});
