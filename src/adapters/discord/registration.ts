import { REST, Routes, type APIApplicationCommand } from 'discord.js';
import type { Config } from '../../config.js';
import { Core } from '../../core/core.js';
import { KnowledgeBase } from '../../knowledge/index.js';
import { silentLogger } from '../../log.js';
import { Store } from '../../store/index.js';
import { commandLimitProblems, toDiscordCommands, type DiscordCommand } from './commands.js';

// Registers the slash commands with Discord: in one guild, where changes show at once (for
// development), or globally. It compares with the commands already registered and prints what changed.

const USAGE = `Usage: npm run discord:register -- [--guild ID] [--dry-run]

  --guild ID   register in this guild only; changes show at once (use it while developing)
  --dry-run    print what would change without changing anything

Without --guild the commands are registered globally. Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID;
requests go to DISCORD_API_URL.`;

export interface CommandChanges {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

export interface RegisterOptions {
  token: string;
  applicationId: string;
  apiUrl: string;
  /** Guild to register in, or undefined to register globally. */
  guildId?: string;
  dryRun?: boolean;
  commands: DiscordCommand[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Rebuilds a value with object keys sorted and empty values dropped, so equal commands compare equal. */
function canonical(value: unknown): Json | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => canonical(item) ?? null);
  if (typeof value !== 'object') return value as Json;

  const result: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) {
    const inner = canonical((value as Record<string, unknown>)[key]);
    if (inner !== undefined && !(typeof inner === 'object' && !Array.isArray(inner) && inner !== null && Object.keys(inner).length === 0)) result[key] = inner;
  }
  return result;
}

/** Serializes the fields this script sets, ignoring the ids, versions and defaults that Discord adds. */
function comparable(command: Partial<DiscordCommand>): string {
  const { type = 1, name, name_localizations, description, description_localizations, options } = command;
  return JSON.stringify(canonical({ type, name, name_localizations, description, description_localizations, options }));
}

/** Compares the registered commands with the desired ones by name. */
export function diffCommands(current: readonly Partial<APIApplicationCommand>[], desired: readonly DiscordCommand[]): CommandChanges {
  const existing = new Map(current.map((command) => [command.name ?? '', command]));
  const changes: CommandChanges = { added: [], updated: [], removed: [], unchanged: [] };
  for (const command of desired) {
    const before = existing.get(command.name);
    if (!before) changes.added.push(command.name);
    else if (comparable(before as Partial<DiscordCommand>) !== comparable(command)) changes.updated.push(command.name);
    else changes.unchanged.push(command.name);
  }

  const desiredNames = new Set(desired.map((command) => command.name));
  for (const name of existing.keys()) if (!desiredNames.has(name)) changes.removed.push(name);
  return changes;
}

/** Replaces the registered commands with `commands` in one bulk request, unless nothing changed. */
export async function registerCommands(options: RegisterOptions): Promise<CommandChanges> {
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);

  // Without with_localizations Discord leaves the localizations out, and every command would look changed.
  const current = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as APIApplicationCommand[];
  const changes = diffCommands(current, options.commands);
  const changed = changes.added.length + changes.updated.length + changes.removed.length > 0;
  if (changed && !options.dryRun) await rest.put(route, { body: options.commands });
  return changes;
}

/** Builds the slash commands from the core's definitions, which need no knowledge and no database. */
export async function buildCommands(): Promise<DiscordCommand[]> {
  const store = await Store.open(':memory:');
  try {
    const core = new Core({ knowledge: new KnowledgeBase([]), logger: silentLogger(), store, now: () => new Date() });
    return toDiscordCommands(core.commands);
  } finally {
    await store.close();
  }
}

function describeChanges(changes: CommandChanges, scope: string, dryRun: boolean): string[] {
  const list = (names: string[]): string => names.map((name) => `/${name}`).join(', ');
  const lines: string[] = [];
  if (changes.added.length + changes.updated.length + changes.removed.length === 0) {
    lines.push(`No changes: the ${changes.unchanged.length} commands ${scope} are up to date.`);
    return lines;
  }

  lines.push(dryRun ? `Would change the commands ${scope} (dry run):` : `Registered the commands ${scope}:`);
  if (changes.added.length > 0) lines.push(`  added:     ${list(changes.added)}`);
  if (changes.updated.length > 0) lines.push(`  updated:   ${list(changes.updated)}`);
  if (changes.removed.length > 0) lines.push(`  removed:   ${list(changes.removed)}`);
  if (changes.unchanged.length > 0) lines.push(`  unchanged: ${list(changes.unchanged)}`);
  if (!dryRun && !scope.startsWith('in guild')) lines.push('Global commands can take a while to reach every client; use --guild while developing.');
  return lines;
}

interface RegisterArguments {
  guildId?: string;
  dryRun: boolean;
  help: boolean;
}

function parseArguments(argv: readonly string[]): RegisterArguments | string {
  const parsed: RegisterArguments = { dryRun: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] ?? '';
    if (word === '--guild') parsed.guildId = argv[++index];
    else if (word.startsWith('--guild=')) parsed.guildId = word.slice('--guild='.length);
    else if (word === '--dry-run') parsed.dryRun = true;
    else if (word === '--help' || word === '-h') parsed.help = true;
    else return `unknown argument: ${word}`;
  }
  if ('guildId' in parsed && !/^\d{1,20}$/.test(parsed.guildId ?? '')) return `--guild needs a guild id (digits), got "${parsed.guildId ?? ''}"`;
  return parsed;
}

export interface RegisterIo {
  print: (line: string) => void;
  printError: (line: string) => void;
}

/** Runs `npm run discord:register` and returns the exit code. */
export async function runRegister(argv: readonly string[], config: Config, io: RegisterIo): Promise<number> {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string' || parsed.help) {
    if (typeof parsed === 'string') io.printError(parsed);
    io.printError(USAGE);
    return typeof parsed === 'string' ? 2 : 0;
  }
  if (!config.discord) {
    io.printError('DISCORD_TOKEN is missing: set the bot token from the Bot page of your application in the Discord Developer Portal');
    return 1;
  }
  if (!config.discord.applicationId) {
    io.printError('DISCORD_APPLICATION_ID is missing: copy the Application ID from the General Information page in the Discord Developer Portal');
    return 1;
  }

  const commands = await buildCommands();
  const problems = commandLimitProblems(commands);
  if (problems.length > 0) {
    for (const problem of problems) io.printError(problem);
    io.printError('Shorten these command definitions in src/core; nothing was registered.');
    return 1;
  }

  const scope = parsed.guildId ? `in guild ${parsed.guildId}` : 'globally';
  const changes = await registerCommands({
    token: config.discord.token,
    applicationId: config.discord.applicationId,
    apiUrl: config.discord.apiUrl,
    guildId: parsed.guildId,
    dryRun: parsed.dryRun,
    commands,
  });
  for (const line of describeChanges(changes, scope, parsed.dryRun)) io.print(line);
  return 0;
}
