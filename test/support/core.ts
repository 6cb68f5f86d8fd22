import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Core } from '../../src/core/core.js';
import type { Request } from '../../src/core/request.js';
import type { Locale } from '../../src/i18n/index.js';
import { KnowledgeBase } from '../../src/knowledge/index.js';
import { silentLogger } from '../../src/log.js';
import { Store } from '../../src/store/index.js';

let sharedKnowledge: KnowledgeBase | undefined;

/** Loads the shipped knowledge once per test file. */
export function shippedKnowledge(): KnowledgeBase {
  sharedKnowledge ??= KnowledgeBase.load('knowledge');
  return sharedKnowledge;
}

export interface TestCore {
  core: Core;
  store: Store;
  folder: string;
  close(): Promise<void>;
}

/** Builds a core over the shipped knowledge and a fresh SQLite file in a temporary folder. */
export async function createTestCore(now: () => Date = () => new Date()): Promise<TestCore> {
  const folder = mkdtempSync(path.join(tmpdir(), 'shiori-test-'));
  const store = await Store.open(path.join(folder, 'test.sqlite'));
  const core = new Core({ knowledge: shippedKnowledge(), logger: silentLogger(), store, now });
  return {
    core,
    store,
    folder,
    async close() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Builds a request from the shell's local user, as a test adapter would. */
export function request(command: string, options: Request['options'] = {}, locale: Locale = 'ja', extra: Partial<Request> = {}): Request {
  return {
    command,
    options,
    user: { id: 'tester', isAdmin: true },
    place: { platform: 'shell', groupId: 'local', channelId: 'terminal' },
    locale,
    ...extra,
  };
}
