import type { Action, Block, Reply } from '../../core/reply.js';

/** ANSI styles, used only when the output is a terminal. */
const STYLES = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  red: ['\u001b[31m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
} as const;

type Style = keyof typeof STYLES;

export interface RenderOptions {
  color: boolean;
}

function paint(text: string, style: Style, options: RenderOptions): string {
  if (!options.color) return text;
  const [open, close] = STYLES[style];
  return `${open}${text}${close}`;
}

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}

function renderBlock(block: Block, options: RenderOptions): string {
  const heading = 'heading' in block && block.heading ? `${paint(block.heading, 'bold', options)}\n` : '';
  switch (block.type) {
    case 'text':
      return heading + indent(block.text.trimEnd());
    case 'code':
      return heading + indent(paint(block.code.trimEnd(), 'cyan', options), '    ');
    case 'fields':
      return heading + block.fields.map((field) => `  ${paint(field.name, 'cyan', options)}\n${indent(field.value, '      ')}`).join('\n');
    case 'list':
      return heading + block.items.map((item, index) => `  ${block.ordered ? `${index + 1}.` : '・'} ${item}`).join('\n');
    case 'warning':
      return paint(`⚠ ${block.heading ?? ''}`.trimEnd(), 'yellow', options) + '\n' + indent(block.text.trimEnd());
    case 'note':
      return paint(`※ ${block.heading ?? ''}`.trimEnd(), 'bold', options) + '\n' + indent(block.text.trimEnd());
    case 'link':
      return `  ${block.label}: ${paint(block.url, 'dim', options)}`;
  }
}

/** Numbers every button of a reply in reading order, starting at 1, as the shell offers them. */
export function numberedActions(reply: Reply): Action[] {
  return reply.actions.flat();
}

/** Renders a reply as terminal text: title, summary, blocks, numbered buttons and footer. */
export function renderReply(reply: Reply, options: RenderOptions): string {
  const parts: string[] = [];
  const titleStyle: Style = reply.tone === 'error' ? 'red' : reply.tone === 'warning' ? 'yellow' : reply.tone === 'success' ? 'green' : 'bold';
  if (reply.title) parts.push(paint(`■ ${reply.title}`, titleStyle, options));
  if (reply.summary) parts.push(reply.summary);
  for (const block of reply.blocks) parts.push(renderBlock(block, options));

  const actions = numberedActions(reply);
  if (actions.length > 0) {
    const choices = actions.map((action, index) => `[${index + 1}] ${action.label}`).join('  ');
    parts.push(paint(choices, 'cyan', options));
  }
  if (reply.footer) parts.push(paint(reply.footer, 'dim', options));
  return `${parts.join('\n\n')}\n`;
}
