import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Core } from '../../../src/core/core.js';
import type { Place, Request } from '../../../src/core/request.js';
import type { Locale } from '../../../src/i18n/index.js';
import { KnowledgeBase } from '../../../src/knowledge/index.js';
import { silentLogger, type Logger } from '../../../src/log.js';
import { saveSchedule } from '../../../src/quiz/db/schedules.js';
import { QuestionBank, useQuestionBank } from '../../../src/quiz/questions/bank.js';
import type { QuizSchedule } from '../../../src/quiz/schedule.js';
import { QuizScheduler, type QuizSchedulerOptions } from '../../../src/quiz/scheduler.js';
import { Store } from '../../../src/store/index.js';
import { RecordingPublisher } from './recording-publisher.js';

/** A small knowledge folder with hand-written questions, so tests do not depend on the shipped content. */
export const FIXTURE_ROOT = 'test/fixtures/quiz/knowledge';

let knowledge: KnowledgeBase | undefined;

/** Loads the fixture knowledge once per test file and registers its question bank. */
export function fixtureKnowledge(): KnowledgeBase {
  if (!knowledge) {
    knowledge = KnowledgeBase.load(FIXTURE_ROOT);
    useQuestionBank(knowledge, QuestionBank.load(knowledge, path.join(FIXTURE_ROOT, 'quiz')));
  }
  return knowledge;
}

/** A clock that moves only when the test moves it. */
export class FakeClock {
  private time: number;

  constructor(iso: string) {
    this.time = Date.parse(iso);
  }

  readonly now = (): Date => new Date(this.time);

  set(iso: string): void {
    this.time = Date.parse(iso);
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface TempStore {
  store: Store;
  file: string;
  folder: string;
  /** Opens another Store on the same file, as a second bot process or a restart would. */
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** Opens a store on a new SQLite file in a temporary folder. */
export async function tempStore(): Promise<TempStore> {
  const folder = mkdtempSync(path.join(tmpdir(), 'shiori-quiz-'));
  const file = path.join(folder, 'quiz.sqlite');
  const opened: Store[] = [await Store.open(file)];
  return {
    store: opened[0] as Store,
    file,
    folder,
    async reopen() {
      const store = await Store.open(file);
      opened.push(store);
      return store;
    },
    async cleanup() {
      for (const store of opened) await store.close().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export const ROOM: Place = { platform: 'discord', groupId: 'guild-1', channelId: 'quiz-room' };

/** Saves a schedule for ROOM (or `overrides.place`) that took effect at `updatedAt`. */
export async function schedule(store: Store, overrides: Partial<QuizSchedule> & { updatedAt: Date }): Promise<QuizSchedule> {
  const value: QuizSchedule = {
    ...ROOM,
    time: '09:00',
    timeZone: 'Asia/Tokyo',
    days: [0, 1, 2, 3, 4, 5, 6],
    topics: [],
    closeMinutes: null,
    locale: 'ja',
    createdBy: 'admin',
    ...overrides,
  };
  await saveSchedule(store.db, value);
  return value;
}

/** Builds a scheduler over the fixture knowledge with a recording publisher for ROOM's platform. */
export function scheduler(store: Store, clock: FakeClock, publisher = new RecordingPublisher(), options: Partial<QuizSchedulerOptions> = {}): QuizScheduler {
  return new QuizScheduler({
    store,
    knowledge: fixtureKnowledge(),
    publishers: { [publisher.platform]: publisher },
    now: clock.now,
    logger: silentLogger(),
    ...options,
  });
}

/** Builds a core over the fixture knowledge and `store`. */
export function quizCore(store: Store, clock: FakeClock): Core {
  return new Core({ knowledge: fixtureKnowledge(), logger: silentLogger(), store, now: clock.now });
}

/** Builds a request from a learner in ROOM. */
export function learnerRequest(userId: string, fields: Partial<Request> = {}, locale: Locale = 'ja'): Request {
  return { command: 'quiz', options: {}, user: { id: userId, name: `name-${userId}`, isAdmin: false }, place: ROOM, locale, ...fields };
}

/** A logger that keeps its JSON lines in memory, for tests that check what was logged. */
export function memoryLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
