import type { APIEmbed } from 'discord.js';

// Types of the message bodies the bot sends, and checks against Discord's documented limits that list
// every violation, so a test failure names the element that broke a limit.

export interface SentButton {
  type: number;
  custom_id: string;
  label: string;
  style: number;
}

/** A message body as sent in an interaction callback, an edit or a follow-up. */
export interface SentMessage {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: { type: number; components: SentButton[] }[];
  allowed_mentions?: { parse?: string[] };
  /** Autocomplete choices, in an autocomplete callback. */
  choices?: { name: string; value: string }[];
}

/** The body of POST /interactions/:id/:token/callback. */
export interface SentCallback {
  type: number;
  data?: SentMessage;
}

/** Returns the first embed of a message, failing the test when there is none. */
export function firstEmbed(message: SentMessage | undefined): APIEmbed {
  const embed = message?.embeds?.[0];
  if (!embed) throw new Error(`expected an embed in ${JSON.stringify(message)}`);
  return embed;
}

/** Lists the field names of an embed, in order. */
export function fieldNames(embed: APIEmbed): string[] {
  return (embed.fields ?? []).map((field) => field.name);
}

/** Lists every way a message breaks Discord's limits; an empty list means Discord accepts it. */
export function discordLimitViolations(message: SentMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };

  check((message.content ?? '').length <= 2000, `content has ${message.content?.length} characters`);
  const embeds = message.embeds ?? [];
  check(embeds.length <= 10, `${embeds.length} embeds`);
  let total = 0;
  embeds.forEach((embed, index) => {
    const at = `embed ${index}`;
    check((embed.title ?? '').length <= 256, `${at} title has ${embed.title?.length} characters`);
    check((embed.description ?? '').length <= 4096, `${at} description has ${embed.description?.length} characters`);
    check((embed.footer?.text ?? '').length <= 2048, `${at} footer has ${embed.footer?.text.length} characters`);
    const fields = embed.fields ?? [];
    check(fields.length <= 25, `${at} has ${fields.length} fields`);
    fields.forEach((field, fieldIndex) => {
      check(field.name.length >= 1 && field.name.length <= 256, `${at} field ${fieldIndex} name has ${field.name.length} characters`);
      check(field.value.length >= 1 && field.value.length <= 1024, `${at} field ${fieldIndex} value has ${field.value.length} characters`);
      total += field.name.length + field.value.length;
    });
    total += (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length;
    check(Boolean(embed.title || embed.description || fields.length > 0), `${at} is empty`);
  });
  check(total <= 6000, `embeds have ${total} characters in total`);

  const rows = message.components ?? [];
  check(rows.length <= 5, `${rows.length} rows of components`);
  const ids = new Set<string>();
  rows.forEach((row, index) => {
    check(row.components.length >= 1 && row.components.length <= 5, `row ${index} has ${row.components.length} buttons`);
    for (const button of row.components) {
      check(button.custom_id.length >= 1 && button.custom_id.length <= 100, `custom_id ${button.custom_id} has ${button.custom_id.length} characters`);
      check(!ids.has(button.custom_id), `custom_id ${button.custom_id} repeats`);
      check(button.label.length >= 1 && button.label.length <= 80, `label ${button.label} has ${button.label.length} characters`);
      ids.add(button.custom_id);
    }
  });
  return problems;
}

/** Joins all text of a message's embeds, for checks that some text appears somewhere. */
export function embedText(message: SentMessage): string {
  return (message.embeds ?? [])
    .flatMap((embed) => [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])])
    .filter(Boolean)
    .join('\n');
}

/** Lists every button custom_id of a message, in order. */
export function customIds(message: SentMessage): string[] {
  return (message.components ?? []).flatMap((row) => row.components.map((button) => button.custom_id));
}
