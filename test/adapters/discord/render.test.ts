import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply, type RenderOptions } from '../../../src/adapters/discord/render.js';
import { entryCard } from '../../../src/core/cards.js';
import { createReply, type Reply } from '../../../src/core/reply.js';
import { t } from '../../../src/i18n/index.js';
import { createTestCore, type TestCore } from './harness.js';
import { hugeReply } from './fixtures.js';
import { customIds, discordLimitViolations, embedText, type SentMessage } from './limits.js';

let test: TestCore;

/** Renders a reply as the JSON that goes over the wire. */
function sent(reply: Reply, options: RenderOptions = {}): SentMessage {
  return JSON.parse(JSON.stringify(renderReply(reply, options))) as SentMessage;
}

beforeAll(async () => {
  test = await createTestCore();
});

afterAll(async () => {
  await test?.close();
});

describe('discord renderer', () => {
  it('fits a 5,000-character reply into Discord limits', () => {
    const payload = sent(hugeReply());

    expect(discordLimitViolations(payload)).toEqual([]);
    expect(embedText(payload)).toContain('…');
    expect(embedText(payload)).toContain(t('ja', 'card.truncated', { id: 'huge-entry' }));
  });

  it('keeps the warning of a cut reply', () => {
    const [embed] = renderReply(hugeReply()).embeds;

    expect(embed?.fields?.some((field) => field.name.startsWith('⚠') && field.value.includes('元に戻せません'))).toBe(true);
  });

  it('keeps every code fence closed', () => {
    const [embed] = renderReply(hugeReply()).embeds;

    for (const text of [embed?.description ?? '', ...(embed?.fields ?? []).map((field) => field.value)]) {
      expect((text.match(/```/g) ?? []).length % 2).toBe(0);
    }
  });

  it('breaks a fence inside code', () => {
    const reply = createReply('en', { title: 'x', blocks: [{ type: 'code', heading: 'Code', code: 'echo ```\nls' }] });
    const [embed] = renderReply(reply).embeds;

    expect(embed?.fields?.[0]?.value.match(/```/g)).toHaveLength(2);
  });

  it('fits every real card in both languages', () => {
    for (const entry of test.knowledge.entries) {
      for (const locale of ['ja', 'en'] as const) {
        const payload = sent(entryCard(entry, test.knowledge, locale));

        expect(discordLimitViolations(payload), `${entry.id} (${locale})`).toEqual([]);
      }
    }
  });

  it('limits buttons to five rows of five', () => {
    const dropped: string[] = [];
    const payload = sent(hugeReply(), { onDroppedAction: (action) => dropped.push(action.id) });

    // The rows of 7 and 25 buttons become rows of 5+2 and 5×5, of which the first 5 rows are kept.
    expect(payload.components).toHaveLength(5);
    expect(customIds(payload)).toHaveLength(22);
    expect(dropped).toHaveLength(10);
  });

  it('drops long and repeated custom ids', () => {
    const reasons: string[] = [];
    const reply = createReply('ja', {
      title: 'x',
      actions: [[{ id: 'card:a', label: 'A' }, { id: 'card:a', label: 'A again' }, { id: `card:${'x'.repeat(100)}`, label: 'long' }]],
    });
    const payload = sent(reply, { onDroppedAction: (_action, reason) => reasons.push(reason) });

    expect(customIds(payload)).toEqual(['card:a']);
    expect(reasons).toHaveLength(2);
  });

  it('puts links together and skips a bad title link', () => {
    const reply = createReply('en', {
      title: 'x',
      url: 'javascript:alert(1)',
      blocks: [
        { type: 'link', label: 'First [docs]', url: 'https://example.org/a' },
        { type: 'link', label: 'Second', url: 'https://example.org/b' },
      ],
    });
    const [embed] = renderReply(reply).embeds;

    expect(embed?.url).toBeUndefined();
    expect(embed?.fields).toEqual([{ name: t('en', 'discord.links'), value: '[First docs](https://example.org/a)\n[Second](https://example.org/b)' }]);
  });

  it('shows Markdown characters as written', () => {
    const reply = createReply('en', { title: 'x', summary: 'Ignore **/__pycache__ and *.pyc', blocks: [{ type: 'text', text: 'Run `docker build -t a_b .`' }] });
    const [embed] = renderReply(reply).embeds;

    expect(embed?.description).toContain('\\*\\*/\\_\\_pycache\\_\\_');
    expect(embed?.description).toContain('`docker build -t a_b .`');
  });

  it('renders an empty reply as a valid embed', () => {
    const payload = sent(createReply('ja'));

    expect(discordLimitViolations(payload)).toEqual([]);
  });

  it('colors an error reply red', () => {
    const [embed] = renderReply(createReply('ja', { title: 'x', tone: 'error' })).embeds;

    expect(embed?.color).toBe(0xed4245);
  });
});
