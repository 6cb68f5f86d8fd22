import { expect } from 'vitest';

// Reads Block Kit messages in tests and checks them against Slack's published limits, written out
// here rather than imported so that a wrong constant in the renderer is caught.

export interface TextObject {
  type: string;
  text: string;
}

export interface AnyBlock {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: { type: string; text?: TextObject | string; action_id?: string; value?: string; style?: string }[];
}

export interface SlackMessageBody {
  text?: string;
  blocks?: AnyBlock[];
  response_type?: string;
  replace_original?: boolean;
}

export function blocksOf(message: SlackMessageBody): AnyBlock[] {
  return message.blocks ?? [];
}

export function headerText(message: SlackMessageBody): string | undefined {
  return blocksOf(message).find((block) => block.type === 'header')?.text?.text;
}

export function buttons(message: SlackMessageBody): { action_id: string; value?: string; label: string }[] {
  return blocksOf(message)
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .map((element) => ({ action_id: element.action_id ?? '', value: element.value, label: typeof element.text === 'object' ? element.text.text : '' }));
}

/** Collects every string the user can read in a message: fallback text, block texts, fields and button labels. */
export function visibleTexts(message: SlackMessageBody): string[] {
  const texts: string[] = message.text ? [message.text] : [];
  for (const block of blocksOf(message)) {
    if (block.text) texts.push(block.text.text);
    for (const field of block.fields ?? []) texts.push(field.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === 'string') texts.push(element.text);
      else if (element.text) texts.push(element.text.text);
    }
  }
  return texts;
}

/** Asserts Slack's limits: block count, header 150, text 3,000, fields 10 of 2,000, unique action ids, a fallback text. */
export function expectValidMessage(message: SlackMessageBody, maxBlocks = 50): void {
  const blocks = blocksOf(message);
  expect(message.text, 'fallback text').toBeTruthy();
  expect(blocks.length, 'block count').toBeLessThanOrEqual(maxBlocks);

  const actionIds: string[] = [];
  for (const block of blocks) {
    if (block.type === 'header') {
      expect(block.text?.type).toBe('plain_text');
      expect(block.text?.text.length, 'header length').toBeLessThanOrEqual(150);
    }
    if (block.text) {
      expect(block.text.text.length, `${block.type} text length`).toBeLessThanOrEqual(3_000);
      expect(block.text.text.trim(), `${block.type} text is empty`).not.toBe('');
    }
    if (block.fields) {
      expect(block.fields.length, 'fields per section').toBeLessThanOrEqual(10);
      for (const field of block.fields) expect(field.text.length, 'field length').toBeLessThanOrEqual(2_000);
    }
    if (block.type === 'context') expect(block.elements?.length, 'context elements').toBeLessThanOrEqual(10);
    if (block.type === 'actions') {
      expect(block.elements?.length, 'buttons per actions block').toBeLessThanOrEqual(25);
      for (const element of block.elements ?? []) {
        actionIds.push(element.action_id ?? '');
        const label = typeof element.text === 'object' ? element.text.text : '';
        expect(label.length, 'button label length').toBeLessThanOrEqual(75);
        expect(element.value, 'button value').toBe(element.action_id);
      }
    }
  }
  expect(new Set(actionIds).size, 'unique action ids').toBe(actionIds.length);
}
