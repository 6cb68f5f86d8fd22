import type { GatewayIntentBits } from 'discord.js';
import type { Config } from '../../config.js';
import type { AdapterOptions } from '../../core/adapter.js';
import { connectDiscord, type DiscordHandle } from './client.js';

export { connectDiscord, DEFAULT_INTENTS, type DiscordConnectionOptions, type DiscordHandle } from './client.js';

/**
 * Connects to Discord with the settings from config.ts and responds to slash commands until stopped.
 * With DISCORD_MEMBER_EVENTS it also welcomes members who join. The handle's publisher posts the daily quiz.
 */
export async function startDiscord(
  options: AdapterOptions & { config: NonNullable<Config['discord']>; intents?: readonly GatewayIntentBits[] },
): Promise<DiscordHandle> {
  const { core, logger, config, intents } = options;
  return connectDiscord({
    core,
    logger,
    token: config.token,
    apiUrl: config.apiUrl,
    ...(intents ? { intents } : {}),
    ...(config.memberEvents ? { memberEvents: core.context } : {}),
  });
}
