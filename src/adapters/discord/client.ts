import { Client, Events, GatewayCloseCodes, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { AdapterHandle, Publisher } from '../../core/adapter.js';
import type { CoreContext } from '../../core/definition.js';
import type { Logger } from '../../log.js';
import { createInteractionHandler, type DiscordCore } from './interactions.js';
import { handleMemberJoins } from './members.js';
import { DEFER_AFTER_MS, loggableError, NO_MENTIONS } from './platform.js';
import { createPublisher } from './publisher.js';

/** Slash commands need only the Guilds intent. Welcoming members on join adds GuildMembers. */
export const DEFAULT_INTENTS: readonly GatewayIntentBits[] = [GatewayIntentBits.Guilds];

export interface DiscordConnectionOptions {
  core: DiscordCore;
  logger: Logger;
  token: string;
  /** REST base such as https://discord.com/api, from which the client also reads the gateway address. */
  apiUrl: string;
  intents?: readonly GatewayIntentBits[];
  deferAfterMs?: number;
  /**
   * Core services for the welcome on join. When set, the client also asks for the privileged
   * GuildMembers intent and greets members who join; the guild's `/onboard welcome` setting decides.
   */
  memberEvents?: CoreContext;
}

/** A running Discord connection whose `stop()` destroys the client. */
export interface DiscordHandle extends AdapterHandle {
  client: Client;
  publisher: Publisher;
}

/** Fixes for the gateway close codes that a bot cannot recover from by reconnecting. */
const CLOSE_HINTS: Record<number, string> = {
  [GatewayCloseCodes.AuthenticationFailed]: 'check DISCORD_TOKEN',
  [GatewayCloseCodes.DisallowedIntents]:
    'enable the privileged intents the bot asks for (Server Members Intent for DISCORD_MEMBER_EVENTS=true) under Privileged Gateway Intents on the Bot page of the Discord Developer Portal, or set DISCORD_MEMBER_EVENTS=false',
  [GatewayCloseCodes.InvalidIntents]: 'the intents the bot asks for are not valid',
};

/** Logs connection changes: info for connect, ready and resume, warn for a reconnect, error for failures. */
function logLifecycle(client: Client, logger: Logger, stopping: () => boolean): void {
  client.on(Events.ShardReady, (shard, unavailableGuilds) => logger.info({ shard, unavailable: unavailableGuilds?.size ?? 0 }, 'connected to the gateway'));
  client.on(Events.ClientReady, (ready) => logger.info({ user: ready.user.id, guilds: ready.guilds.cache.size }, 'ready'));
  // discord.js reports a close it recovers from as reconnecting, and one it cannot recover from as a disconnect.
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping()) logger.warn({ shard }, 'gateway connection closed; reconnecting');
  });
  client.on(Events.ShardDisconnect, (event, shard) => {
    logger.error({ shard, code: event.code, hint: CLOSE_HINTS[event.code] }, 'disconnected from the gateway for good');
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway session resumed'));
  client.on(Events.ShardError, (error, shard) => logger.error({ err: loggableError(error), shard }, 'gateway error'));
  client.on(Events.Invalidated, () => logger.error('gateway session invalidated'));
  client.on(Events.Error, (error) => logger.error({ err: loggableError(error) }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'client warning'));
  client.rest.on(RESTEvents.RateLimited, (info) => logger.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter }, 'rate limited'));
}

/**
 * Logs in over the gateway, responds to interactions through the core and resolves once the client
 * is ready. A rejected token or an unreachable API rejects the promise.
 */
export async function connectDiscord(options: DiscordConnectionOptions): Promise<DiscordHandle> {
  const { logger } = options;
  const intents = new Set(options.intents ?? DEFAULT_INTENTS);
  if (options.memberEvents) intents.add(GatewayIntentBits.GuildMembers);
  const client = new Client({
    intents: [...intents],
    rest: { api: options.apiUrl },
    allowedMentions: NO_MENTIONS,
  });
  let stopping = false;
  logLifecycle(client, logger, () => stopping);

  const handle = createInteractionHandler({ core: options.core, logger, deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  const publisher = createPublisher(client.rest, logger);
  if (options.memberEvents) handleMemberJoins(client, { context: options.memberEvents, publisher, logger });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let closeCode: number | undefined;
  client.once(Events.ShardDisconnect, (event) => {
    closeCode = event.code;
  });
  logger.info({ api: options.apiUrl, intents: client.options.intents.bitfield }, 'connecting to Discord');
  try {
    await client.login(options.token);
  } catch (error) {
    await client.destroy();
    // A gateway close during login, such as 4014 for a privileged intent that is switched off, has its own fix.
    const hint = closeCode === undefined ? undefined : CLOSE_HINTS[closeCode];
    if (hint) {
      logger.error({ code: closeCode }, `login failed: ${hint}`);
      throw new Error(`Discord closed the gateway connection with code ${closeCode}: ${hint}`, { cause: error });
    }
    logger.error({ err: loggableError(error), api: options.apiUrl }, 'login failed: check DISCORD_TOKEN and DISCORD_API_URL');
    throw error;
  }
  await ready;

  return {
    client,
    publisher,
    async stop() {
      stopping = true;
      logger.info('disconnecting from Discord');
      await client.destroy();
      logger.info('disconnected from Discord');
    },
  };
}
