// Slack escapes `&`, `<` and `>` in the text it sends and reads `<...>` in the text it receives as
// markup: `<!channel>` notifies a whole channel and `<@U123>` a user. Incoming text is turned back
// into what the user typed before it reaches the core, and every outgoing string is escaped, so text
// echoed from a user (or from anywhere else) can never notify anyone.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const UNESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/** Escapes `&`, `<` and `>` for a Slack text object, mrkdwn or plain_text. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (character) => ESCAPES[character] ?? character);
}

/** Turns `&amp;`, `&lt;` and `&gt;` back into `&`, `<` and `>`, in one pass so `&amp;lt;` becomes `&lt;`. */
export function unescapeText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (whole, name: string) => UNESCAPES[name] ?? whole);
}

/**
 * Rewrites one `<...>` markup as Slack displays it: `<@U1|ann>` as `@ann`, `<!here>` as `@here`,
 * `<#C1|general>` as `#general`, `<https://x|label>` as `label` and a bare link as its address.
 */
function markupAsText(inner: string): string {
  const separator = inner.indexOf('|');
  const target = separator === -1 ? inner : inner.slice(0, separator);
  const label = separator === -1 ? undefined : inner.slice(separator + 1);

  if (target.startsWith('@')) return label === undefined ? target : `@${label.replace(/^@/, '')}`;
  if (target.startsWith('#')) return label === undefined ? target : `#${label.replace(/^#/, '')}`;
  if (target.startsWith('!')) {
    if (label !== undefined) return label;
    const name = target.slice(1).split('^')[0] ?? '';
    return `@${name}`;
  }
  return label ?? target;
}

/**
 * Converts the text of a slash command, mention or message into what the user typed: Slack markup
 * becomes readable text and escaped characters are restored, so `grep x &amp;&amp; echo` is searched
 * as `grep x && echo`.
 */
export function incomingText(text: string): string {
  return unescapeText(text.replace(/<([^<>]*)>/g, (_whole, inner: string) => markupAsText(inner)));
}

/** Removes every mention of the bot user, in both the `<@U1>` and the `<@U1|name>` form. */
export function stripMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text;
  return text.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
