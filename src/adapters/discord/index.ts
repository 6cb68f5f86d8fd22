import type { GatewayIntentBits } from 'discord.js';
import type { Config } from '../../config.js';
import type { AdapterHandle, AdapterOptions } from '../../core/adapter.js';
import { connectDiscord } from './client.js';

export { connectDiscord, DEFAULT_INTENTS, type DiscordConnectionOptions, type DiscordHandle } from './client.js';

/** Connects to Discord with the settings from config.ts and responds to slash commands until stopped. */
export async function startDiscord(
  options: AdapterOptions & { config: NonNullable<Config['discord']>; intents?: readonly GatewayIntentBits[] },
): Promise<AdapterHandle> {
  const { core, logger, config, intents } = options;
  return connectDiscord({ core, logger, token: config.token, apiUrl: config.apiUrl, ...(intents ? { intents } : {}) });
}
