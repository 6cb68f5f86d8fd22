import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { connectDiscord, type DiscordHandle } from '../../../src/adapters/discord/client.js';
import type { DiscordCore } from '../../../src/adapters/discord/interactions.js';
import { Core } from '../../../src/core/core.js';
import { KnowledgeBase } from '../../../src/knowledge/index.js';
import { silentLogger, type Logger } from '../../../src/log.js';
import { Store } from '../../../src/store/index.js';
import { FakeDiscord } from './fake-discord.js';

/** One parsed pino log line. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A pino logger whose lines are kept as objects, so a test can await a log line. */
export class LogCapture {
  readonly lines: LogLine[] = [];
  readonly logger: Logger;
  private readonly waiters = new Set<() => void>();

  constructor() {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line));
        for (const waiter of [...this.waiters]) waiter();
        done();
      },
    });
    this.logger = pino({ level: 'debug' }, sink);
  }

  /** Resolves with the first log line that matches, waiting up to `timeoutMs`. */
  async waitFor(matches: (line: LogLine) => boolean, timeoutMs = 5_000): Promise<LogLine> {
    const found = this.lines.find(matches);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching log line within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = (): void => {
        const line = this.lines.find(matches);
        if (!line) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(line);
      };
      this.waiters.add(check);
    });
  }
}

export interface TestCore {
  core: Core;
  knowledge: KnowledgeBase;
  close(): Promise<void>;
}

/** Builds a core over the real knowledge and a store in a temporary folder. */
export async function createTestCore(): Promise<TestCore> {
  const folder = mkdtempSync(path.join(tmpdir(), 'shiori-discord-'));
  const knowledge = KnowledgeBase.load('knowledge');
  const store = await Store.open(path.join(folder, 'test.sqlite'));
  const core = new Core({ knowledge, logger: silentLogger(), store, now: () => new Date() });
  return {
    core,
    knowledge,
    async close() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface RunningBot {
  fake: FakeDiscord;
  handle: DiscordHandle;
  logs: LogCapture;
  stop(): Promise<void>;
}

/**
 * Waits this long before deferring in tests that are not about deferral, so a busy test machine never
 * turns an expected immediate reply into a deferral. The deferral tests pass their own short threshold.
 */
const NO_DEFERRAL_MS = 10_000;

/** Starts the fake Discord and the adapter connected to it. */
export async function startBot(core: DiscordCore, options: { deferAfterMs?: number } = {}): Promise<RunningBot> {
  const fake = await FakeDiscord.start();
  const logs = new LogCapture();
  const deferAfterMs = options.deferAfterMs ?? NO_DEFERRAL_MS;
  const handle = await connectDiscord({ core, logger: logs.logger, token: 'test-token', apiUrl: fake.apiUrl, deferAfterMs });
  return {
    fake,
    handle,
    logs,
    async stop() {
      await handle.stop();
      await fake.stop();
    },
  };
}
