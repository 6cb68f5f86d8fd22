import type { Block, Reply } from '../../core/reply.js';
import { t } from '../../i18n/index.js';
import {
  actionBlocks,
  codeSections,
  contextBlocks,
  fieldSections,
  headerBlock,
  linkSections,
  listSections,
  singleSection,
  textSections,
  type SlackBlock,
} from './blocks.js';
import { escapeText } from './escape.js';
import { SLACK_LIMITS, fitText } from './limits.js';

/** A reply as Slack takes it: Block Kit blocks and the plain `text` used in notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Most blocks the surface takes: 50 for a message, 100 for App Home. */
  maxBlocks?: number;
}

type LinkBlock = Extract<Block, { type: 'link' }>;

function renderBlock(block: Exclude<Block, LinkBlock>): SlackBlock[] {
  switch (block.type) {
    case 'text':
      return textSections(block.text, block.heading);
    case 'code':
      return codeSections(block.code, block.heading);
    case 'fields':
      return fieldSections(block.fields, block.heading);
    case 'list':
      return listSections(block.items, block.ordered === true, block.heading);
    case 'warning':
      return contextBlocks(block.text, block.heading, ':warning: ');
    case 'note':
      return textSections(block.text, block.heading, ':bulb: ');
  }
}

/** Renders the body in order; consecutive links share one section under the references heading. */
function bodyBlocks(reply: Reply): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let links: LinkBlock[] = [];
  const flushLinks = (): void => {
    if (links.length > 0) blocks.push(...linkSections(links, t(reply.locale, 'card.references')));
    links = [];
  };

  for (const block of reply.blocks) {
    if (block.type === 'link') {
      links.push(block);
      continue;
    }
    flushLinks();
    blocks.push(...renderBlock(block));
  }
  flushLinks();
  return blocks;
}

function headBlocks(reply: Reply): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  if (reply.title) blocks.push(headerBlock(reply.title));
  if (reply.summary) blocks.push(singleSection(reply.summary));

  const linked = reply.blocks.some((block) => block.type === 'link' && block.url === reply.url);
  if (reply.url && !linked) blocks.push(...linkSections([{ label: reply.title ?? reply.url, url: reply.url }], t(reply.locale, 'card.references')));
  return blocks;
}

/** Builds the notification text: title and summary, or the first text, escaped and cut to fit. */
function fallbackText(reply: Reply): string {
  const firstText = reply.blocks.find((block) => block.type === 'text');
  const parts = [reply.title, reply.summary].filter((part): part is string => part !== undefined && part.trim() !== '');
  const text = parts.length > 0 ? parts.join('\n') : (firstText?.text ?? t(reply.locale, 'slack.fallback'));
  return fitText(escapeText(text), SLACK_LIMITS.fallbackText);
}

/**
 * Renders a neutral reply as Block Kit. When the blocks do not fit, the body is cut and a "…" notice
 * points to the full entry. The title, summary, buttons and footer are always kept.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const maxBlocks = options.maxBlocks ?? SLACK_LIMITS.messageBlocks;
  const head = headBlocks(reply);
  const body = bodyBlocks(reply);
  const tail: SlackBlock[] = [...actionBlocks(reply.actions)];
  if (reply.footer) tail.push(...contextBlocks(reply.footer).slice(0, 1));

  const all = [...head, ...body, ...tail];
  if (all.length <= maxBlocks) return { text: fallbackText(reply), blocks: all };

  const notice = reply.entryId ? t(reply.locale, 'card.truncated', { id: reply.entryId }) : t(reply.locale, 'slack.truncated');
  const room = Math.max(0, maxBlocks - head.length - tail.length - 1);
  const blocks = [...head, ...body.slice(0, room), ...contextBlocks(notice).slice(0, 1), ...tail].slice(0, maxBlocks);
  return { text: fallbackText(reply), blocks };
}
