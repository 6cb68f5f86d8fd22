import type { Locale } from '../i18n/index.js';

/** Kind of a part of a command line. */
export type PartKind =
  | 'prefix'
  | 'assignment'
  | 'command'
  | 'option'
  | 'argument'
  | 'operator'
  | 'redirect'
  | 'comment'
  | 'word';

/** Reason a part could not be explained. */
export type ProblemCode =
  | 'unknown-command'
  | 'unknown-subcommand'
  | 'unknown-option'
  | 'unexpected-argument'
  | 'argument-of-unknown'
  | 'missing-value'
  | 'missing-command'
  | 'missing-target'
  | 'mention';

/** Remarks about the line as a whole that are not tied to one unexplained part. */
export type NoteCode =
  | 'character'
  | 'long-option'
  | 'correction'
  | 'unterminated'
  | 'missing-argument'
  | 'after-command'
  | 'cut'
  | 'exec-form-invalid'
  | 'search-hint';

export interface Problem {
  code: ProblemCode;
  /** The problem in the explanation's language. */
  text: string;
}

export interface Note {
  code: NoteCode;
  text: string;
}

/** One numbered piece of the line: a command, an option with its value, an argument or an operator. */
export interface Part {
  /** 1-based, in line order. */
  number: number;
  kind: PartKind;
  /** The part as it appears in the explained line. */
  text: string;
  /** Offsets of the part in the explained line, end exclusive. */
  start: number;
  end: number;
  /** Id of the knowledge entry whose data gave the meaning. */
  entryId?: string;
  /** Meaning in the explanation's language; known parts of a half-known part keep theirs. */
  meaning?: string;
  /** Set when the part could not be explained. */
  problem?: Problem;
}

/** A command of the line that matched a knowledge entry. */
export interface MatchedCommand {
  entryId: string;
  title: string;
  /** Command words as typed, such as `docker container run`. */
  typed: string;
  /** The spelling explained instead, when the typed words are a known misspelling. */
  corrected?: string;
}

/** A command line split into numbered parts, each with its meaning or the reason it has none. */
export interface Explanation {
  locale: Locale;
  /** The line as received. */
  input: string;
  /** The line that was explained: look-alike characters replaced by ASCII, cut to the maximum length. */
  line: string;
  parts: Part[];
  commands: MatchedCommand[];
  notes: Note[];
  /** True when every part has a meaning and none has a problem. */
  complete: boolean;
}

/** Maximum length of a user word quoted in a message; a 2,000-character word would bury the message. */
const MAX_QUOTED_WORD = 40;

/** Shortens a word that a message quotes, marking the cut with "…". */
export function shortWord(word: string): string {
  return word.length <= MAX_QUOTED_WORD ? word : `${word.slice(0, MAX_QUOTED_WORD - 1)}…`;
}
