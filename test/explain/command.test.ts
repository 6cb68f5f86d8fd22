import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShell } from '../../src/adapters/shell/session.js';
import type { Explanation } from '../../src/explain/types.js';
import { t, type Locale } from '../../src/i18n/index.js';
import { createTestCore, request, type TestCore } from '../support/core.js';
import { entry } from './support.js';

let harness: TestCore;

beforeAll(async () => {
  harness = await createTestCore();
});

afterAll(async () => {
  await harness.close();
});

/** Runs the shell over `lines` with injected streams and returns everything it wrote. */
async function converse(lines: string[], locale: Locale = 'ja'): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));

  const finished = runShell({ core: harness.core, input, output, locale, interactive: false, userId: 'local:tester' });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await finished;
  return Buffer.concat(chunks).toString('utf8');
}

function cli(args: string[], input?: string) {
  const result = spawnSync('node_modules/.bin/tsx', ['src/cli.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LOG_LEVEL: 'silent' },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout };
}

describe('/explain', () => {
  it('is registered with a required line', () => {
    const definition = harness.core.command('explain');
    expect(definition?.options.find((option) => option.name === 'line')).toMatchObject({ type: 'string', required: true });
  });

  it('answers through the core', async () => {
    const reply = await harness.core.handle(request('explain', { line: 'docker run -d -p 5000:5000 flask_app' }));
    expect(reply.title).toBe(t('ja', 'explain.title'));
    expect(reply.actions.flat().map((action) => action.id)).toEqual(['card:docker-run']);
  });

  it('opens a card from its button', async () => {
    const reply = await harness.core.handle(request('', {}, 'ja', { actionId: 'card:docker-run' }));
    expect(reply.entryId).toBe('docker-run');
  });

  it('answers privately on request', async () => {
    const reply = await harness.core.handle(request('explain', { line: 'docker ps', private: true }));
    expect(reply.ephemeral).toBe(true);
  });

  it('answers in the shell', async () => {
    const text = await converse(['/explain docker run -d -p 5000:5000 flask_app']);
    expect(text).toContain('docker run -d -p 5000:5000 flask_app\n');
    expect(text).toContain('1          2  3            4');
    expect(text).toContain(`1. \`docker run\`: ${entry('docker-run').summary.ja}`);
    expect(text).toContain(t('ja', 'explain.footer', { explained: 4, total: 4 }));
  });

  it('opens a card by number in the shell', async () => {
    const text = await converse(['/explain docker ps -a', '1']);
    expect(text).toContain(`■ ${entry('docker-ps').title}`);
  });

  it('answers in English in the shell', async () => {
    const text = await converse(['/explain virth list'], 'en');
    expect(text).toContain(t('en', 'explain.note.correction', { typed: 'virth list', intended: 'virsh list' }));
  });

  it('asks for a line in the shell', async () => {
    expect(await converse(['/explain'])).toContain(t('ja', 'explain.emptyLine'));
  });
});

describe('cli explain', () => {
  it('prints one JSON explanation', () => {
    const { status, stdout } = cli(['explain', '--json', 'docker run -it ubuntu']);
    expect(status).toBe(0);
    const explanation = JSON.parse(stdout) as Explanation;
    expect(explanation.complete).toBe(true);
    expect(explanation.parts.map((part) => part.text)).toEqual(['docker run', '-it', 'ubuntu']);
    expect(explanation.commands[0]?.entryId).toBe('docker-run');
  });

  it('reads one line per input line', () => {
    const { status, stdout } = cli(['explain', '--json', '--lang', 'en'], 'docker ps\n\nkubectl get pods\n');
    expect(status).toBe(0);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line) as Explanation);
    expect(answers.map((answer) => answer.complete)).toEqual([true, false, false]);
    expect(answers[0]?.locale).toBe('en');
    expect(answers[2]?.parts[0]?.problem?.code).toBe('unknown-command');
  });

  it('prints text without --json', () => {
    const { status, stdout } = cli(['explain', 'docker ps']);
    expect(status).toBe(0);
    expect(stdout).toContain(t('ja', 'explain.title'));
  });
});
