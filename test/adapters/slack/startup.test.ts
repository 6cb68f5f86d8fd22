import { blockedConnections } from '../../support/offline-guard.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../../src/adapters/slack/index.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { createTestCore, type TestCore } from '../../support/core.js';
import { FakeSlack } from './fake-slack.js';

const REPOSITORY = path.resolve(import.meta.dirname, '../../..');

let fake: FakeSlack;
let testCore: TestCore;

beforeAll(async () => {
  fake = await FakeSlack.start();
  testCore = await createTestCore();
});

afterAll(async () => {
  await fake.stop();
  await testCore.close();
  expect(blockedConnections).toEqual([]);
});

/** Runs `npm start`'s entry point with only the given variables and resolves with its exit code and standard error. */
function runMain(environment: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  // A folder without .env, so a developer's own settings cannot leak into the run.
  const folder = mkdtempSync(path.join(tmpdir(), 'shiori-start-'));
  const tsx = path.join(REPOSITORY, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join(REPOSITORY, 'src/main.ts')], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOME: folder, ...environment },
    stdio: ['ignore', 'ignore', 'pipe'],
  });

  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('npm start did not exit within 15 s'));
    }, 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(folder, { recursive: true, force: true });
      resolve({ code, stderr });
    });
  });
}

describe('slack start-up', () => {
  it('config rejects an empty signing secret', () => {
    const load = (): unknown => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: '' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/SLACK_SIGNING_SECRET is empty/);
  });

  it('config rejects swapped tokens', () => {
    const load = (): unknown => loadConfig({ SLACK_BOT_TOKEN: 'xapp-test', SLACK_APP_TOKEN: 'xoxb-test' });
    expect(load).toThrow(/SLACK_BOT_TOKEN does not start with xoxb-/);
    expect(load).toThrow(/SLACK_APP_TOKEN does not start with xapp-/);
  });

  it('npm start exits with the variable named', async () => {
    const { code, stderr } = await runMain({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: '', SLACK_API_URL: fake.apiUrl });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(fake.calls).toEqual([]);
  });

  it('adapter rejects HTTP mode without a signing secret', async () => {
    const config = { botToken: 'xoxb-test', port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, adminUsers: [] };
    await expect(startSlack({ core: testCore.core, logger: silentLogger(), config })).rejects.toThrow(/SLACK_SIGNING_SECRET is missing/);
    expect(fake.calls).toEqual([]);
  });

  it('adapter rejects a token that fails auth.test', async () => {
    fake.authError = 'invalid_auth';
    try {
      const config = { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, adminUsers: [] };
      await expect(startSlack({ core: testCore.core, logger: silentLogger(), config })).rejects.toThrow(/auth\.test failed \(invalid_auth\).*SLACK_BOT_TOKEN/);
    } finally {
      fake.authError = undefined;
    }
  });

  it('adapter rejects a rejected app token', async () => {
    fake.connectionError = 'invalid_auth';
    try {
      const config = { botToken: 'xoxb-test', appToken: 'xapp-test', port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, adminUsers: [] };
      await expect(startSlack({ core: testCore.core, logger: silentLogger(), config })).rejects.toThrow(/Socket Mode failed to connect \(invalid_auth\).*SLACK_APP_TOKEN/);
    } finally {
      fake.connectionError = undefined;
    }
  });

  it('adapter rejects a port in use', async () => {
    const occupied = createServer().listen(0, '127.0.0.1');
    await once(occupied, 'listening');
    const port = (occupied.address() as AddressInfo).port;
    try {
      const config = { botToken: 'xoxb-test', signingSecret: 'secret', port, host: '127.0.0.1', apiUrl: fake.apiUrl, adminUsers: [] };
      await expect(startSlack({ core: testCore.core, logger: silentLogger(), config })).rejects.toThrow(`could not listen for Slack requests on 127.0.0.1:${port}`);
    } finally {
      occupied.close();
    }
  });
});
