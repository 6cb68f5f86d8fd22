import { z } from 'zod';

// Custom issue messages are catalog keys (`schema.*`) so the loader can report them in either language.

/** Entry ids: lower-case words joined by hyphens, such as `docker-commit` or `dockerfile-from`. */
export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const KINDS = ['command', 'instruction', 'concept', 'error', 'recipe'] as const;
export type Kind = (typeof KINDS)[number];

export const TOPICS = ['docker', 'dockerfile', 'virtualization', 'virsh', 'boot', 'systemd', 'tools'] as const;
export type Topic = (typeof TOPICS)[number];

const text = z.string().trim().min(1);

/** Text that must exist in Japanese and may exist in English. */
export const localizedText = z.strictObject({ ja: text, en: text.optional() });

/** Text that must exist in both languages. */
export const bilingualText = z.strictObject({ ja: text, en: text });

const entryId = z.string().regex(ENTRY_ID, 'schema.idFormat');

/** A flag of a command or instruction, structured so a command line can be explained flag by flag. */
export const optionSchema = z
  .strictObject({
    short: z.string().regex(/^-[A-Za-z0-9?]$/, 'schema.shortFormat').optional(),
    long: z.string().regex(/^--[a-z0-9][a-z0-9-]*$/, 'schema.longFormat').optional(),
    /** Placeholder of the value the flag takes, such as `HOST:CONTAINER`; absent for a switch. */
    value: z.string().min(1).optional(),
    ja: text,
    en: text,
  })
  .refine((option) => option.short !== undefined || option.long !== undefined, {
    message: 'schema.optionName',
  });

/** A positional argument named in the syntax line, such as CONTAINER or TARGET. */
export const argumentSchema = z.strictObject({
  name: text,
  ja: text,
  en: text,
  optional: z.boolean().default(false),
  /** True when the argument may repeat (`CONTAINER...`) and takes every remaining word. */
  repeat: z.boolean().default(false),
  /**
   * True when the argument is a command of its own, as COMMAND after IMAGE in `docker run`: the
   * entry reads no options from it on, and it and the later words are that command and its arguments.
   */
  command: z.boolean().default(false),
});

export const exampleSchema = z.strictObject({
  code: text,
  ja: text,
  en: text.optional(),
});

export const referenceSchema = z.strictObject({
  title: text,
  url: z.url({ protocol: /^https$/ }),
});

export const stepSchema = z.strictObject({
  ja: text,
  en: text.optional(),
  code: text.optional(),
});

export const entrySchema = z
  .strictObject({
    id: entryId,
    kind: z.enum(KINDS),
    /** Display title in Japanese; for commands the command itself, such as `docker commit`. */
    title: text,
    title_en: text.optional(),
    /** Other names a learner may type: subcommand aliases, old names, the study notes' misspellings. */
    aliases: z.array(text).default([]),
    /** Search words that are not names: task words in Japanese and English, product names. */
    keywords: z.array(text).default([]),
    /** Command words for the longest-match lookup of a command line, such as `docker container commit`. */
    forms: z.array(text).default([]),
    summary: bilingualText,
    details: localizedText.optional(),
    /** Syntax line as in the man page or reference, such as `docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]`. */
    syntax: text.optional(),
    options: z.array(optionSchema).default([]),
    arguments: z.array(argumentSchema).default([]),
    examples: z.array(exampleSchema).default([]),
    /** Ordered steps of a recipe. */
    steps: z.array(stepSchema).default([]),
    /** For errors: the message as users paste it. */
    message: text.optional(),
    cause: localizedText.optional(),
    fix: localizedText.optional(),
    /** Corrections of beliefs that learners commonly hold, shown as a short note on the card. */
    misconceptions: z.array(localizedText).default([]),
    warnings: z.array(localizedText).default([]),
    related: z.array(entryId).default([]),
    references: z.array(referenceSchema).min(1),
    /** Higher numbers come first when autocomplete has no prefix; 0 is the default. */
    popularity: z.number().int().min(0).max(100).default(0),
  })
  .superRefine((entry, context) => {
    if ((entry.kind === 'command' || entry.kind === 'instruction') && entry.syntax === undefined) {
      context.addIssue({ code: 'custom', path: ['syntax'], message: 'schema.syntaxRequired' });
    }

    if (entry.kind === 'error' && entry.message === undefined) {
      context.addIssue({ code: 'custom', path: ['message'], message: 'schema.messageRequired' });
    }

    if (entry.kind === 'recipe' && entry.steps.length === 0) {
      context.addIssue({ code: 'custom', path: ['steps'], message: 'schema.stepsRequired' });
    }
  });

export type EntryInput = z.input<typeof entrySchema>;
export type Entry = z.output<typeof entrySchema> & { topic: Topic; file: string };
export type EntryOption = z.output<typeof optionSchema>;
export type EntryArgument = z.output<typeof argumentSchema>;
export type LocalizedText = z.output<typeof localizedText>;
