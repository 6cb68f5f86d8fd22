import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { createBoltLogger } from './bolt-logger.js';

export type SlackConfig = NonNullable<Config['slack']>;

/**
 * Retries of a failed Web API call: about 15 seconds in all, since a reply that arrives much later
 * no longer helps. The Web API client's default retries for about 30 minutes.
 */
const RETRY_CONFIG: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 8_000, randomize: true };
const REQUEST_TIMEOUT_MS = 10_000;
/** How long stop() waits for Slack to close the Socket Mode connection. */
const CLOSE_TIMEOUT_MS = 5_000;

/** Web API options: every call goes to SLACK_API_URL, even a method given as an absolute URL. */
function webClientOptions(config: SlackConfig): webApi.WebClientOptions {
  return { slackApiUrl: config.apiUrl, allowAbsoluteUrls: false, retryConfig: RETRY_CONFIG, timeout: REQUEST_TIMEOUT_MS };
}

/** Set by stop(); read by the Socket Mode client's retries. */
interface RunState {
  stopping: boolean;
}

/**
 * Web API options of the Socket Mode client, which only calls apps.connections.open. While running,
 * it retries without end (at least every 30 seconds) so the bot reconnects after an outage. After
 * stop() every attempt fails at once and the retries end, so a stopped bot is not kept alive by them.
 */
function socketClientOptions(config: SlackConfig, state: RunState): webApi.WebClientOptions {
  const stopped = (): Error => new Error('the Slack adapter was stopped');
  const retryConfig = {
    forever: true,
    factor: 1.3,
    minTimeout: 1_000,
    maxTimeout: 30_000,
    randomize: true,
    // p-retry, which the Web API client uses, rejects at once when this hook throws.
    onFailedAttempt: () => {
      if (state.stopping) throw stopped();
    },
  };
  return {
    slackApiUrl: config.apiUrl,
    allowAbsoluteUrls: false,
    timeout: REQUEST_TIMEOUT_MS,
    retryConfig: retryConfig as webApi.RetryOptions,
    fetch: (url, init) => (state.stopping ? Promise.reject(stopped()) : fetch(url, init)),
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error && 'data' in error) {
    const data = (error as { data?: { error?: string } }).data;
    if (data?.error) return data.error;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Fields of Bolt's extended error handler arguments that the log uses. */
interface ListenerFailure {
  error: Error & { code?: string };
  context: { teamId?: string; userId?: string };
  body: unknown;
}

interface Identity {
  teamId: string;
  botId: string;
  botUserId: string;
}

/** Calls auth.test once, so a bad token stops start-up with a clear message and Bolt need not call it. */
async function verifyBotToken(config: SlackConfig, boltLogger: BoltLogger): Promise<Identity> {
  const client = new webApi.WebClient(config.botToken, { ...webClientOptions(config), logger: boltLogger });
  try {
    const result = await client.auth.test();
    if (!result.user_id || !result.bot_id) throw new Error('auth.test returned no bot user; SLACK_BOT_TOKEN must be a bot token (xoxb-...)');
    return { teamId: result.team_id ?? '', botId: result.bot_id, botUserId: result.user_id };
  } catch (error) {
    throw new Error(
      `Slack auth.test failed (${describeError(error)}): check SLACK_BOT_TOKEN (the xoxb- token from OAuth & Permissions) and SLACK_API_URL`,
      { cause: error },
    );
  }
}

/** A Bolt app connected through Socket Mode or listening for HTTP requests, with its lifecycle logged. */
export class SlackConnection {
  /** Address of the HTTP receiver; undefined in Socket Mode. */
  address?: { host: string; port: number };

  private constructor(
    readonly app: App,
    readonly mode: 'socket' | 'http',
    readonly identity: Identity,
    private readonly config: SlackConfig,
    private readonly logger: Logger,
    private readonly state: RunState,
    private readonly socket?: SocketModeReceiver,
  ) {}

  /** Verifies the bot token and builds the app; listeners are added before start(). */
  static async create(config: SlackConfig, logger: Logger): Promise<SlackConnection> {
    const boltLogger = createBoltLogger(logger.child({ component: 'bolt' }));
    const mode = config.appToken ? 'socket' : 'http';
    if (mode === 'http' && !config.signingSecret) {
      throw new Error('SLACK_SIGNING_SECRET is missing: HTTP mode needs the signing secret from the Slack app\'s Basic Information page');
    }

    const identity = await verifyBotToken(config, boltLogger);
    const state: RunState = { stopping: false };
    const socket = config.appToken
      ? new SocketModeReceiver({ appToken: config.appToken, logger: boltLogger, installerOptions: { clientOptions: socketClientOptions(config, state) } })
      : undefined;
    const receiver = socket ?? new HTTPReceiver({ signingSecret: config.signingSecret ?? '', logger: boltLogger, port: config.port });

    const app = new App({
      receiver,
      token: config.botToken,
      botId: identity.botId,
      botUserId: identity.botUserId,
      logger: boltLogger,
      clientOptions: webClientOptions(config),
      extendedErrorHandler: true,
    });

    const connection = new SlackConnection(app, mode, identity, config, logger, state, socket);
    connection.watch();
    return connection;
  }

  private watch(): void {
    const team = this.identity.teamId;
    this.app.error(async ({ error, context, body }: ListenerFailure) => {
      const source = (body ?? {}) as { channel?: { id?: string }; channel_id?: string; event?: { channel?: string } };
      const channel = source.channel?.id ?? source.channel_id ?? source.event?.channel;
      this.logger.error({ err: error, code: error.code, team: context.teamId ?? team, channel, user: context.userId }, 'Slack listener failed');
    });

    const client = this.socket?.client;
    if (!client) return;
    client.on('connected', () => this.logger.info({ mode: this.mode, team, botUser: this.identity.botUserId }, 'connected to Slack'));
    // Without stop(), a closed connection is reopened: 'close' comes first, 'reconnecting' when it retries.
    client.on('close', () => {
      if (!this.state.stopping) this.logger.warn({ mode: this.mode, team }, 'Slack connection closed; reconnecting');
    });
    client.on('reconnecting', () => this.logger.warn({ mode: this.mode, team }, 'reconnecting to Slack'));
    client.on('disconnected', (error?: unknown) => {
      if (this.state.stopping) this.logger.info({ mode: this.mode, team }, 'disconnected from Slack');
      else this.logger.warn({ err: error, mode: this.mode, team }, 'disconnected from Slack');
    });
    client.on('error', (error: unknown) => this.logger.error({ err: error, mode: this.mode, team }, 'Socket Mode connection error'));
  }

  /**
   * Connects (Socket Mode) or starts listening (HTTP mode). In Socket Mode a network failure is retried
   * until it succeeds, while a rejected app token fails at once.
   */
  async start(): Promise<void> {
    if (this.mode === 'socket') {
      try {
        await this.app.start();
      } catch (error) {
        throw new Error(
          `Slack Socket Mode failed to connect (${describeError(error)}): check SLACK_APP_TOKEN (an xapp- token with connections:write from Basic Information)`,
          { cause: error },
        );
      }
      return;
    }

    const { host, port } = this.config;
    const server = await this.app.start({ port, host }).catch((error: unknown) => {
      throw new Error(`could not listen for Slack requests on ${host}:${port} (${describeError(error)}): check SLACK_HOST and SLACK_PORT`, { cause: error });
    });
    const address = server.address() as AddressInfo | null;
    this.address = { host: this.config.host, port: address?.port ?? this.config.port };
    this.logger.info({ mode: this.mode, team: this.identity.teamId, host: this.address.host, port: this.address.port }, 'listening for Slack requests');
  }

  /** Stops receiving; in Socket Mode it waits (at most CLOSE_TIMEOUT_MS) until the connection has closed. */
  async stop(): Promise<void> {
    this.state.stopping = true;
    const client = this.socket?.client;
    if (!client) {
      await this.app.stop();
      this.logger.info({ mode: this.mode, team: this.identity.teamId }, 'stopped listening for Slack requests');
      return;
    }

    let timer: NodeJS.Timeout | undefined;
    const closed = new Promise<void>((resolve) => {
      client.once('disconnected', () => resolve());
      timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
    });
    await this.app.stop();
    await closed;
    clearTimeout(timer);
  }
}
