import { blockedConnections } from '../../support/offline-guard.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escapeText } from '../../../src/adapters/slack/escape.js';
import type { Block } from '../../../src/core/reply.js';
import type { Request } from '../../../src/core/request.js';
import { t } from '../../../src/i18n/index.js';
import { buttons, expectValidMessage, headerText, visibleTexts, type SlackMessageBody } from './block-kit.js';
import { runCommand, startHarness, type Harness } from './harness.js';

// /explain through the real Bolt app: the line from the study notes, split into numbered parts.

const LINE = 'docker run -d -p 5000:5000 -v $(pwd):/app flask_app';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ mode: 'http' });
});

afterAll(async () => {
  await harness?.close();
  expect(blockedConnections).toEqual([]);
});

describe('slack /explain', () => {
  for (const text of [`line:${LINE}`, LINE]) {
    it(`explains "${text.slice(0, 12)}…" part by part`, async () => {
      const spy = vi.spyOn(harness.core, 'handle');
      const { reply } = await runCommand(harness, '/explain', text);
      const request = spy.mock.calls[0]?.[0] as Request | undefined;
      spy.mockRestore();
      expect(request?.options.line).toBe(LINE);

      const expected = await harness.core.handle(request!);
      const code = expected.blocks.find((block): block is Extract<Block, { type: 'code' }> => block.type === 'code');
      const parts = expected.blocks.find((block): block is Extract<Block, { type: 'list' }> => block.type === 'list');
      expect(parts?.items.length).toBeGreaterThanOrEqual(5);

      const message = reply.body as SlackMessageBody;
      expectValidMessage(message);
      expect(message.response_type).toBe('in_channel');
      expect(headerText(message)).toBe(escapeText(t('ja', 'explain.title')));
      const displayed = visibleTexts(message).join('\n');
      expect(displayed).toContain(`\`\`\`\n${escapeText(code?.code ?? 'missing')}\n\`\`\``);
      parts?.items.forEach((item, index) => expect(displayed).toContain(`${index + 1}. ${escapeText(item)}`));
      expect(buttons(message).map((button) => button.action_id)).toEqual(['card:docker-run']);
    });
  }
});
