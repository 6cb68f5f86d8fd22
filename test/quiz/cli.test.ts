import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { Store } from '../../src/store/index.js';
import { FIXTURE_ROOT, schedule } from './support/harness.js';

const TSX = 'node_modules/.bin/tsx';
let folder: string;
let databasePath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'shiori-quiz-cli-'));
  databasePath = path.join(folder, 'cli.sqlite');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function cli(args: string[]) {
  const result = spawnSync(TSX, ['src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LOG_LEVEL: 'silent', SHIORI_DB_PATH: databasePath, SHIORI_KNOWLEDGE_DIR: FIXTURE_ROOT },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli quiz --now', () => {
  it('prints the channel\'s scheduled quiz through the shell publisher', async () => {
    const store = await Store.open(databasePath);
    await schedule(store, { platform: 'shell', groupId: 'local', channelId: 'terminal', topics: ['systemd'], updatedAt: new Date() });
    await store.close();

    const { status, stdout } = cli(['quiz', '--now', 'terminal']);
    expect(status).toBe(0);
    expect(stdout).toContain('--- #terminal (message 1) ---');
    expect(stdout).toContain(`■ ${t('ja', 'quiz.manual.title')}`);
    expect(stdout).toContain('[1] 1  [2] 2  [3] 3  [4] 4');

    const reopened = await Store.open(databasePath);
    const rows = await reopened.db.selectFrom('quiz_posts').select(['kind', 'status', 'topic']).execute();
    await reopened.close();
    expect(rows).toEqual([{ kind: 'manual', status: 'sent', topic: 'systemd' }]);
  });

  it('exits 1 for a channel without a schedule', () => {
    const { status, stdout, stderr } = cli(['quiz', '--now', 'nowhere']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(t('ja', 'quiz.cli.noSchedule', { channel: 'nowhere' }));
  });

  it('exits 2 without --now', () => {
    expect(cli(['quiz']).status).toBe(2);
  });
});
