// Slack's size limits, from the Block Kit reference (docs.slack.dev/reference/block-kit). The renderer
// and the tests read them from here, so a changed limit is changed once.

export const SLACK_LIMITS = {
  /** Characters of a header block's plain text. */
  headerText: 150,
  /** Characters of a section's text, of a context element and of any other text object. */
  sectionText: 3_000,
  /** Characters of one section field. */
  fieldText: 2_000,
  fieldsPerSection: 10,
  contextElements: 10,
  /** Characters of a button's label. */
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  buttonsPerActionsBlock: 25,
  /** Blocks of a message, a response_url reply or an ephemeral message. */
  messageBlocks: 50,
  /** Blocks of an App Home view or a modal. */
  homeBlocks: 100,
  /**
   * Characters of a message's top-level `text`, shown in notifications. Slack truncates longer text
   * at 4,000 characters; ours stays well below that.
   */
  fallbackText: 3_000,
} as const;

export const ELLIPSIS = '…';

const ENTITY_MAX_LENGTH = '&amp;'.length;

/**
 * Returns the end index at most `end` that does not split a surrogate pair or an entity such as
 * `&amp;`. The text must already be escaped, so every `&` starts an entity.
 */
function safeEnd(text: string, end: number): number {
  if (end >= text.length) return text.length;

  let cut = Math.max(0, end);
  const code = text.charCodeAt(cut);
  if (cut > 0 && code >= 0xdc00 && code <= 0xdfff) cut -= 1;

  const ampersand = text.lastIndexOf('&', cut - 1);
  if (ampersand !== -1 && cut - ampersand < ENTITY_MAX_LENGTH) {
    const semicolon = text.indexOf(';', ampersand);
    if (semicolon === -1 || semicolon >= cut) cut = ampersand;
  }
  return cut;
}

/** Cuts escaped text to at most `max` characters, ending with "…" when something was cut. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, safeEnd(text, max - ELLIPSIS.length)) + ELLIPSIS;
}

/**
 * Splits escaped text into pieces of at most `max` characters, at line ends where it can and inside
 * a line only when the line alone is too long. Joining the pieces with newlines restores the text,
 * except that a line split in the middle gains a newline.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current !== '') pieces.push(current);
    current = '';
  };

  for (const line of text.split('\n')) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }

    flush();
    let rest = line;
    while (rest.length > max) {
      const end = safeEnd(rest, max);
      pieces.push(rest.slice(0, end));
      rest = rest.slice(end);
    }
    current = rest;
  }
  flush();
  return pieces;
}
