import type { types } from '@slack/bolt';
import type { Action, Field } from '../../core/reply.js';
import { escapeText } from './escape.js';
import { SLACK_LIMITS, fitText, splitText } from './limits.js';

// Builders of single Block Kit blocks. Each takes raw text, escapes it and keeps within Slack's
// limits, splitting long text over several blocks; the renderer decides how many blocks fit.

export type SlackBlock = types.KnownBlock;

const FENCE = '```';

/**
 * Builds a mrkdwn text object. `verbatim` stops Slack from turning names such as `@here` or `#general` in
 * our text into live mentions and links; explicit `<url|label>` links still work.
 */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function plainText(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function headingLine(heading: string | undefined): string {
  return heading ? `*${escapeText(heading)}*\n` : '';
}

export function headerBlock(title: string): types.HeaderBlock {
  return { type: 'header', text: plainText(fitText(escapeText(title), SLACK_LIMITS.headerText)) };
}

/** One section with text cut to fit, for text that must stay in one block, such as a summary. */
export function singleSection(text: string): types.SectionBlock {
  return section(fitText(escapeText(text), SLACK_LIMITS.sectionText));
}

/** Sections of text under an optional bold heading, split at line ends to fit. */
export function textSections(text: string, heading?: string, prefix = ''): types.SectionBlock[] {
  const lead = prefix + headingLine(heading);
  const pieces = splitText(escapeText(text.trimEnd()), SLACK_LIMITS.sectionText - lead.length);
  return pieces.map((piece, index) => section(index === 0 ? lead + piece : piece));
}

/** Sections of a code block; each piece gets its own fence so a split block still renders as code. */
export function codeSections(code: string, heading?: string): types.SectionBlock[] {
  const lead = headingLine(heading);
  // A fence inside the code would end the block early; a zero-width space keeps the backticks visible.
  const body = escapeText(code.trimEnd()).replaceAll(FENCE, '``\u200b`');
  const overhead = lead.length + `${FENCE}\n\n${FENCE}`.length;
  const pieces = splitText(body, SLACK_LIMITS.sectionText - overhead);
  return pieces.map((piece, index) => section(`${index === 0 ? lead : ''}${FENCE}\n${piece}\n${FENCE}`));
}

/** Sections of at most 10 fields each, the heading on the first. */
export function fieldSections(fields: readonly Field[], heading?: string): types.SectionBlock[] {
  const texts = fields.map((field) => {
    const name = `*${escapeText(field.name)}*`;
    const text = field.value.trim() === '' ? name : `${name}\n${escapeText(field.value)}`;
    return mrkdwn(fitText(text, SLACK_LIMITS.fieldText));
  });

  const blocks: types.SectionBlock[] = [];
  for (let start = 0; start < texts.length; start += SLACK_LIMITS.fieldsPerSection) {
    const block: types.SectionBlock = { type: 'section', fields: texts.slice(start, start + SLACK_LIMITS.fieldsPerSection) };
    if (start === 0 && heading) block.text = mrkdwn(`*${escapeText(heading)}*`);
    blocks.push(block);
  }
  return blocks;
}

export function listSections(items: readonly string[], ordered: boolean, heading?: string): types.SectionBlock[] {
  const lines = items.map((item, index) => `${ordered ? `${index + 1}.` : '•'} ${item}`);
  return textSections(lines.join('\n'), heading);
}

/** Context blocks (small print), such as a warning or a footer, split to fit. */
export function contextBlocks(text: string, heading?: string, prefix = ''): types.ContextBlock[] {
  const lead = prefix + (heading ? `*${escapeText(heading)}* ` : '');
  const pieces = splitText(escapeText(text.trim()), SLACK_LIMITS.sectionText - lead.length);
  return pieces.map((piece, index) => ({ type: 'context', elements: [mrkdwn(index === 0 ? lead + piece : piece)] }));
}

/** Writes a link in mrkdwn; an address that is not http(s) is shown as its label only. */
function linkText(label: string, url: string): string {
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return escapeText(label);
  return `<${escapeText(url)}|${escapeText(label).replaceAll('|', '¦')}>`;
}

/** Builds sections listing links, one per line, under a heading. */
export function linkSections(links: readonly { label: string; url: string }[], heading: string): types.SectionBlock[] {
  const lines = links.map((link) => `• ${linkText(link.label, link.url)}`);
  const lead = headingLine(heading);
  return splitText(lines.join('\n'), SLACK_LIMITS.sectionText - lead.length).map((piece, index) => section(index === 0 ? lead + piece : piece));
}

function button(action: Action): types.Button {
  const element: types.Button = {
    type: 'button',
    action_id: action.id,
    value: action.id,
    text: plainText(fitText(escapeText(action.label), SLACK_LIMITS.buttonText)),
  };
  if (action.style === 'danger') element.style = 'danger';
  if (action.style === 'primary' || action.style === 'success') element.style = 'primary';
  return element;
}

/**
 * Builds one actions block per row of buttons. The action id is the core's action id, so a click routes
 * back unchanged. Slack rejects a message whose action ids repeat, so a repeated id keeps only its
 * first button; both buttons would do the same thing.
 */
export function actionBlocks(rows: readonly (readonly Action[])[]): types.ActionsBlock[] {
  const seen = new Set<string>();
  const blocks: types.ActionsBlock[] = [];
  for (const row of rows) {
    const buttons = row
      .filter((action) => {
        const usable = action.id !== '' && action.id.length <= SLACK_LIMITS.actionId && !seen.has(action.id);
        seen.add(action.id);
        return usable;
      })
      .slice(0, SLACK_LIMITS.buttonsPerActionsBlock)
      .map(button);
    if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  }
  return blocks;
}
