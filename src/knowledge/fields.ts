import type { Entry, LocalizedText } from './schema.js';

/**
 * Weight of each group of entry text in the term index. Names (id, title, aliases, command forms)
 * identify an entry; keywords and option names describe it; summaries and details only mention words.
 */
export const FIELD_WEIGHTS = {
  name: 1,
  keyword: 0.9,
  option: 0.75,
  summary: 0.6,
  detail: 0.4,
} as const;

export type FieldGroup = keyof typeof FIELD_WEIGHTS;

export const FIELD_GROUPS = Object.keys(FIELD_WEIGHTS) as FieldGroup[];

/** The searchable text of one entry, grouped by weight. */
export type EntryTexts = Record<FieldGroup, string[]>;

/**
 * Title brackets and separators that join several names in one title, as in `libvirt / libvirtd`.
 * Quotation marks 「」 are not among them: they quote a message inside a sentence-like title.
 */
const TITLE_SEPARATORS = /[（）()]|\s\/\s|・/;

/** Splits a title such as `初期 RAM ディスク（initrd / initramfs）` into the names it contains. */
export function titlePieces(title: string): string[] {
  const pieces = title
    .split(TITLE_SEPARATORS)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 1);
  return pieces.length > 1 ? pieces : [];
}

/** Returns the pieces of both titles, which often name subtopics rather than the entry itself. */
export function entryTitlePieces(entry: Entry): string[] {
  return [...titlePieces(entry.title), ...(entry.title_en ? titlePieces(entry.title_en) : [])];
}

/** Returns every name of an entry: id (with spaces for hyphens), titles, aliases and forms, without title pieces. */
export function entryNames(entry: Entry): string[] {
  const names = [entry.id.replaceAll('-', ' '), entry.title];
  if (entry.title_en) names.push(entry.title_en);
  names.push(...entry.aliases, ...entry.forms);
  return [...new Set(names)];
}

function localized(text: LocalizedText | undefined): string[] {
  if (!text) return [];
  return text.en ? [text.ja, text.en] : [text.ja];
}

/** Collects the searchable text of an entry by field group. */
export function entryTexts(entry: Entry): EntryTexts {
  const keyword = [...entryTitlePieces(entry), ...entry.keywords];
  if (entry.message) keyword.push(entry.message);

  // Short and long names are separate values, so `-d` matches the whole of a field as `--detach` does.
  const option = entry.options.flatMap((option) => [option.short, option.long].filter((name): name is string => name !== undefined));

  const detail = [
    ...localized(entry.details),
    ...localized(entry.cause),
    ...localized(entry.fix),
    ...entry.misconceptions.flatMap(localized),
    ...entry.warnings.flatMap(localized),
    ...entry.options.flatMap((option) => [option.ja, option.en]),
    ...entry.arguments.flatMap((argument) => [argument.name, argument.ja, argument.en]),
    ...entry.examples.flatMap((example) => [example.code, example.ja, ...(example.en ? [example.en] : [])]),
    ...entry.steps.flatMap((step) => [step.ja, ...(step.en ? [step.en] : []), ...(step.code ? [step.code] : [])]),
  ];
  if (entry.syntax) detail.push(entry.syntax);

  return {
    name: entryNames(entry),
    keyword,
    option,
    summary: [entry.summary.ja, entry.summary.en],
    detail,
  };
}
