import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SentCallback, SentMessage } from './limits.js';
import { APPLICATION_ID, BOT_USER_ID, GUILD_ID, slashCommand, snowflake } from './payloads.js';

// A fake Discord on 127.0.0.1: the REST routes the bot uses and a gateway on the same port. The real
// discord.js Client connects to it through `rest: { api }`, reads the gateway address from
// GET /gateway/bot, identifies, and then receives the INTERACTION_CREATE dispatches a test sends.
// Run it alone with `npx tsx test/adapters/discord/fake-discord.ts [PORT]` to try the bot by hand.

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, percent-decoded, such as /interactions/1/abc/callback. */
  path: string;
  query: URLSearchParams;
  authorization?: string;
  /** The JSON body, parsed; tests cast it to the shape they expect, such as SentMessage. */
  body: unknown;
}

/** The parts of an IDENTIFY payload the tests check. */
export interface Identify {
  token: string;
  intents: number;
}

export interface FakeDiscordOptions {
  port?: number;
  /** Guilds the bot is in, each announced by a GUILD_CREATE after READY. */
  guilds?: { id: string; name: string }[];
  /** When set, REST calls with another bot token get 401, as Discord responds to a wrong token. */
  token?: string;
  /**
   * Privileged intents switched on in the "Developer Portal", as a bit field; every one by default.
   * An IDENTIFY that requests another privileged intent is closed with 4014, as Discord does.
   */
  privilegedIntents?: number;
}

/** A member as GUILD_MEMBER_ADD carries it. */
export interface FakeMember {
  id: string;
  username: string;
  globalName?: string;
  nick?: string;
  bot?: boolean;
}

interface ErrorAnswer {
  status: number;
  body: { code: number; message: string };
}

const GATEWAY_HELLO_INTERVAL_MS = 41_250;

/** Intent bits that Discord treats as privileged: GuildMembers, GuildPresences and MessageContent. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const GUILD_MEMBERS_INTENT = 1 << 1;

function messageObject(body: SentMessage | undefined, channelId = '300000000000000001'): Record<string, unknown> {
  return {
    id: snowflake(),
    type: 20,
    channel_id: channelId,
    author: { id: BOT_USER_ID, username: 'shiori', discriminator: '0', avatar: null, bot: true },
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body?.flags ?? 0,
    webhook_id: APPLICATION_ID,
    application_id: APPLICATION_ID,
  };
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY payloads received, for checking the token and intents. */
  readonly identifies: Identify[] = [];
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  /** Errors to return for an interaction's callback, by interaction id. */
  readonly callbackErrors = new Map<string, ErrorAnswer>();
  /** Users who do not accept direct messages: a message to their DM channel gets error 50007. */
  readonly closedDirectMessages = new Set<string>();

  private readonly sockets = new Set<WebSocket>();
  /** Intents each connection identified with. */
  private readonly socketIntents = new Map<WebSocket, number>();
  /** DM channel id per recipient, so opening a DM twice returns the same channel, as Discord does. */
  private readonly directChannels = new Map<string, string>();
  private readonly waiters = new Set<() => void>();
  private sequence = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly gateway: WebSocketServer,
    private readonly guilds: { id: string; name: string }[],
    private readonly token: string | undefined,
    private readonly privilegedIntents: number,
  ) {}

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = http.createServer();
    const gateway = new WebSocketServer({ server });
    const fake = new FakeDiscord(server, gateway, options.guilds ?? [{ id: GUILD_ID, name: 'Study group' }], options.token, options.privilegedIntents ?? PRIVILEGED_INTENTS);
    server.on('request', (request, response) => void fake.onRequest(request, response));
    gateway.on('connection', (socket) => fake.onConnection(socket));
    server.listen(options.port ?? 0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The REST base to give the bot as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Sends an INTERACTION_CREATE dispatch to every connected bot. */
  sendInteraction(payload: unknown): void {
    for (const socket of this.sockets) this.dispatch(socket, 'INTERACTION_CREATE', payload);
  }

  /**
   * Sends a GUILD_MEMBER_ADD dispatch, as Discord does when someone joins a guild. Like Discord, it goes
   * only to connections that identified with the GuildMembers intent; returns how many got it.
   */
  sendMemberAdd(member: FakeMember, guildId = GUILD_ID): number {
    const data = {
      guild_id: guildId,
      user: { id: member.id, username: member.username, global_name: member.globalName ?? null, discriminator: '0', avatar: null, bot: member.bot ?? false },
      nick: member.nick ?? null,
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    };
    let sent = 0;
    for (const socket of this.sockets) {
      if (((this.socketIntents.get(socket) ?? 0) & GUILD_MEMBERS_INTENT) === 0) continue;
      this.dispatch(socket, 'GUILD_MEMBER_ADD', data);
      sent++;
    }
    return sent;
  }

  /** Returns the id of the DM channel opened with `userId`, or undefined before the bot opened one. */
  directChannelOf(userId: string): string | undefined {
    return this.directChannels.get(userId);
  }

  /** Resolves with the first recorded request that matches, waiting for it up to `timeoutMs`. */
  async waitForRequest(matches: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(matches), timeoutMs, 'request');
  }

  /** Resolves with the message body of the first matching request, such as an edit or a follow-up. */
  async waitForMessage(matches: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<SentMessage> {
    return (await this.waitForRequest(matches, timeoutMs)).body as SentMessage;
  }

  /** Resolves with the body of the callback (the first response) of an interaction. */
  async callbackOf(interactionId: string, timeoutMs = 5_000): Promise<SentCallback> {
    const request = await this.waitForRequest((candidate) => candidate.path.startsWith(`/interactions/${interactionId}/`), timeoutMs);
    return request.body as SentCallback;
  }

  /** Resolves with a value once `find` returns one, checking after every request, IDENTIFY and close. */
  async waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return found;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = (): void => {
        const value = find();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      this.waiters.add(check);
    });
  }

  /** Closes every gateway connection with `code`, as Discord does before a bot resumes or reconnects. */
  dropConnections(code: number): void {
    for (const socket of this.sockets) socket.close(code, 'fake Discord dropped the connection');
  }

  /** Number of open gateway connections. */
  get connections(): number {
    return this.sockets.size;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private dispatch(socket: WebSocket, event: string, data: unknown): void {
    socket.send(JSON.stringify({ op: 0, t: event, s: ++this.sequence, d: data }));
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.socketIntents.delete(socket);
      this.notify();
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: GATEWAY_HELLO_INTERVAL_MS } }));
    socket.on('message', (raw) => this.onGatewayMessage(socket, JSON.parse(raw.toString())));
  }

  private onGatewayMessage(socket: WebSocket, message: { op: number; d: unknown }): void {
    if (message.op === 1) socket.send(JSON.stringify({ op: 11 }));
    if (message.op === 6) this.dispatch(socket, 'RESUMED', {});
    if (message.op !== 2) return;

    const identify = message.d as Identify;
    this.identifies.push(identify);
    if ((identify.intents & PRIVILEGED_INTENTS & ~this.privilegedIntents) !== 0) {
      socket.close(4014, 'Disallowed intent(s).');
      this.notify();
      return;
    }
    this.socketIntents.set(socket, identify.intents);
    this.dispatch(socket, 'READY', {
      v: 10,
      user: { id: BOT_USER_ID, username: 'shiori', discriminator: '0', avatar: null, bot: true },
      guilds: this.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      application: { id: APPLICATION_ID, flags: 0 },
      shard: [0, 1],
    });
    for (const guild of this.guilds) this.dispatch(socket, 'GUILD_CREATE', guildCreate(guild));
    this.notify();
  }

  private async onRequest(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body?: unknown): void => {
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };

    if (url.pathname.startsWith('/fake/')) return this.control(url, send);

    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path, query: url.searchParams, authorization: request.headers.authorization, body };
    this.requests.push(recorded);
    this.route(recorded, send);
    this.notify();
  }

  private route(request: RecordedRequest, send: (status: number, body?: unknown) => void): void {
    const { method, path } = request;
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (method === 'POST' && callback) {
      const failure = this.callbackErrors.get(callback[1] ?? '');
      return failure ? send(failure.status, failure.body) : send(204);
    }
    if (/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      if (method === 'PATCH') return send(200, messageObject(request.body as SentMessage));
      if (method === 'DELETE') return send(204);
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return send(200, messageObject(request.body as SentMessage));

    const authorized = this.token === undefined ? request.authorization?.startsWith('Bot ') : request.authorization === `Bot ${this.token}`;
    if (!authorized) return send(401, { code: 0, message: '401: Unauthorized' });
    if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      return send(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }

    const channelMessage = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
    if (channelMessage && method === 'POST' && channelMessage[2] === undefined) {
      const recipient = [...this.directChannels].find(([, channelId]) => channelId === channelMessage[1])?.[0];
      if (recipient && this.closedDirectMessages.has(recipient)) return send(403, { code: 50007, message: 'Cannot send messages to this user' });
      return send(200, messageObject(request.body as SentMessage, channelMessage[1]));
    }
    if (channelMessage && method === 'PATCH' && channelMessage[2] !== undefined) {
      return send(200, { ...messageObject(request.body as SentMessage, channelMessage[1]), id: channelMessage[2], edited_timestamp: new Date().toISOString() });
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String((request.body as { recipient_id?: string }).recipient_id ?? '');
      const id = this.directChannels.get(recipient) ?? snowflake();
      this.directChannels.set(recipient, id);
      return send(200, { id, type: 1, last_message_id: null, recipients: [{ id: recipient, username: 'member', discriminator: '0', avatar: null }] });
    }

    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commands) {
      const scope = commands[2] ?? 'global';
      if (method === 'GET') return send(200, this.commands.get(scope) ?? []);
      if (method === 'PUT') {
        const stored = (request.body as Record<string, unknown>[]).map((command) => ({ id: snowflake(), application_id: commands[1], version: snowflake(), ...command }));
        this.commands.set(scope, stored);
        return send(200, stored);
      }
    }
    send(404, { code: 0, message: '404: Not Found' });
  }

  /** Routes for a person driving the fake by hand: /fake/command?name=cmd&query=docker%20commit&locale=ja. */
  private async control(url: URL, send: (status: number, body?: unknown) => void): Promise<void> {
    if (url.pathname === '/fake/requests') return send(200, this.requests);
    if (url.pathname !== '/fake/command') return send(404, { error: 'use /fake/command?name=cmd&query=... or /fake/requests' });
    if (this.sockets.size === 0) return send(409, { error: 'no bot is connected to the gateway yet' });

    const options = Object.fromEntries([...url.searchParams].filter(([key]) => key !== 'name' && key !== 'locale'));
    const interaction = slashCommand(url.searchParams.get('name') ?? 'help', options, { locale: url.searchParams.get('locale') ?? 'ja' });
    this.sendInteraction(interaction);
    try {
      const callback = await this.callbackOf(interaction.id, 10_000);
      const edit = callback?.type === 5 ? await this.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(interaction.token), 20_000) : undefined;
      send(200, { callback, edit: edit?.body });
    } catch (error) {
      send(504, { error: (error as Error).message });
    }
  }
}

function guildCreate(guild: { id: string; name: string }): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '400000000000000009',
    unavailable: false,
    member_count: 2,
    large: false,
    features: [],
    roles: [],
    emojis: [],
    stickers: [],
    channels: [{ id: '300000000000000001', type: 0, name: 'study', guild_id: guild.id, position: 0, permission_overwrites: [] }],
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    joined_at: new Date().toISOString(),
    preferred_locale: 'ja',
  };
}

async function runStandalone(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
  const fake = await FakeDiscord.start({ port });
  const base = `http://127.0.0.1:${fake.port}`;
  process.stdout.write(
    [
      `fake Discord listening on ${base} (port ${fake.port})`,
      `start the bot:   DISCORD_TOKEN=x DISCORD_API_URL=${fake.apiUrl} npm start`,
      `send a command:  curl -s '${base}/fake/command?name=cmd&query=docker%20commit&locale=ja'`,
      `see requests:    curl -s ${base}/fake/requests`,
      '',
    ].join('\n'),
  );
  const stop = (): void => void fake.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runStandalone();
