import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../src/adapters/shell/session.js';
import { t } from '../../src/i18n/index.js';
import { Store } from '../../src/store/index.js';
import { FakeClock, quizCore } from './support/harness.js';

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'shiori-quiz-shell-'));
  file = path.join(folder, 'shell.sqlite');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Runs one shell session (one process lifetime) on the SQLite file and returns its output. */
async function session(lines: string[]): Promise<string> {
  const store = await Store.open(file);
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));

  const finished = runShell({ core: quizCore(store, new FakeClock('2025-01-06T00:00:00Z')), input, output, locale: 'ja', interactive: false, userId: 'local:tester' });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await finished;
  await store.close();
  return Buffer.concat(chunks).toString('utf8');
}

describe('quiz in the shell', () => {
  it('prints numbered choices and grades a typed number', async () => {
    const asked = await session(['/quiz']);
    expect(asked).toContain(`■ ${t('ja', 'quiz.practice.title')}`);
    expect(asked).toMatch(/ {2}1\. .+\n {2}2\. .+\n {2}3\. .+\n {2}4\. /);
    expect(asked).toContain('[1] 1  [2] 2  [3] 3  [4] 4');
  });

  it('grades a typed number and keeps the score across restarts', async () => {
    const answered = await session(['/quiz practice topic:systemd', '1']);
    const store = await Store.open(file);
    const [row] = await store.db.selectFrom('quiz_answers').select(['choice', 'correct']).execute();
    await store.close();
    expect(row?.choice).toBe(0);
    expect(answered).toContain(`■ ${t('ja', row?.correct === 1 ? 'quiz.feedback.right' : 'quiz.feedback.wrong')}`);

    const scores = await session(['/quiz me']);
    const correct = row?.correct ?? 0;
    expect(scores).toMatch(new RegExp(`${t('ja', 'quiz.me.answered')}\\n\\s+1\\n`));
    expect(scores).toContain(t('ja', 'quiz.me.correctValue', { count: correct, percent: correct * 100 }));
  });

  it('sets the schedule against the same store', async () => {
    await session(['/quiz schedule time:07:30 tz:Asia/Tokyo days:mon-fri topics:docker']);
    const shown = await session(['/quiz schedule']);
    expect(shown).toContain('07:30');
    expect(shown).toContain(t('ja', 'quiz.days.weekdays'));
  });
});

