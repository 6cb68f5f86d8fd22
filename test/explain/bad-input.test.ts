import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH } from '../../src/explain/explain.js';
import { t } from '../../src/i18n/index.js';
import { createTestCore, request, type TestCore } from '../support/core.js';
import { explain, part } from './support.js';

let harness: TestCore;

beforeAll(async () => {
  harness = await createTestCore();
});

afterAll(async () => {
  await harness.close();
});

const BAD_LINES: [string, string][] = [
  ['an unbalanced single quote', "docker run -e 'KEY=a b nginx"],
  ['an unbalanced double quote', 'echo "hello'],
  ['an unclosed substitution', 'docker run -v $(pwd:/app nginx'],
  ['a lone pipe', '|'],
  ['a trailing operator', 'docker ps &&'],
  ['only operators', '&& || ; |'],
  ['2,000 characters', 'docker run ' + 'x'.repeat(1989)],
  ['5,000 characters', 'docker ps -a '.repeat(400)],
  ['200 flags', `docker run ${'-d -i -t --rm -e A=1 '.repeat(40)}ubuntu`],
  ['200 unknown flags', `ls ${Array.from({ length: 200 }, (_, index) => `--flag${index}`).join(' ')}`],
  ['a 2,000-letter cluster', `ls -${'l'.repeat(1990)}`],
  ['deep substitutions', '"$('.repeat(600)],
  ['backquotes', '`'.repeat(2001)],
  ['an unknown command', 'kubectl get pods -n kube-system'],
  ['an em dash', 'docker run —it ubuntu'],
  ['a full-width space', 'docker\u3000ps'],
  ['full-width text', 'ｄｏｃｋｅｒ　ｐｓ　－ａ'],
  ['curly quotes', 'echo “hello world”'],
  ['@everyone', '@everyone'],
  ['a user mention', '<@123> docker ps'],
  ['a channel mention', 'docker rm <#456>'],
  ['emoji', '🐳 docker ps 🚀'],
  ['control characters', 'docker\u0000\u0007 ps\u001b[31m'],
  ['Japanese prose', 'コンテナを削除したい'],
];

describe('bad input', () => {
  for (const [name, line] of BAD_LINES) {
    it(`answers ${name}`, async () => {
      const started = performance.now();
      const reply = await harness.core.handle(request('explain', { line }));
      // A loose bound for a shared test machine; the 50 ms target is measured separately.
      expect(performance.now() - started).toBeLessThan(200);
      expect(reply.title).toBe(t('ja', 'explain.title'));
      expect(reply.summary).toBeTruthy();
      expect(JSON.stringify(reply).length).toBeLessThan(12_000);
    });
  }

  it('rejects an empty line privately', async () => {
    for (const line of ['', '   ', '\u3000']) {
      const reply = await harness.core.handle(request('explain', { line }));
      expect(reply).toMatchObject({ tone: 'error', ephemeral: true, summary: t('ja', 'explain.emptyLine') });
    }
  });

  it('rejects a missing option', async () => {
    const reply = await harness.core.handle(request('explain'));
    expect(reply.summary).toBe(t('ja', 'explain.emptyLine'));
  });

  it('notes an unbalanced quote', () => {
    expect(explain('docker run "hello').notes.map((note) => note.text)).toEqual([t('ja', 'explain.note.unterminated', { opening: '"' })]);
  });

  it('flags a lone pipe', () => {
    expect(part(explain('|'), '|').problem).toEqual({ code: 'missing-command', text: t('ja', 'explain.problem.nothingBefore', { operator: '|' }) });
    expect(part(explain('docker ps |'), '|').problem?.text).toBe(t('ja', 'explain.problem.nothingAfter', { operator: '|' }));
  });

  it('cuts a long line and says so', () => {
    const explanation = explain('docker ps -a '.repeat(400));
    expect(explanation.line.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    expect(explanation.notes.map((note) => note.text)).toContain(t('ja', 'explain.note.cut', { max: MAX_LINE_LENGTH }));
  });

  it('keeps a surrogate pair whole when cutting', () => {
    const explanation = explain(`${'a'.repeat(MAX_LINE_LENGTH - 1)}🐳`);
    expect(explanation.line.endsWith('\ud83d')).toBe(false);
  });

  it('explains 200 flags', () => {
    const explanation = explain(`docker run ${'-d -i -t --rm -e A=1 '.repeat(40)}ubuntu`);
    expect(explanation.parts).toHaveLength(202);
    expect(explanation.complete).toBe(true);
  });

  it('names an unknown command plainly', () => {
    const explanation = explain('kubectl get pods');
    expect(explanation.complete).toBe(false);
    expect(part(explanation, 'kubectl').problem?.code).toBe('unknown-command');
  });

  it('points to /search when nothing matched', () => {
    expect(explain('コンテナを削除したい').notes.map((note) => note.text)).toEqual([t('ja', 'explain.note.searchHint')]);
    expect(explain('docker ps | grep web').notes).toEqual([]);
  });

  it('points out an em dash', () => {
    const explanation = explain('docker run —it ubuntu');
    expect(explanation.complete).toBe(true);
    expect(explanation.notes[0]?.text).toBe(t('ja', 'explain.note.characterDash', { characters: '「—」(U+2014)' }));
  });

  it('points out a full-width space', () => {
    const explanation = explain('docker\u3000ps');
    expect(explanation.commands[0]?.entryId).toBe('docker-ps');
    expect(explanation.notes[0]?.text).toBe(t('ja', 'explain.note.characterSpace', { characters: 'U+3000' }));
  });

  it('points out full-width letters once', () => {
    const explanation = explain('ｄｏｃｋｅｒ ｐｓ');
    expect(explanation.commands[0]?.entryId).toBe('docker-ps');
    expect(explanation.notes.map((note) => note.code)).toEqual(['character']);
  });

  it('does not explain mentions', () => {
    expect(part(explain('@everyone'), '@everyone').problem?.code).toBe('mention');
    const explanation = explain('<@123> docker ps');
    expect(part(explanation, '<@123>').problem?.code).toBe('mention');
    expect(explanation.commands[0]?.entryId).toBe('docker-ps');
    expect(part(explain('docker rm <#456>'), '<#456>').problem?.code).toBe('mention');
  });
});
