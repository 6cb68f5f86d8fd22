import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/adapters/slack/render.js';
import { createReply, type Reply } from '../../../src/core/reply.js';
import { t } from '../../../src/i18n/index.js';
import { blocksOf, buttons, expectValidMessage, headerText, visibleTexts, type SlackMessageBody } from './block-kit.js';

function render(reply: Reply, maxBlocks?: number): SlackMessageBody {
  return renderReply(reply, maxBlocks === undefined ? {} : { maxBlocks }) as unknown as SlackMessageBody;
}

describe('slack renderer', () => {
  it('renders every block type', () => {
    const reply = createReply('ja', {
      title: 'docker run',
      summary: '概要',
      blocks: [
        { type: 'code', heading: '構文', code: 'docker run IMAGE' },
        { type: 'text', heading: '説明', text: '本文' },
        { type: 'fields', heading: 'オプション', fields: [{ name: '-d', value: 'バックグラウンド' }] },
        { type: 'list', items: ['一', '二'], ordered: true },
        { type: 'warning', heading: '注意', text: '消えます' },
        { type: 'note', heading: '誤解', text: 'そうではない' },
        { type: 'link', label: 'Docs', url: 'https://docs.docker.com/reference/cli/docker/container/run/' },
        { type: 'link', label: 'More & more', url: 'https://example.com/?a=1&b=2' },
      ],
      actions: [[{ id: 'card:docker-ps', label: 'docker ps', style: 'secondary' }]],
      footer: 'ID: docker-run',
    });
    const message = render(reply);
    const types = blocksOf(message).map((block) => block.type);
    expect(types).toEqual(['header', 'section', 'section', 'section', 'section', 'section', 'context', 'section', 'section', 'actions', 'context']);

    const texts = visibleTexts(message);
    expect(texts).toContain('*構文*\n```\ndocker run IMAGE\n```');
    expect(texts).toContain('1. 一\n2. 二');
    expect(texts).toContain(':warning: *注意* 消えます');
    expect(texts).toContain(
      `*${t('ja', 'card.references')}*\n• <https://docs.docker.com/reference/cli/docker/container/run/|Docs>\n• <https://example.com/?a=1&amp;b=2|More &amp; more>`,
    );
    expect(message.text).toBe('docker run\n概要');
    expect(buttons(message)).toEqual([{ action_id: 'card:docker-ps', value: 'card:docker-ps', label: 'docker ps' }]);
    expectValidMessage(message);
  });

  it('escapes every text it renders', () => {
    const hostile = '<!channel> & <@U1>';
    const reply = createReply('ja', {
      title: hostile,
      summary: hostile,
      blocks: [
        { type: 'text', heading: hostile, text: hostile },
        { type: 'code', code: hostile },
        { type: 'fields', fields: [{ name: hostile, value: hostile }] },
        { type: 'list', items: [hostile] },
        { type: 'warning', text: hostile },
        { type: 'link', label: hostile, url: 'javascript:alert(1)' },
      ],
      actions: [[{ id: 'card:x', label: hostile }]],
      footer: hostile,
    });
    for (const text of visibleTexts(render(reply))) {
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toContain('javascript:');
    }
  });

  it('splits long text and code over sections', () => {
    const line = 'あ'.repeat(100);
    const reply = createReply('ja', {
      blocks: [
        { type: 'text', text: Array.from({ length: 80 }, () => line).join('\n') },
        { type: 'code', code: Array.from({ length: 80 }, () => line).join('\n') },
      ],
    });
    const message = render(reply);
    expectValidMessage(message);
    const sections = blocksOf(message).filter((block) => block.type === 'section');
    expect(sections.length).toBe(6);
    for (const section of sections.slice(3)) expect(section.text?.text).toMatch(/^```\n[\s\S]*\n```$/);
  });

  it('puts at most 10 fields in a section', () => {
    const fields = Array.from({ length: 23 }, (_, index) => ({ name: `--flag-${index}`, value: 'x'.repeat(3_000) }));
    const message = render(createReply('ja', { blocks: [{ type: 'fields', heading: 'オプション', fields }] }));
    expectValidMessage(message);
    expect(blocksOf(message).map((block) => block.fields?.length)).toEqual([10, 10, 3]);
  });

  it('cuts the body and keeps buttons when blocks overflow', () => {
    const blocks = Array.from({ length: 120 }, (_, index) => ({ type: 'text' as const, text: `段落 ${index}` }));
    const actions = [[{ id: 'card:a', label: 'A' }], [{ id: 'card:b', label: 'B' }]];
    const reply = createReply('en', { title: 'Long', summary: 'Summary', blocks, actions, footer: 'footer', entryId: 'long-entry' });

    const message = render(reply);
    expect(blocksOf(message)).toHaveLength(50);
    expect(visibleTexts(message)).toContain(t('en', 'card.truncated', { id: 'long-entry' }));
    expect(buttons(message).map((button) => button.action_id)).toEqual(['card:a', 'card:b']);
    expect(blocksOf(message).at(-1)?.type).toBe('context');

    const home = render(reply, 100);
    expect(blocksOf(home)).toHaveLength(100);
  });

  it('keeps one button per repeated action id', () => {
    const reply = createReply('ja', { actions: [[{ id: 'card:a', label: 'A' }, { id: 'card:a', label: 'A again' }], [{ id: 'card:a', label: 'A' }]] });
    expect(buttons(render(reply)).map((button) => button.label)).toEqual(['A']);
  });

  it('cuts a long title and label', () => {
    const reply = createReply('ja', { title: 'T'.repeat(400), actions: [[{ id: 'card:a', label: 'L'.repeat(100) }]] });
    const message = render(reply);
    expect(headerText(message)).toHaveLength(150);
    expect(buttons(message)[0]?.label).toHaveLength(75);
  });

  it('falls back to a catalog text for an empty reply', () => {
    expect(render(createReply('en')).text).toBe(t('en', 'slack.fallback'));
  });
});
