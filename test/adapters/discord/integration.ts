import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageFlags } from 'discord.js';
import { connectDiscord, type DiscordHandle } from '../../../src/adapters/discord/client.js';
import { Core } from '../../../src/core/core.js';
import { silentLogger } from '../../../src/log.js';
import { QuizScheduler } from '../../../src/quiz/index.js';
import { Store } from '../../../src/store/index.js';
import { shippedKnowledge } from '../../support/core.js';
import { FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fake-discord.js';
import { LogCapture } from './harness.js';
import type { SentCallback, SentMessage } from './limits.js';

// The whole bot against the fake Discord: a core on a fresh store, the adapter with its publisher and,
// when asked, member events, and a quiz scheduler posting through that publisher on the same store.

export interface IntegrationOptions {
  /** The clock of the core and the scheduler; the wall clock by default. */
  now?: () => Date;
  /** Welcome members on join, as DISCORD_MEMBER_EVENTS=true does. */
  memberEvents?: boolean;
  fake?: FakeDiscordOptions;
}

export interface IntegrationBot {
  fake: FakeDiscord;
  core: Core;
  store: Store;
  handle: DiscordHandle;
  quiz: QuizScheduler;
  logs: LogCapture;
  close(): Promise<void>;
}

/** Starts the fake Discord, then the adapter and a quiz scheduler (not started: tests call `tick`). */
export async function startIntegrationBot(options: IntegrationOptions = {}): Promise<IntegrationBot> {
  const now = options.now ?? (() => new Date());
  const folder = mkdtempSync(path.join(tmpdir(), 'shiori-discord-e2e-'));
  const store = await Store.open(path.join(folder, 'test.sqlite'));
  const knowledge = shippedKnowledge();
  const core = new Core({ knowledge, logger: silentLogger(), store, now });
  const fake = await FakeDiscord.start(options.fake);
  const logs = new LogCapture();

  const cleanUp = async (): Promise<void> => {
    await fake.stop();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  };

  let handle: DiscordHandle;
  try {
    handle = await connectDiscord({
      core,
      logger: logs.logger,
      token: 'test-token',
      apiUrl: fake.apiUrl,
      // Far above any test's work, so no reply turns into a deferral on a busy machine.
      deferAfterMs: 10_000,
      ...(options.memberEvents ? { memberEvents: core.context } : {}),
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const quiz = new QuizScheduler({ store, knowledge, publishers: { discord: handle.publisher }, now, logger: silentLogger() });
  return {
    fake,
    core,
    store,
    handle,
    quiz,
    logs,
    async close() {
      await quiz.stop();
      await handle.stop();
      await cleanUp();
    },
  };
}

/** Sends an interaction and resolves with its callback, which must carry a message. */
export async function interact(fake: FakeDiscord, payload: { id: string }): Promise<{ type: number; data: SentMessage }> {
  fake.sendInteraction(payload);
  const callback: SentCallback = await fake.callbackOf(payload.id);
  if (!callback.data) throw new Error(`callback of type ${callback.type} has no data`);
  return { type: callback.type, data: callback.data };
}

export function isEphemeral(message: SentMessage): boolean {
  return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** Requests that post a message in a channel, optionally only in `channelId`. */
export function channelPosts(fake: FakeDiscord, channelId?: string): RecordedRequest[] {
  return fake.requests.filter((request) => request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path) && (channelId === undefined || request.path === `/channels/${channelId}/messages`));
}

/** Requests that edit the channel message `messageId`. */
export function messageEdits(fake: FakeDiscord, channelId: string, messageId: string): RecordedRequest[] {
  return fake.requests.filter((request) => request.method === 'PATCH' && request.path === `/channels/${channelId}/messages/${messageId}`);
}

/** Requests that open a direct message channel with `userId`. */
export function directChannelOpens(fake: FakeDiscord, userId: string): RecordedRequest[] {
  return fake.requests.filter((request) => request.method === 'POST' && request.path === '/users/@me/channels' && (request.body as { recipient_id?: string }).recipient_id === userId);
}
