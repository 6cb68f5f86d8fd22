import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShell } from '../../../src/adapters/shell/session.js';
import { t, type Locale } from '../../../src/i18n/index.js';
import { createTestCore, type TestCore } from '../../support/core.js';

let harness: TestCore;

beforeAll(async () => {
  harness = await createTestCore();
});

afterAll(async () => {
  await harness.close();
});

/** Runs the shell over `lines` and returns everything it wrote. */
async function converse(lines: string[], options: { locale?: Locale; interactive?: boolean } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));

  const finished = runShell({
    core: harness.core,
    input,
    output,
    locale: options.locale ?? 'ja',
    interactive: options.interactive ?? false,
    userId: 'local:tester',
  });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await finished;
  return Buffer.concat(chunks).toString('utf8');
}

describe('shell session', () => {
  it('prints the card of /cmd docker commit', async () => {
    const entry = harness.core.context.knowledge.lookup('docker-commit');
    const text = await converse(['/cmd docker commit']);
    expect(text).toContain(`■ ${entry?.title}`);
    expect(text).toContain(entry?.summary.ja);
    expect(text).toContain(entry?.syntax);
  });

  it('treats plain text as a search', async () => {
    const text = await converse(['docker commit']);
    expect(text).toContain(harness.core.context.knowledge.lookup('docker-commit')?.summary.ja);
  });

  it('prints no prompt or escape codes when piped', async () => {
    const text = await converse(['/help']);
    expect(text).not.toContain('shiori>');
    expect(text).not.toContain('\u001b[');
    expect(text).toContain(t('ja', 'help.title'));
  });

  it('stops reading at /exit', async () => {
    const text = await converse(['/exit', '/help']);
    expect(text).toBe('');
  });

  it('presses a numbered button', async () => {
    const text = await converse(['/cmd docker commit', '1']);
    const cards = text.split('■ ').length - 1;
    expect(cards).toBe(2);
  });

  it('rejects a number without such a button', async () => {
    const text = await converse(['/cmd docker commit', '9']);
    expect(text).toContain(t('ja', 'shell.noSuchChoice', { number: '9', count: 5 }).slice(0, 8));
  });

  it('answers in English', async () => {
    const text = await converse(['/concept hypervisor'], { locale: 'en' });
    expect(text).toContain(harness.core.context.knowledge.lookup('hypervisor')?.summary.en);
  });

  it('parses option:value words', async () => {
    const text = await converse(['/search query:docker private:true']);
    expect(text).toContain(t('ja', 'search.title', { query: 'docker' }));
  });

  it('shows a banner and prompt when interactive', async () => {
    const text = await converse(['/help', '/exit'], { interactive: true });
    expect(text).toContain(t('ja', 'shell.banner'));
    expect(text).toContain('shiori> ');
    expect(text).toContain(t('ja', 'shell.goodbye'));
  });

  it('answers an unknown command with an error', async () => {
    const text = await converse(['/nope']);
    expect(text).toContain(t('ja', 'core.unknownCommand', { command: 'nope' }));
  });
});

describe('shell parsing', () => {
  it('continues a free-text option over several words', async () => {
    const { parseLine } = await import('../../../src/adapters/shell/parse.js');
    const parsed = parseLine('/explain line:docker ps -a private:true', (name) => harness.core.command(name));
    expect(parsed.options).toEqual({ line: 'docker ps -a', private: true });
  });

  it('gives plain words to the first string option', async () => {
    const { parseLine } = await import('../../../src/adapters/shell/parse.js');
    const parsed = parseLine('/cmd docker commit', (name) => harness.core.command(name));
    expect(parsed).toEqual({ command: 'cmd', options: { query: 'docker commit' } });
  });
});

describe('shell option values', () => {
  it('strips quotes around a value', async () => {
    const { parseLine } = await import('../../../src/adapters/shell/parse.js');
    const parsed = parseLine('/quiz schedule time:"09:00" tz:"Asia/Tokyo"', (name) => harness.core.command(name));
    expect(parsed.options).toEqual({ time: '09:00', tz: 'Asia/Tokyo' });
  });

  it('names the missing path of /onboard start', async () => {
    const text = await converse(['/onboard start']);
    expect(text).toContain('container-basics');
    expect(text).not.toContain('「」');
  });
});
