import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import type { Reply } from '../../src/core/reply.js';
import { createTestCore, request, type TestCore } from '../support/core.js';

let harness: TestCore;

beforeAll(async () => {
  harness = await createTestCore();
});

afterAll(async () => {
  await harness.close();
});

function codeBlocks(reply: Reply): string[] {
  return reply.blocks.flatMap((block) => (block.type === 'code' ? [block.code] : []));
}

describe('/cmd', () => {
  it('shows the card of an exact command', async () => {
    const reply = await harness.core.handle(request('cmd', { query: 'docker commit' }));
    const entry = harness.core.context.knowledge.lookup('docker-commit');
    expect(reply.entryId).toBe('docker-commit');
    expect(reply.title).toBe(entry?.title);
    expect(reply.summary).toBe(entry?.summary.ja);
    expect(codeBlocks(reply)).toContain(entry?.syntax);
    expect(reply.ephemeral).toBe(false);
  });

  it('finds a typo', async () => {
    const reply = await harness.core.handle(request('cmd', { query: 'docker comit' }));
    expect(reply.entryId).toBe('docker-commit');
  });

  it('finds a full-width query', async () => {
    const reply = await harness.core.handle(request('cmd', { query: 'ｄｏｃｋｅｒ　ｐｓ' }));
    expect(reply.entryId).toBe('docker-ps');
  });

  it('answers in English for the en locale', async () => {
    const reply = await harness.core.handle(request('cmd', { query: 'docker commit' }, 'en'));
    expect(reply.summary).toBe(harness.core.context.knowledge.lookup('docker-commit')?.summary.en);
    expect(reply.footer).toContain('command');
  });

  it('offers related entries as card buttons', async () => {
    const reply = await harness.core.handle(request('cmd', { query: 'docker commit' }));
    const ids = reply.actions.flat().map((action) => action.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(5);
    for (const id of ids) expect(id).toMatch(/^card:[a-z0-9-]+$/);
  });

  it('lists topics when the query is empty', async () => {
    const reply = await harness.core.handle(request('cmd', {}));
    expect(reply.title).toBe(t('ja', 'topics.title'));
    expect(reply.blocks.length).toBeGreaterThanOrEqual(5);
  });

  it('answers privately when asked', async () => {
    const reply = await harness.core.handle(request('cmd', { query: 'docker commit', private: true }));
    expect(reply.ephemeral).toBe(true);
  });
});

describe('/concept', () => {
  it('shows a Japanese concept card', async () => {
    const reply = await harness.core.handle(request('concept', { query: 'ハイパーバイザー' }));
    expect(reply.entryId).toBe('hypervisor');
  });

  it('rejects an empty query with a private error', async () => {
    const reply = await harness.core.handle(request('concept', { query: '   ' }));
    expect(reply.tone).toBe('error');
    expect(reply.ephemeral).toBe(true);
    expect(reply.summary).toBe(t('ja', 'lookup.emptyQuery', { example: '/concept ハイパーバイザー' }));
  });
});

describe('/search', () => {
  it('lists matches for a Japanese task', async () => {
    const reply = await harness.core.handle(request('search', { query: 'コンテナを削除' }));
    const ids = reply.actions.flat().map((action) => action.id);
    expect(ids[0]).toBe('card:docker-rm');
  });

  it('says so when nothing matches', async () => {
    const reply = await harness.core.handle(request('search', { query: 'zzzq' }));
    expect(reply.title).toBe(t('ja', 'lookup.notFoundTitle'));
  });
});

describe('buttons and errors', () => {
  it('opens a related card privately', async () => {
    const reply = await harness.core.handle(request('', {}, 'ja', { actionId: 'card:docker-run' }));
    expect(reply.entryId).toBe('docker-run');
    expect(reply.ephemeral).toBe(true);
  });

  it('rejects an unknown card id', async () => {
    const reply = await harness.core.handle(request('', {}, 'ja', { actionId: 'card:nothing-here' }));
    expect(reply.summary).toBe(t('ja', 'lookup.unknownId', { id: 'nothing-here' }));
  });

  it('rejects an unknown command', async () => {
    const reply = await harness.core.handle(request('nope'));
    expect(reply.summary).toBe(t('ja', 'core.unknownCommand', { command: 'nope' }));
  });

  it('lists every command in help', async () => {
    const reply = await harness.core.handle(request('help'));
    const text = reply.blocks.flatMap((block) => (block.type === 'list' ? block.items : [])).join('\n');
    for (const command of harness.core.commands) expect(text).toContain(command.description.ja);
  });
});
