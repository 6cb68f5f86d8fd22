import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startSlack, type SlackConfig, type SlackHandle } from '../../../src/adapters/slack/index.js';
import { Core } from '../../../src/core/core.js';
import { KnowledgeBase, type Entry } from '../../../src/knowledge/index.js';
import { createLogger } from '../../../src/log.js';
import { Store } from '../../../src/store/index.js';
import { shippedKnowledge } from '../../support/core.js';
import { FakeSlack, type ResponsePost } from './fake-slack.js';
import { interactionForm, sendSigned, slashCommandForm, type SignedResponse } from './signing.js';

export const BOT_TOKEN = 'xoxb-test-token-never-logged';
export const APP_TOKEN = 'xapp-test-token-never-logged';
export const SIGNING_SECRET = 'test-signing-secret-never-logged';
/** Listed in SLACK_ADMIN_USERS by every harness. */
export const CONFIGURED_ADMIN = 'U0CONFADMIN';

const DEFAULT_WAIT_MS = 5_000;

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Collects pino's JSON lines so tests can await a log message and check that no secret was logged. */
export class LogCapture extends Writable {
  readonly lines: LogLine[] = [];
  raw = '';
  private readonly waiters = new Set<() => void>();

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    const text = chunk.toString('utf8');
    this.raw += text;
    for (const line of text.split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line) as LogLine);
    for (const waiter of this.waiters) waiter();
    done();
  }

  /** Resolves with the first line whose message is `msg` and that `match` accepts. */
  waitFor(msg: string, match: (line: LogLine) => boolean = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<LogLine> {
    const find = (): LogLine | undefined => this.lines.find((line) => line.msg === msg && match(line));
    const found = find();
    if (found) return Promise.resolve(found);

    return new Promise((resolve, reject) => {
      const check = (): void => {
        const line = find();
        if (!line) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(line);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no log line "${msg}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }
}

export interface HarnessOptions {
  mode: 'http' | 'socket';
  /** Entries added to the shipped knowledge, such as an oversized one. */
  extraEntries?: Entry[];
  /** The core's clock; the wall clock by default. */
  now?: () => Date;
}

export interface Harness {
  fake: FakeSlack;
  core: Core;
  store: Store;
  handle: SlackHandle;
  logs: LogCapture;
  config: SlackConfig;
  /** HTTP mode: the receiver's `/slack/events` URL. */
  eventsUrl: string;
  close(): Promise<void>;
}

/** Starts a fake Slack, a core over the shipped knowledge and the real Slack adapter against them. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = await FakeSlack.start();
  const folder = mkdtempSync(path.join(tmpdir(), 'shiori-slack-'));
  const store = await Store.open(path.join(folder, 'test.sqlite'));
  const knowledge = new KnowledgeBase([...shippedKnowledge().entries, ...(options.extraEntries ?? [])]);
  const logs = new LogCapture();
  // Trace, the most verbose level, so the checks that no secret is logged cover Bolt's own debug output.
  const logger = createLogger({ level: 'trace', pretty: false, destination: logs });
  const core = new Core({ knowledge, logger, store, now: options.now ?? (() => new Date()) });

  const config: SlackConfig = {
    botToken: BOT_TOKEN,
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl,
    adminUsers: [CONFIGURED_ADMIN],
  };
  if (options.mode === 'socket') config.appToken = APP_TOKEN;
  else config.signingSecret = SIGNING_SECRET;

  const handle = await startSlack({ core, logger: logger.child({ subsystem: 'slack' }), config });
  const eventsUrl = handle.address ? `http://127.0.0.1:${handle.address.port}/slack/events` : '';
  return {
    fake,
    core,
    store,
    handle,
    logs,
    config,
    eventsUrl,
    async close() {
      await handle.stop();
      if (options.mode === 'socket') await fake.waitForSocketsClosed();
      await fake.stop();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface Where {
  team?: string;
  channel?: string;
  user?: string;
}

let responseCounter = 0;

/** Returns a response_url id that no other request in the run uses. */
export function freshResponseId(label: string): string {
  responseCounter += 1;
  return `${label}-${responseCounter}`;
}

/** Builds the body of a slash command as Slack sends it. `text` is sent as given, escaped or not. */
export function slashCommandFields(harness: Harness, command: string, text: string, responseId: string, where: Where = {}): Record<string, string> {
  return {
    token: 'unused',
    command,
    text,
    team_id: where.team ?? harness.fake.identity.teamId,
    team_domain: 'fake',
    channel_id: where.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: where.user ?? 'U0LEARNER',
    user_name: 'learner',
    response_url: harness.fake.responseUrl(responseId),
    trigger_id: `trigger-${responseId}`,
    api_app_id: 'A0FAKE',
  };
}

/** Sends a signed slash command and resolves with the HTTP response and the message posted to its response_url. */
export async function runCommand(harness: Harness, command: string, text: string, where: Where = {}): Promise<{ ack: SignedResponse; reply: ResponsePost }> {
  const responseId = freshResponseId(command.replace('/', ''));
  const body = slashCommandForm(slashCommandFields(harness, command, text, responseId, where));
  const ack = await sendSigned(harness.eventsUrl, SIGNING_SECRET, body, { contentType: 'application/x-www-form-urlencoded' });
  const reply = await harness.fake.waitForResponse(responseId);
  return { ack, reply };
}

/** Builds the block_actions payload of a button click on a message. */
export function buttonClick(harness: Harness, actionId: string, responseId: string, where: Where = {}): Record<string, unknown> {
  const team = where.team ?? harness.fake.identity.teamId;
  return {
    type: 'block_actions',
    team: { id: team, domain: 'fake' },
    user: { id: where.user ?? 'U0LEARNER', username: 'learner', name: 'learner', team_id: team },
    channel: { id: where.channel ?? 'C0GENERAL', name: 'general' },
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: where.channel ?? 'C0GENERAL', is_ephemeral: false },
    message: { type: 'message', ts: '1700000000.000001', text: 'card' },
    api_app_id: 'A0FAKE',
    token: 'unused',
    trigger_id: `trigger-${responseId}`,
    response_url: harness.fake.responseUrl(responseId),
    actions: [{ type: 'button', action_id: actionId, block_id: 'actions-0', value: actionId, action_ts: '1700000001.000001', text: { type: 'plain_text', text: actionId } }],
  };
}

/** Sends a signed button click and resolves with the message posted to its response_url. */
export async function clickButton(harness: Harness, actionId: string, where: Where = {}): Promise<{ ack: SignedResponse; reply: ResponsePost }> {
  const responseId = freshResponseId('click');
  const body = interactionForm(buttonClick(harness, actionId, responseId, where));
  const ack = await sendSigned(harness.eventsUrl, SIGNING_SECRET, body, { contentType: 'application/x-www-form-urlencoded' });
  return { ack, reply: await harness.fake.waitForResponse(responseId) };
}

/** Builds the JSON body of an Events API delivery. */
export function eventEnvelope(harness: Harness, event: Record<string, unknown>, eventId: string, team?: string): Record<string, unknown> {
  const teamId = team ?? harness.fake.identity.teamId;
  return {
    token: 'unused',
    team_id: teamId,
    api_app_id: 'A0FAKE',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    event,
    authorizations: [{ team_id: teamId, user_id: harness.fake.identity.botUserId, is_bot: true, is_enterprise_install: false }],
  };
}

/** Sends a signed Events API delivery; `retryNum` marks it as Slack's redelivery. */
export function postEvent(harness: Harness, event: Record<string, unknown>, eventId: string, retryNum?: number): Promise<SignedResponse> {
  const body = JSON.stringify(eventEnvelope(harness, event, eventId));
  return sendSigned(harness.eventsUrl, SIGNING_SECRET, body, { contentType: 'application/json', retryNum });
}
