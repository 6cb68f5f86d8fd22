import { describe, expect, it } from 'vitest';
import { displayWidth, markedLine } from '../../src/explain/markers.js';
import { explanationReply, MAX_LISTED_PARTS } from '../../src/explain/reply.js';
import type { Block } from '../../src/core/reply.js';
import { t } from '../../src/i18n/index.js';
import { shippedKnowledge } from '../support/core.js';
import { entry, explain } from './support.js';

function reply(line: string, locale: 'ja' | 'en' = 'ja') {
  return explanationReply(explain(line, locale), shippedKnowledge());
}

function blocksOf<T extends Block['type']>(blocks: Block[], type: T): Extract<Block, { type: T }>[] {
  return blocks.filter((block): block is Extract<Block, { type: T }> => block.type === type);
}

describe('markedLine', () => {
  it('puts each number under its part', () => {
    const parts = explain('docker run -d -p 5000:5000 flask_app').parts;
    expect(markedLine(parts)).toBe(['docker run -d -p 5000:5000 flask_app', '1          2  3            4'].join('\n'));
  });

  it('spaces parts apart for wide numbers', () => {
    const parts = Array.from({ length: 12 }, (_, index) => ({ number: index + 1, text: '.' }));
    const [line, marks] = markedLine(parts).split('\n');
    expect(marks).toBe('1 2 3 4 5 6 7 8 9 10 11 12');
    expect(line?.indexOf('.', 18)).toBe(marks?.indexOf('10'));
  });

  it('wraps between parts', () => {
    const rows = markedLine(explain('docker run -d -p 127.0.0.1:5000:5000 -v $(pwd):/app -e MODE=dev --name web flask_app').parts, 40).split('\n');
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(40);
  });

  it('measures wide characters', () => {
    expect(displayWidth('コンテナ')).toBe(8);
    expect(displayWidth('abc')).toBe(3);
  });
});

describe('explanationReply', () => {
  it('shows the line once with numbers', () => {
    const [code] = blocksOf(reply('docker run -d -p 5000:5000 flask_app').blocks, 'code');
    expect(code?.code).toBe('docker run -d -p 5000:5000 flask_app\n1          2  3            4');
  });

  it('lists one meaning per part', () => {
    const answer = reply('docker ps -a');
    const [list] = blocksOf(answer.blocks, 'list');
    expect(list?.ordered).toBe(true);
    expect(list?.heading).toBe(t('ja', 'explain.partsHeading'));
    expect(list?.items).toEqual([`\`docker ps\`: ${entry('docker-ps').summary.ja}`, `\`-a\`: ${entry('docker-ps').options.find((option) => option.short === '-a')?.ja}`]);
  });

  it('offers each command card', () => {
    const answer = reply('docker stop web && docker rm web');
    expect(answer.actions.flat().map((action) => action.id)).toEqual(['card:docker-stop', 'card:docker-rm']);
    expect(answer.actions.flat()[1]?.label).toBe(entry('docker-rm').title);
  });

  it('flags a destructive command', () => {
    const answer = reply('docker system prune -a');
    const warnings = blocksOf(answer.blocks, 'warning');
    expect(warnings.map((block) => block.text)).toEqual(entry('docker-system-prune').warnings.map((warning) => warning.ja));
    expect(warnings[0]?.heading).toBe(t('ja', 'explain.warningHeading', { title: entry('docker-system-prune').title }));
    expect(answer.tone).toBe('warning');
  });

  it('names what could not be explained', () => {
    const answer = reply('kubectl get pods | grep web');
    expect(answer.summary).toBe(t('ja', 'explain.summaryPartial', { parts: 6, unexplained: 5 }));
    const [problems] = blocksOf(answer.blocks, 'warning');
    expect(problems?.heading).toBe(t('ja', 'explain.unexplainedHeading'));
    expect(problems?.text).toContain(t('ja', 'explain.problem.unknownCommand', { command: 'kubectl' }));
    expect(problems?.text).toContain(t('ja', 'explain.problem.unknownCommand', { command: 'grep' }));
    expect(problems?.text).not.toContain('`pods`');
  });

  it('adds notes on the input', () => {
    const [note] = blocksOf(reply('virth list').blocks, 'note');
    expect(note?.heading).toBe(t('ja', 'explain.notesHeading'));
    expect(note?.text).toBe(`・${t('ja', 'explain.note.correction', { typed: 'virth list', intended: 'virsh list' })}`);
  });

  it('counts explained parts', () => {
    const answer = reply('docker ps -a');
    expect(answer.summary).toBe(t('ja', 'explain.summaryComplete', { parts: 2 }));
    expect(answer.footer).toBe(t('ja', 'explain.footer', { explained: 2, total: 2 }));
    expect(answer.tone).toBe('info');
    expect(answer.ephemeral).toBe(false);
  });

  it('lists at most the first parts', () => {
    const answer = reply(`docker run ${'-d '.repeat(60)}ubuntu`);
    const [list] = blocksOf(answer.blocks, 'list');
    expect(list?.items).toHaveLength(MAX_LISTED_PARTS);
    expect(blocksOf(answer.blocks, 'text')[0]?.text).toBe(t('ja', 'explain.moreParts', { count: 62 - MAX_LISTED_PARTS }));
  });

  it('keeps a backquote from ending inline code', () => {
    const [list] = blocksOf(reply('echo `date`').blocks, 'list');
    expect(list?.items[1]?.startsWith('`ˋdateˋ`')).toBe(true);
  });

  it('answers in English', () => {
    const answer = reply('docker rm -f web', 'en');
    expect(answer.title).toBe(t('en', 'explain.title'));
    expect(blocksOf(answer.blocks, 'list')[0]?.items[0]).toBe(`\`docker rm\`: ${entry('docker-rm').summary.en}`);
    expect(answer.actions.flat()[0]?.label).toBe(entry('docker-rm').title_en ?? entry('docker-rm').title);
  });
});
