import { t, type Locale } from '../i18n/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Entry, EntryOption, LocalizedText } from '../knowledge/schema.js';
import { createReply, toRows, type Action, type Block, type Reply } from './reply.js';

/** Related-entry buttons per card: one row, the most both platforms show comfortably. */
export const MAX_RELATED_BUTTONS = 5;

/** Action id prefix of buttons that open an entry's card. */
export const CARD_ACTION = 'card';

/** Picks the text in `locale`, falling back to Japanese, which every entry has. */
export function localized(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? (text.en ?? text.ja) : text.ja;
}

/** Returns the entry's title in `locale`. */
export function entryTitle(entry: Entry, locale: Locale): string {
  return locale === 'en' ? (entry.title_en ?? entry.title) : entry.title;
}

/** Formats an option's names as typed, such as `-p, --publish HOST:CONTAINER`. */
export function optionLabel(option: EntryOption): string {
  const names = [option.short, option.long].filter((name): name is string => name !== undefined).join(', ');
  return option.value ? `${names} ${option.value}` : names;
}

function exampleBlock(entry: Entry, locale: Locale): Block | undefined {
  if (entry.examples.length === 0) return undefined;

  const code = entry.examples
    .map((example) => `# ${locale === 'en' ? (example.en ?? example.ja) : example.ja}\n${example.code}`)
    .join('\n\n');
  return { type: 'code', heading: t(locale, 'card.examples'), code };
}

function kindBlocks(entry: Entry, locale: Locale): Block[] {
  const blocks: Block[] = [];
  if (entry.message) blocks.push({ type: 'code', heading: t(locale, 'card.message'), code: entry.message });
  if (entry.cause) blocks.push({ type: 'text', heading: t(locale, 'card.cause'), text: localized(entry.cause, locale) });
  if (entry.fix) blocks.push({ type: 'text', heading: t(locale, 'card.fix'), text: localized(entry.fix, locale) });

  entry.steps.forEach((step, index) => {
    const heading = t(locale, 'card.step', { number: index + 1 });
    blocks.push({ type: 'text', heading, text: localized(step, locale) });
    if (step.code) blocks.push({ type: 'code', code: step.code });
  });
  return blocks;
}

/** Joins several notes under one heading, one bullet each; a single note stays plain. */
function bulleted(notes: readonly LocalizedText[], locale: Locale): string {
  const texts = notes.map((note) => localized(note, locale));
  return texts.length === 1 ? (texts[0] ?? '') : texts.map((text) => `・${text}`).join('\n');
}

/** Builds buttons that open the related entries' cards, skipping ids that do not exist. */
export function relatedActions(entry: Entry, knowledge: KnowledgeBase, locale: Locale): Action[] {
  return entry.related
    .map((id) => knowledge.lookup(id))
    .filter((related): related is Entry => related !== undefined)
    .slice(0, MAX_RELATED_BUTTONS)
    .map((related) => ({ id: `${CARD_ACTION}:${related.id}`, label: entryTitle(related, locale), style: 'secondary' }));
}

/** Builds the card of one knowledge entry: everything a learner needs, in reading order. */
export function entryCard(entry: Entry, knowledge: KnowledgeBase, locale: Locale): Reply {
  const blocks: Block[] = [];
  if (entry.syntax) blocks.push({ type: 'code', heading: t(locale, 'card.syntax'), code: entry.syntax });
  if (entry.details) blocks.push({ type: 'text', heading: t(locale, 'card.details'), text: localized(entry.details, locale) });
  blocks.push(...kindBlocks(entry, locale));

  if (entry.options.length > 0) {
    const fields = entry.options.map((option) => ({ name: optionLabel(option), value: option[locale] }));
    blocks.push({ type: 'fields', heading: t(locale, 'card.options'), fields });
  }

  const examples = exampleBlock(entry, locale);
  if (examples) blocks.push(examples);

  if (entry.misconceptions.length > 0) {
    blocks.push({ type: 'note', heading: t(locale, 'card.misconception'), text: bulleted(entry.misconceptions, locale) });
  }
  if (entry.warnings.length > 0) blocks.push({ type: 'warning', heading: t(locale, 'card.warning'), text: bulleted(entry.warnings, locale) });
  for (const reference of entry.references) blocks.push({ type: 'link', label: reference.title, url: reference.url });

  return createReply(locale, {
    title: entryTitle(entry, locale),
    url: entry.references[0]?.url,
    summary: entry.summary[locale],
    blocks,
    actions: toRows(relatedActions(entry, knowledge, locale)),
    footer: t(locale, 'card.footer', { id: entry.id, kind: t(locale, `kind.${entry.kind}`) }),
    tone: entry.warnings.length > 0 ? 'warning' : 'info',
    entryId: entry.id,
  });
}
