import type { Locale } from '../i18n/index.js';

/** A block of a reply's body. Renderers map each type to their platform's closest element. */
export type Block =
  | { type: 'text'; text: string; heading?: string }
  | { type: 'code'; code: string; heading?: string }
  | { type: 'fields'; fields: Field[]; heading?: string }
  | { type: 'list'; items: string[]; heading?: string; ordered?: boolean }
  | { type: 'warning'; text: string; heading?: string }
  | { type: 'note'; text: string; heading?: string }
  | { type: 'link'; label: string; url: string };

export interface Field {
  name: string;
  value: string;
}

export type ActionStyle = 'primary' | 'secondary' | 'danger' | 'success';

/**
 * A button. `id` is a short action id that the adapter sends back to the core when the button is
 * clicked, such as `card:docker-run`; it stays under 100 characters, so larger state lives in the store.
 */
export interface Action {
  id: string;
  label: string;
  style?: ActionStyle;
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** The platform-neutral answer of a core command. */
export interface Reply {
  locale: Locale;
  /** Title of a card or message, plain text. */
  title?: string;
  /** Link of the title, such as the entry's official reference. */
  url?: string;
  /** Short lead text shown under the title. */
  summary?: string;
  blocks: Block[];
  /** Rows of buttons; each row holds at most 5 buttons. */
  actions: Action[][];
  footer?: string;
  /** True when only the requester should see the reply. */
  ephemeral: boolean;
  tone: Tone;
  /** Id of the knowledge entry a card shows, for renderers that link or log it. */
  entryId?: string;
}

/** Creates a reply with empty blocks and actions, public and informational unless `fields` say otherwise. */
export function createReply(locale: Locale, fields: Partial<Reply> = {}): Reply {
  return { locale, blocks: [], actions: [], ephemeral: false, tone: 'info', ...fields };
}

/** Splits buttons into rows of at most `perRow`, the limit both Discord and Slack share. */
export function toRows(actions: Action[], perRow = 5): Action[][] {
  const rows: Action[][] = [];
  for (let start = 0; start < actions.length; start += perRow) rows.push(actions.slice(start, start + perRow));
  return rows;
}
