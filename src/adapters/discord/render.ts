import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Action, Block, Reply, Tone } from '../../core/reply.js';
import { t } from '../../i18n/index.js';
import { codeLines, cutLines, packLines, plain, proseLines, renderLines, type Line } from './layout.js';
import { renderButtons } from './buttons.js';
import { cut, LIMITS, type MessagePayload } from './platform.js';

// Renders a neutral Reply as one Discord embed with rows of buttons. Prose and lists go to the
// description, everything else to fields (warnings first), and the whole is cut to Discord's limits.

const TONE_COLORS: Record<Tone, number> = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
};

/** Name of a field that continues the one before it. Discord requires a name, and this one shows blank. */
const CONTINUED = '\u200b';

interface Section {
  name: string;
  lines: Line[];
}

/** A piece cut shorter than this many characters besides the pointer is dropped, since so little text is not worth a field. */
const MIN_CUT_ROOM = 40;

/** A piece of the embed before the budget is applied: the description (no name) or one field. */
interface Piece {
  name?: string;
  lines: Line[];
  /** The lines rendered, already within `limit`. */
  value: string;
  limit: number;
}

export interface RenderOptions {
  /** Called for a button that cannot be sent, such as one whose action id is too long. */
  onDroppedAction?: (action: Action, reason: string) => void;
}

function heading(text: string): Line {
  return { kind: 'text', text: `**${plain(text)}**` };
}

function linkLine(label: string, url: string): Line {
  const safeLabel = plain(label.replace(/[[\]]/g, ''));
  const safeUrl = url.replaceAll(')', '%29');
  return { kind: 'text', text: safeLabel ? `[${safeLabel}](${safeUrl})` : `<${safeUrl}>` };
}

/** Sorts blocks into the description and named sections, keeping their order within each. */
function collect(reply: Reply): { description: Line[]; warnings: Section[]; sections: Section[] } {
  const description: Line[] = reply.summary ? proseLines(reply.summary) : [];
  const warnings: Section[] = [];
  const sections: Section[] = [];
  let links: Section | undefined;
  let last: Line[] = description;

  const toDescription = (block: Block & { heading?: string }, lines: Line[]): void => {
    if (description.length > 0) description.push({ kind: 'text', text: '' });
    if (block.heading) description.push(heading(block.heading));
    description.push(...lines);
    last = description;
  };
  const toSection = (target: Section[], name: string, lines: Line[]): void => {
    // Consecutive blocks under one heading, such as two misconceptions, share a field.
    const previous = target.at(-1);
    if (previous && previous.name === name && previous.lines === last) {
      previous.lines.push({ kind: 'text', text: '' }, ...lines);
      return;
    }
    target.push({ name, lines });
    last = lines;
  };

  for (const block of reply.blocks) {
    switch (block.type) {
      case 'text':
        toDescription(block, proseLines(block.text));
        break;
      case 'list':
        toDescription(block, block.items.map((item, index) => ({ kind: 'text', text: `${block.ordered ? `${index + 1}.` : '・'} ${plain(item)}` })));
        break;
      case 'code':
        // A code block without a heading belongs to the block before it, such as a recipe step's command.
        if (block.heading) toSection(sections, block.heading, codeLines(block.code));
        else last.push(...codeLines(block.code));
        break;
      case 'fields':
        toSection(sections, block.heading ?? CONTINUED, block.fields.map((field) => ({ kind: 'text', text: `**${plain(field.name)}**: ${plain(field.value)}` })));
        break;
      case 'warning':
        toSection(warnings, `⚠ ${block.heading ?? t(reply.locale, 'discord.warning')}`, proseLines(block.text));
        break;
      case 'note':
        toSection(sections, block.heading ? `※ ${block.heading}` : '※', proseLines(block.text));
        break;
      case 'link':
        if (!links) {
          links = { name: t(reply.locale, 'discord.links'), lines: [] };
          sections.push(links);
        }
        links.lines.push(linkLine(block.label, block.url));
        break;
    }
  }
  return { description, warnings, sections };
}

/** Lays out the description (cut at its own limit) and the fields: warnings first, then the rest in order. */
function pieces(reply: Reply, pointer: string): Piece[] {
  const { description, warnings, sections } = collect(reply);
  const result: Piece[] = [];
  if (description.length > 0) {
    const whole = renderLines(description);
    const value = whole.length <= LIMITS.embedDescription ? whole : cutLines(description, LIMITS.embedDescription, pointer);
    result.push({ lines: description, value, limit: LIMITS.embedDescription });
  }
  for (const section of [...warnings, ...sections]) {
    packLines(section.lines, LIMITS.fieldValue).forEach((lines, index) => {
      const name = index === 0 ? cut(section.name, LIMITS.fieldName) : CONTINUED;
      result.push({ name, lines, value: renderLines(lines), limit: LIMITS.fieldValue });
    });
  }
  return result;
}

function size(piece: Piece): number {
  return (piece.name?.length ?? 0) + piece.value.length;
}

/**
 * Keeps pieces in order while they fit `budget` characters and the field count, cutting the first
 * piece that does not fit and ending the shown text with `pointer`.
 */
function fit(all: Piece[], budget: number, pointer: string): { name?: string; value: string }[] {
  const fieldCount = all.filter((piece) => piece.name !== undefined).length;
  const total = all.reduce((sum, piece) => sum + size(piece), 0);
  if (total <= budget && fieldCount <= LIMITS.fields) return all.map(({ name, value }) => ({ name, value }));

  // The pointer's own line is reserved up front, so adding it never breaks the budget.
  let left = budget - pointer.length - 1;
  let fields = 0;
  const shown: { piece: Piece; value: string }[] = [];
  for (const [index, piece] of all.entries()) {
    const isField = piece.name !== undefined;
    const lastFieldSlot = isField && fields === LIMITS.fields - 1 && index < all.length - 1;
    if (size(piece) <= left && !lastFieldSlot) {
      shown.push({ piece, value: piece.value });
      left -= size(piece);
      if (isField) fields++;
      continue;
    }

    const room = Math.min(piece.limit, left + pointer.length + 1 - (piece.name?.length ?? 0));
    if (room >= pointer.length + MIN_CUT_ROOM) {
      shown.push({ piece, value: cutLines(piece.lines, room, pointer) });
      break;
    }
    const previous = shown.at(-1);
    if (previous) previous.value = cutLines(previous.piece.lines, Math.min(previous.piece.limit, previous.value.length + pointer.length + 1), pointer);
    else shown.push({ piece: { lines: [], value: pointer, limit: LIMITS.embedDescription }, value: pointer });
    break;
  }
  return shown.map(({ piece, value }) => ({ name: piece.name, value }));
}

function renderEmbed(reply: Reply): APIEmbed {
  const title = reply.title ? cut(reply.title, LIMITS.embedTitle) : undefined;
  const footer = reply.footer ? cut(reply.footer, LIMITS.footer) : undefined;
  const pointer = reply.entryId ? t(reply.locale, 'card.truncated', { id: reply.entryId }) : t(reply.locale, 'discord.truncated');
  const budget = LIMITS.embedsTotal - (title?.length ?? 0) - (footer?.length ?? 0);

  const parts = fit(pieces(reply, pointer), budget, pointer);
  const description = parts.find((part) => part.name === undefined)?.value;
  const fields: APIEmbedField[] = parts.filter((part): part is { name: string; value: string } => part.name !== undefined && part.value !== '');

  const embed: APIEmbed = { color: TONE_COLORS[reply.tone], fields };
  if (title) embed.title = title;
  if (reply.url && isWebUrl(reply.url)) embed.url = reply.url;
  if (description) embed.description = description;
  if (footer) embed.footer = { text: footer };
  // Discord rejects an embed with no text at all.
  if (!title && !description && fields.length === 0) embed.description = CONTINUED;
  return embed;
}

function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const protocol = new URL(text).protocol;
  return protocol === 'https:' || protocol === 'http:';
}

/** Renders a reply as a message Discord accepts whatever the reply's size. */
export function renderReply(reply: Reply, options: RenderOptions = {}): MessagePayload {
  return { embeds: [renderEmbed(reply)], components: renderButtons(reply.actions, options.onDroppedAction) };
}
