import { CARD_ACTION, entryTitle, localized } from '../core/cards.js';
import { createReply, toRows, type Action, type Block, type Reply } from '../core/reply.js';
import { t } from '../i18n/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Entry } from '../knowledge/schema.js';
import { markedLine } from './markers.js';
import type { Explanation, Part } from './types.js';

/** Maximum number of parts listed in a reply; the rest are counted. Each takes a line or two, and chat messages are short. */
export const MAX_LISTED_PARTS = 40;
/** Maximum number of problems repeated in the "not explained" block. */
const MAX_LISTED_PROBLEMS = 10;
/** Maximum number of card buttons: two rows of five. */
const MAX_CARD_BUTTONS = 10;
/** Maximum length of a part's text in the list; a 2,000-character word would crowd out everything else. */
const MAX_PART_TEXT = 80;

function shorten(text: string, max = MAX_PART_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Formats user text as inline code; a backquote inside would end the span, so it is shown as ˋ. */
function inlineCode(text: string): string {
  return `\`${shorten(text).replace(/`/g, 'ˋ').replace(/\n/g, '↵')}\``;
}

function partItem(part: Part): string {
  const pieces = [part.meaning, part.problem ? `⚠ ${part.problem.text}` : undefined].filter((piece): piece is string => piece !== undefined);
  return `${inlineCode(part.text)}: ${pieces.join(' ')}`;
}

function matchedEntries(explanation: Explanation, knowledge: KnowledgeBase): Entry[] {
  const ids = [...new Set(explanation.commands.map((command) => command.entryId))];
  return ids.map((id) => knowledge.lookup(id)).filter((entry): entry is Entry => entry !== undefined);
}

function problemBlock(explanation: Explanation): Block | undefined {
  // Words after an unknown command repeat its problem, so only the command itself is listed.
  const problems = explanation.parts.filter((part) => part.problem && part.problem.code !== 'argument-of-unknown');
  if (problems.length === 0) return undefined;

  const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((part) => `・${inlineCode(part.text)}: ${part.problem!.text}`);
  if (problems.length > MAX_LISTED_PROBLEMS) lines.push(t(explanation.locale, 'explain.moreUnexplained', { count: problems.length - MAX_LISTED_PROBLEMS }));
  return { type: 'warning', heading: t(explanation.locale, 'explain.unexplainedHeading'), text: lines.join('\n') };
}

/**
 * Builds the reply to /explain: the line with numbered parts in a code block, one list item per part,
 * what could not be explained, notes on the input, each command's warnings and a card button per command.
 */
export function explanationReply(explanation: Explanation, knowledge: KnowledgeBase): Reply {
  const { locale, parts } = explanation;
  const listed = parts.slice(0, MAX_LISTED_PARTS).map((part) => ({ ...part, text: shorten(part.text) }));
  const unexplained = parts.filter((part) => part.problem !== undefined).length;
  const entries = matchedEntries(explanation, knowledge);

  const blocks: Block[] = [{ type: 'code', code: markedLine(listed) + (listed.length < parts.length ? '\n…' : '') }];
  blocks.push({ type: 'list', ordered: true, heading: t(locale, 'explain.partsHeading'), items: listed.map(partItem) });
  if (listed.length < parts.length) blocks.push({ type: 'text', text: t(locale, 'explain.moreParts', { count: parts.length - listed.length }) });

  const problems = problemBlock(explanation);
  if (problems) blocks.push(problems);
  if (explanation.notes.length > 0) {
    blocks.push({ type: 'note', heading: t(locale, 'explain.notesHeading'), text: explanation.notes.map((note) => `・${note.text}`).join('\n') });
  }
  for (const entry of entries) {
    for (const warning of entry.warnings) blocks.push({ type: 'warning', heading: t(locale, 'explain.warningHeading', { title: entryTitle(entry, locale) }), text: localized(warning, locale) });
  }

  const actions: Action[] = entries.slice(0, MAX_CARD_BUTTONS).map((entry) => ({ id: `${CARD_ACTION}:${entry.id}`, label: entryTitle(entry, locale), style: 'secondary' }));
  const warned = entries.some((entry) => entry.warnings.length > 0);
  return createReply(locale, {
    title: t(locale, 'explain.title'),
    summary: unexplained === 0 ? t(locale, 'explain.summaryComplete', { parts: parts.length }) : t(locale, 'explain.summaryPartial', { parts: parts.length, unexplained }),
    blocks,
    actions: toRows(actions),
    footer: t(locale, 'explain.footer', { explained: parts.length - unexplained, total: parts.length }),
    tone: unexplained > 0 || warned ? 'warning' : 'info',
  });
}
