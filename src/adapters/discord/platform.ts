import {
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  MessageFlags,
  RESTJSONErrorCodes,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type InteractionReplyOptions,
  type MessageMentionOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { Reply } from '../../core/reply.js';
import type { Suggestion } from '../../knowledge/index.js';

// Every Discord rule the adapter obeys lives here: message limits, mention policy, the 3-second
// acknowledgement with deferral, and which API errors mean an interaction no longer accepts a response.

/** Discord's message and component limits, in UTF-16 code units, which never undercount characters. */
export const LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  fieldName: 256,
  fieldValue: 1_024,
  fields: 25,
  footer: 2_048,
  /** Sum of titles, descriptions, field names and values and footers over all embeds of a message. */
  embedsTotal: 6_000,
  embeds: 10,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Discord drops an interaction that gets no first response within 3 seconds. */
export const ACKNOWLEDGE_DEADLINE_MS = 3_000;

/** How long the adapter waits for the core before it defers, leaving a second for the network. */
export const DEFER_AFTER_MS = ACKNOWLEDGE_DEADLINE_MS - 1_000;

/** Mention policy sent with every message and set as the client default, so echoed `@everyone` or `<@id>` notifies no one. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export const ELLIPSIS = '…';

/** The message the renderer produces for one reply: embeds and rows of buttons, never plain content. */
export interface MessagePayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

/** API error codes meaning the interaction expired or was already acknowledged, so retrying cannot help. */
const STALE_INTERACTION_CODES = new Set<number | string>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  RESTJSONErrorCodes.UnknownWebhook,
]);

/** Returns the Discord error code of a failed API call or of discord.js's own reply checks. */
export function discordErrorCode(error: unknown): number | string | undefined {
  if (error instanceof DiscordAPIError) return error.code;
  if (error instanceof DiscordjsError) return error.code;
  return undefined;
}

/** Hides interaction and webhook tokens in an API URL, because they allow anyone to respond as the bot for 15 minutes. */
export function redactUrl(url: string): string {
  return url.replace(/\/interactions\/(\d+)\/[^/?]+/g, '/interactions/$1/[redacted]').replace(/\/webhooks\/(\d+)\/[^/?]+/g, '/webhooks/$1/[redacted]');
}

/** Returns an error fit for the log: an API error loses its request body and the tokens in its URL. */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  return { type: 'DiscordAPIError', message: error.message, code: error.code, status: error.status, method: error.method, url: redactUrl(error.url), stack: error.stack };
}

/** True when the error shows that the interaction no longer accepts a response, so the caller logs and drops it. */
export function isStaleInteraction(error: unknown): boolean {
  const code = discordErrorCode(error);
  if (code === DiscordjsErrorCodes.InteractionAlreadyReplied) return true;
  return code !== undefined && STALE_INTERACTION_CODES.has(code);
}

/** Cuts `text` to at most `max` code units, ending with `suffix`, without splitting a surrogate pair. */
export function cut(text: string, max: number, suffix = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= suffix.length) return suffix.slice(0, Math.max(max, 0));

  let end = max - suffix.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + suffix;
}

/** Turns suggestions into autocomplete choices Discord accepts: at most 25, names and values of 1 to 100. */
export function toChoices(suggestions: readonly Suggestion[]): { name: string; value: string }[] {
  const choices: { name: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const suggestion of suggestions) {
    const name = cut(suggestion.label.trim(), LIMITS.choiceName);
    const value = suggestion.value.trim();
    // A value that does not fit would reach the core cut short, so such a choice is skipped, not cut.
    if (name === '' || value === '' || value.length > LIMITS.choiceValue || seen.has(value)) continue;

    seen.add(value);
    choices.push({ name, value });
    if (choices.length === LIMITS.choices) break;
  }
  return choices;
}

export interface AnswerOptions {
  render: (reply: Reply) => MessagePayload;
  deferAfterMs: number;
  /** Whether a deferral should be private, decided before the reply is known. */
  deferEphemeral: boolean;
}

/** The path an interaction's response took, for the log. */
export type AnswerPath = 'replied' | 'deferred' | 'deferred-moved';

/** Reply options with the mention policy and, for a private reply, the ephemeral flag. */
export function messageOptions(payload: MessagePayload, ephemeral: boolean): InteractionReplyOptions {
  return { ...payload, allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/**
 * Responds to a command or button interaction with the reply `work` resolves to. When the work takes
 * longer than `deferAfterMs`, the interaction is deferred first and the reply edited in later, so the
 * first response always reaches Discord within its 3 seconds.
 */
export async function answer(interaction: RepliableInteraction, work: Promise<Reply>, options: AnswerOptions): Promise<AnswerPath> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'defer'>((resolve) => {
    timer = setTimeout(() => resolve('defer'), options.deferAfterMs);
  });
  const first = await Promise.race([work, deadline]).finally(() => clearTimeout(timer));

  if (first !== 'defer') {
    await interaction.reply(messageOptions(options.render(first), first.ephemeral));
    return 'replied';
  }

  await interaction.deferReply(options.deferEphemeral ? { flags: MessageFlags.Ephemeral } : {});
  const reply = await work;
  const payload = options.render(reply);
  if (reply.ephemeral === options.deferEphemeral) {
    await interaction.editReply({ ...payload, allowedMentions: NO_MENTIONS });
    return 'deferred';
  }

  // A deferral's visibility cannot change, so the placeholder is removed and the reply sent anew.
  await interaction.deleteReply();
  await interaction.followUp(messageOptions(payload, reply.ephemeral));
  return 'deferred-moved';
}
