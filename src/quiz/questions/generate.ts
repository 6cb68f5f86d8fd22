import { optionLabel } from '../../core/cards.js';
import { titlePieces } from '../../knowledge/fields.js';
import type { Entry, EntryOption, Kind } from '../../knowledge/schema.js';
import { seededRandom, shuffled, type Random } from '../random.js';
import { CHOICE_COUNT, type Question, type QuestionText } from './question.js';

// Questions generated from the entries: summary → name, name → summary and option → meaning. Wrong
// choices come from entries of the same topic and kind, and from other topics of that kind only when
// the topic has too few. Every random step draws from a generator seeded with the seed and the
// question id, so one seed always yields the same questions.

/** Kinds whose name and summary make a fair question; errors and recipes have no short name to guess. */
const NAMED_KINDS: readonly Kind[] = ['command', 'instruction', 'concept'];

const KIND_WORDS: Partial<Record<Kind, QuestionText>> = {
  command: { ja: 'コマンド', en: 'command' },
  instruction: { ja: 'Dockerfile 命令', en: 'Dockerfile instruction' },
  concept: { ja: '用語', en: 'term' },
};

const WRONG_CHOICES = CHOICE_COUNT - 1;

function key(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when a text spells out the entry's title or a name inside it, which would give the answer away. */
function mentionsName(text: QuestionText, entry: Entry): boolean {
  const names = [entry.title, ...titlePieces(entry.title)];
  if (entry.title_en) names.push(entry.title_en, ...titlePieces(entry.title_en));
  const haystack = `${key(text.ja)}\n${key(text.en)}`;
  return names.some((name) => haystack.includes(key(name)));
}

function nameOf(entry: Entry): QuestionText {
  return { ja: entry.title, en: entry.title_en ?? entry.title };
}

/**
 * Picks WRONG_CHOICES texts from `candidates` in a random order, skipping any that repeat the right
 * choice or each other in either language. Returns undefined when there are not enough.
 */
function pickWrong(right: QuestionText, candidates: readonly QuestionText[], random: Random): QuestionText[] | undefined {
  const used = { ja: new Set([key(right.ja)]), en: new Set([key(right.en)]) };
  const picked: QuestionText[] = [];
  for (const candidate of shuffled(candidates, random)) {
    if (used.ja.has(key(candidate.ja)) || used.en.has(key(candidate.en))) continue;

    used.ja.add(key(candidate.ja));
    used.en.add(key(candidate.en));
    picked.push(candidate);
    if (picked.length === WRONG_CHOICES) return picked;
  }
  return undefined;
}

/** Tries the same-topic candidates first and falls back to the wider list when they run short. */
function pickWrongPreferring(right: QuestionText, near: readonly QuestionText[], wide: readonly QuestionText[], random: Random): QuestionText[] | undefined {
  return pickWrong(right, near, random) ?? pickWrong(right, [...near, ...wide], random);
}

function assemble(base: Omit<Question, 'choices' | 'answer'>, right: QuestionText, wrong: QuestionText[], random: Random): Question {
  const choices = shuffled([right, ...wrong], random);
  return { ...base, choices, answer: choices.indexOf(right) };
}

/** Entries of the same kind, split into the same topic and the others, without `entry` itself. */
function peers(entry: Entry, entries: readonly Entry[]): { near: Entry[]; wide: Entry[] } {
  const sameKind = entries.filter((other) => other.kind === entry.kind && other.id !== entry.id);
  return { near: sameKind.filter((other) => other.topic === entry.topic), wide: sameKind.filter((other) => other.topic !== entry.topic) };
}

function summaryToName(entry: Entry, entries: readonly Entry[], seed: string): Question | undefined {
  if (mentionsName(entry.summary, entry)) return undefined;

  const name = nameOf(entry);

  const id = `g-name-${entry.id}`;
  const random = seededRandom(`${seed}:${id}`);
  const { near, wide } = peers(entry, entries);
  const wrong = pickWrongPreferring(name, near.map(nameOf), wide.map(nameOf), random);
  const kind = KIND_WORDS[entry.kind];
  if (!wrong || !kind) return undefined;

  return assemble(
    {
      id,
      source: 'summary-to-name',
      entryId: entry.id,
      topic: entry.topic,
      misconception: false,
      question: {
        ja: `次の説明に当てはまる${kind.ja}はどれですか？\n${entry.summary.ja}`,
        en: `Which ${kind.en} matches this description?\n${entry.summary.en}`,
      },
      explanation: { ja: `${name.ja}: ${entry.summary.ja}`, en: `${name.en}: ${entry.summary.en}` },
    },
    name,
    wrong,
    random,
  );
}

function nameToSummary(entry: Entry, entries: readonly Entry[], seed: string): Question | undefined {
  if (mentionsName(entry.summary, entry)) return undefined;

  const id = `g-summary-${entry.id}`;
  const random = seededRandom(`${seed}:${id}`);
  const { near, wide } = peers(entry, entries);
  const wrong = pickWrongPreferring(entry.summary, near.map((other) => other.summary), wide.map((other) => other.summary), random);
  if (!wrong) return undefined;

  const name = nameOf(entry);
  return assemble(
    {
      id,
      source: 'name-to-summary',
      entryId: entry.id,
      topic: entry.topic,
      misconception: false,
      question: { ja: `「${name.ja}」の説明として正しいものはどれですか？`, en: `Which statement describes "${name.en}"?` },
      explanation: { ja: `${name.ja}: ${entry.summary.ja}`, en: `${name.en}: ${entry.summary.en}` },
    },
    entry.summary,
    wrong,
    random,
  );
}

/** Returns a short stable key of an option for question ids, such as `detach` for `-d, --detach`. */
function optionKey(option: EntryOption): string {
  return (option.long?.slice(2) ?? option.short?.slice(1) ?? 'option').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function meaningOf(option: EntryOption): QuestionText {
  return { ja: option.ja, en: option.en };
}

function optionQuestions(entry: Entry, entries: readonly Entry[], seed: string): Question[] {
  const { near, wide } = peers(entry, entries);
  const sameTopic = near.flatMap((other) => other.options.map(meaningOf));
  const otherTopics = wide.flatMap((other) => other.options.map(meaningOf));
  const usedIds = new Set<string>();
  const questions: Question[] = [];

  for (const option of entry.options) {
    let id = `g-option-${entry.id}-${optionKey(option)}`;
    for (let suffix = 2; usedIds.has(id); suffix++) id = `g-option-${entry.id}-${optionKey(option)}-${suffix}`;
    usedIds.add(id);

    const random = seededRandom(`${seed}:${id}`);
    const siblings = entry.options.filter((other) => other !== option).map(meaningOf);
    // Wrong meanings come from the same command first, as they are the most plausible.
    const wrong = pickWrong(meaningOf(option), siblings, random) ?? pickWrongPreferring(meaningOf(option), [...siblings, ...sameTopic], otherTopics, random);
    if (!wrong) continue;

    const name = nameOf(entry);
    const label = optionLabel(option);
    questions.push(
      assemble(
        {
          id,
          source: 'option-to-meaning',
          entryId: entry.id,
          topic: entry.topic,
          misconception: false,
          question: { ja: `${name.ja} の ${label} の意味はどれですか？`, en: `What does ${label} mean for ${name.en}?` },
          explanation: { ja: `${name.ja} ${label}: ${option.ja}`, en: `${name.en} ${label}: ${option.en}` },
        },
        meaningOf(option),
        wrong,
        random,
      ),
    );
  }
  return questions;
}

/** Generates every question the entries allow, in entry order; the same seed gives the same questions. */
export function generateQuestions(entries: readonly Entry[], seed: number | string = 1): Question[] {
  const seedText = String(seed);
  const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  const questions: Question[] = [];
  for (const entry of sorted) {
    if (!NAMED_KINDS.includes(entry.kind)) continue;

    const fromName = summaryToName(entry, sorted, seedText);
    if (fromName) questions.push(fromName);
    const fromSummary = nameToSummary(entry, sorted, seedText);
    if (fromSummary) questions.push(fromSummary);
    questions.push(...optionQuestions(entry, sorted, seedText));
  }
  return questions;
}
