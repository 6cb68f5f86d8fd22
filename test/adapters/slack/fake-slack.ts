import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocketServer, type WebSocket } from 'ws';

// A fake Slack on 127.0.0.1: the Web API methods the bot calls (POST /api/<method>), response_url
// targets (POST /respond/<id>) and a Socket Mode WebSocket (/link/). It records every call so tests
// can await and inspect them. Run it alone with `npx tsx test/adapters/slack/fake-slack.ts --port 4000`
// to watch what a bot started against it sends.

/** A recorded Web API call; `blocks` and `view` arrive as JSON strings inside the form and are parsed. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
}

/** A message posted to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
}

const DEFAULT_WAIT_MS = 5_000;
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata'];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(contentType: string | undefined, text: string): Record<string, unknown> {
  if (contentType?.includes('application/json')) return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);

  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) params[key] = JSON_FIELDS.includes(key) ? JSON.parse(value) : value;
  return params;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export class FakeSlack extends EventEmitter {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** User ids that users.info reports as workspace admins. */
  readonly admins = new Set<string>();
  /** Display and full names that users.info reports, by user id; without one it reports only the handle. */
  readonly profiles = new Map<string, { displayName?: string; realName?: string }>();
  /** User ids for which users.info fails with `user_not_found`. */
  readonly unknownUsers = new Set<string>();
  readonly identity: FakeIdentity = { teamId: 'T0FAKE', botUserId: 'UBOT', botId: 'BBOT' };
  /** When set, auth.test fails with this Slack error code, such as `invalid_auth`. */
  authError?: string;
  /** When set, apps.connections.open fails with this Slack error code. */
  connectionError?: string;
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (payload: unknown) => void>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    private readonly webSocketServer: WebSocketServer,
    readonly url: string,
  ) {
    super();
  }

  /** Starts the fake on 127.0.0.1; port 0 picks a free port. */
  static async start(port = 0): Promise<FakeSlack> {
    const server = createServer();
    const webSockets = new WebSocketServer({ server, path: '/link/' });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address() as AddressInfo;
    const fake = new FakeSlack(server, webSockets, `http://127.0.0.1:${address.port}`);
    server.on('request', (request, response) => void fake.route(request, response));
    webSockets.on('connection', (socket) => fake.accept(socket));
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  private nextTs(): string {
    this.sequence += 1;
    return `1700000000.${String(this.sequence).padStart(6, '0')}`;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const path = new URL(request.url ?? '/', this.url).pathname;
    const params = parseParams(request.headers['content-type'], text);

    if (path.startsWith('/respond/')) {
      const post = { id: path.slice('/respond/'.length), body: params };
      this.responses.push(post);
      this.emit('response', post);
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
      return;
    }

    if (!path.startsWith('/api/')) {
      sendJson(response, 404, { ok: false, error: 'not_found' });
      return;
    }

    const call: ApiCall = { method: path.slice('/api/'.length), params };
    if (request.headers.authorization) call.authorization = request.headers.authorization;
    this.calls.push(call);
    this.emit('call', call);
    sendJson(response, 200, this.answer(call));
  }

  private answer(call: ApiCall): Record<string, unknown> {
    const { teamId, botUserId, botId } = this.identity;
    const params = call.params;
    switch (call.method) {
      case 'auth.test':
        if (this.authError) return { ok: false, error: this.authError };
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'shiori', team_id: teamId, user_id: botUserId, bot_id: botId };
      case 'apps.connections.open':
        if (this.connectionError) return { ok: false, error: this.connectionError };
        return { ok: true, url: `${this.url.replace('http', 'ws')}/link/?ticket=${this.nextTs()}` };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: params.channel, ts, message: { type: 'message', text: params.text, ts, bot_id: botId } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users)}` } };
      case 'users.info': {
        const user = String(params.user);
        if (this.unknownUsers.has(user)) return { ok: false, error: 'user_not_found' };
        const profile = this.profiles.get(user);
        return {
          ok: true,
          user: {
            id: user,
            name: user.toLowerCase(),
            ...(profile?.realName ? { real_name: profile.realName } : {}),
            profile: { display_name: profile?.displayName ?? '' },
            is_admin: this.admins.has(user),
            is_owner: false,
          },
        };
      }
      case 'views.publish':
        return { ok: true, view: { id: `V${this.nextTs()}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** Resolves with the first recorded call (past or future) of `method` that `match` accepts. */
  waitForCall(method: string, match: (call: ApiCall) => boolean = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<ApiCall> {
    return this.waitFor('call', this.calls, (call) => call.method === method && match(call), `${method} call`, timeoutMs);
  }

  /** Resolves with the first message posted to the response_url `id`. */
  waitForResponse(id: string, timeoutMs = DEFAULT_WAIT_MS): Promise<ResponsePost> {
    return this.waitFor('response', this.responses, (post) => post.id === id, `response to ${id}`, timeoutMs);
  }

  private waitFor<T>(event: string, recorded: readonly T[], match: (item: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    const found = recorded.find(match);
    if (found !== undefined) return Promise.resolve(found);

    return new Promise<T>((resolve, reject) => {
      const listener = (item: T): void => {
        if (!match(item)) return;
        clearTimeout(timer);
        this.off(event, listener);
        resolve(item);
      };
      const timer = setTimeout(() => {
        this.off(event, listener);
        reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on(event, listener);
    });
  }

  // --- Socket Mode ---

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      const resolve = message.envelope_id ? this.pendingAcks.get(message.envelope_id) : undefined;
      if (message.envelope_id && resolve) {
        this.pendingAcks.delete(message.envelope_id);
        resolve(message.payload);
      }
    });
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.emit('socket-closed');
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' }, debug_info: { host: 'fake' } }));
    this.emit('socket-opened');
  }

  /** Sends a Socket Mode envelope to every connected client and resolves with the ack's payload. */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>, timeoutMs = DEFAULT_WAIT_MS): Promise<unknown> {
    if (this.sockets.size === 0) return Promise.reject(new Error('fake Slack: no Socket Mode client is connected'));

    const envelopeId = `envelope-${this.nextTs()}`;
    const acked = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`fake Slack: envelope ${envelopeId} was not acknowledged within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    const envelope = { envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' };
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
    return acked;
  }

  /** Asks every Socket Mode client to reconnect, as Slack does before it recycles a connection. */
  requestReconnect(): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  /** Resolves once no Socket Mode client is connected, after the client closed its side. */
  async waitForSocketsClosed(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    if (this.sockets.size === 0) return;
    await this.waitFor('socket-closed', [], () => this.sockets.size === 0, 'Socket Mode close', timeoutMs);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.webSocketServer.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function runStandalone(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4000' } } });
  const fake = await FakeSlack.start(Number(values.port));
  const print = (label: string, value: unknown): void => {
    process.stdout.write(`${label} ${JSON.stringify(value, null, 2)}\n`);
  };
  fake.on('call', (call: ApiCall) => print(`[api] ${call.method}`, call.params));
  fake.on('response', (post: ResponsePost) => print(`[response_url ${post.id}]`, post.body));
  process.stdout.write(
    `fake Slack listening on ${fake.url}\n` +
      `  Web API base (SLACK_API_URL): ${fake.apiUrl}\n` +
      `  response_url for a request:   ${fake.responseUrl('demo')}\n`,
  );
  process.once('SIGINT', () => void fake.stop().then(() => process.exit(0)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await runStandalone();
