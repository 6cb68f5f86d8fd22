import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { Core, PRIVATE_OPTION } from '../../core/core.js';
import type { CommandDefinition, OptionDefinition } from '../../core/definition.js';
import { KnowledgeBase } from '../../knowledge/index.js';
import { silentLogger } from '../../log.js';
import { Store } from '../../store/index.js';
import { UMBRELLA_COMMAND } from './parse.js';

// Generates the Slack app manifest from the core's command definitions, so the slash commands that
// Slack offers always match the commands the bot handles. Run: npm run slack:manifest
// (tsx src/adapters/slack/manifest.ts [--request-url https://HOST/slack/events] [--out FILE]).

export const MANIFEST_FILE = 'slack/manifest.yaml';

/** Bot scopes: slash commands, mentions, replies, direct messages, admin checks and channel names. */
export const BOT_SCOPES = ['commands', 'app_mentions:read', 'chat:write', 'im:history', 'im:read', 'im:write', 'users:read', 'channels:read'];

export const BOT_EVENTS = ['app_mention', 'message.im', 'app_home_opened', 'team_join'];

/** Slack's limit for a slash command's description in the manifest is longer; ours stay within 100. */
const MAX_DESCRIPTION = 100;
const MAX_USAGE_HINT = 100;

export interface ManifestOptions {
  /** HTTP mode: the public URL of /slack/events. Without it the manifest selects Socket Mode. */
  requestUrl?: string;
}

/** Describes a command in Japanese first, with the English text when both fit in 100 characters. */
function describe(command: CommandDefinition): string {
  const both = `${command.description.ja} / ${command.description.en}`;
  return both.length <= MAX_DESCRIPTION ? both : command.description.ja.slice(0, MAX_DESCRIPTION);
}

function optionHint(option: OptionDefinition, free: boolean): string {
  const choices = option.choices?.map((choice) => choice.value).join('|');
  if (free) {
    const name = choices ?? option.nameJa ?? option.name;
    return option.required ? `<${name}>` : `[${name}]`;
  }
  if (option.type === 'boolean') return `[${option.name}:true]`;
  return `[${option.name}:${choices ?? (option.type === 'integer' ? '0' : '…')}]`;
}

function optionsHint(options: readonly OptionDefinition[]): string {
  const free = options.find((option) => option.type === 'string');
  return options
    .filter((option) => option.name !== PRIVATE_OPTION.name)
    .map((option) => optionHint(option, option === free))
    .join(' ');
}

/** Builds the usage hint Slack shows after the command name, such as `[検索語] [private:true]`. */
function usageHint(command: CommandDefinition): string {
  const subcommands = command.subcommands ?? [];
  const parts =
    subcommands.length > 0
      ? subcommands.map((subcommand) => `${subcommand.name} ${optionsHint(subcommand.options)}`.trim())
      : [optionsHint(command.options), `[${PRIVATE_OPTION.name}:true]`].filter((part) => part !== '');
  if (command.name === UMBRELLA_COMMAND) parts.push('<command> …');
  const separator = subcommands.length > 0 ? ' | ' : ' ';
  const full = parts.join(separator);
  if (full.length <= MAX_USAGE_HINT) return full;

  // Too long with every option: the subcommand names alone still show what the command does.
  const names = subcommands.map((subcommand) => subcommand.name).join(separator);
  return names.length <= MAX_USAGE_HINT ? names : `${names.slice(0, MAX_USAGE_HINT - 1)}…`;
}

/** Builds the manifest object of the Shiori Slack app for `commands`. */
export function buildManifest(commands: readonly CommandDefinition[], options: ManifestOptions = {}): Record<string, unknown> {
  const url = options.requestUrl;
  const slashCommands = commands.map((command) => ({
    command: `/${command.name}`,
    ...(url ? { url } : {}),
    description: describe(command),
    usage_hint: usageHint(command),
    // Unescaped names: the bot reads mentions as plain text, so Slack need not rewrite them.
    should_escape: false,
  }));

  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Shiori',
      description: 'Linux インフラ（Docker・仮想化・virsh・ブート・systemd）の学習ボット / A study bot for Linux infrastructure',
      background_color: '#2f4858',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'Shiori', always_online: true },
      slash_commands: slashCommands,
    },
    oauth_config: { scopes: { bot: BOT_SCOPES } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: BOT_EVENTS },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: url === undefined,
      token_rotation_enabled: false,
    },
  };
}

/** Renders the manifest as YAML with a header that names its generator. */
export function manifestYaml(commands: readonly CommandDefinition[], options: ManifestOptions = {}): string {
  const header = '# Generated by `npm run slack:manifest` from the command definitions; edit those, not this file.\n';
  return header + stringify(buildManifest(commands, options), { lineWidth: 0 });
}

/** Returns the commands the bot registers, built the way main.ts builds its core. */
export async function registeredCommands(): Promise<readonly CommandDefinition[]> {
  const store = await Store.open(':memory:');
  try {
    return new Core({ knowledge: new KnowledgeBase([]), logger: silentLogger(), store, now: () => new Date() }).commands;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'request-url': { type: 'string' }, out: { type: 'string', default: MANIFEST_FILE } } });
  const requestUrl = values['request-url'];
  if (requestUrl !== undefined && !/^https:\/\/\S+$/.test(requestUrl)) {
    throw new Error(`--request-url must be an https URL such as https://bot.example.com/slack/events, not "${requestUrl}"`);
  }

  const yaml = manifestYaml(await registeredCommands(), { requestUrl });
  if (values.out === '-') process.stdout.write(yaml);
  else {
    writeFileSync(values.out, yaml);
    process.stderr.write(`wrote ${values.out}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
