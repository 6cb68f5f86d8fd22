import { z } from 'zod';
import { bilingualText, ENTRY_ID } from '../knowledge/schema.js';

// Custom issue messages are catalog keys (`schema.*`), so the loader reports them in either language.

/** Steps a path has: fewer than 6 teaches too little to be a path, more than 12 is too long to finish. */
export const MIN_STEPS = 6;
export const MAX_STEPS = 12;

/** Choices of a check question. */
export const MIN_CHOICES = 3;
export const MAX_CHOICES = 4;

/** Entries a step points to. Each gets a card button, and a row contains at most 5 buttons. */
export const MAX_STEP_ENTRIES = 5;

/**
 * Longest path or step id. Both go into action ids with a group id of up to 24 characters, and
 * Discord's `custom_id` takes at most 100 characters.
 */
export const MAX_ID_LENGTH = 24;

/** Longest choice text: Slack's button text allows 75 characters and Discord's label 80. */
export const MAX_CHOICE_LENGTH = 60;

const pathId = z.string().regex(ENTRY_ID, 'schema.idFormat').max(MAX_ID_LENGTH, 'schema.path.pathIdLength');

const choiceText = z.strictObject({
  ja: z.string().trim().min(1).max(MAX_CHOICE_LENGTH, 'schema.path.choiceLength'),
  en: z.string().trim().min(1).max(MAX_CHOICE_LENGTH, 'schema.path.choiceLength'),
});

/** The question that checks a step. `answer` is the 0-based index of the right choice. */
export const checkSchema = z
  .strictObject(
    {
      question: bilingualText,
      choices: z.array(choiceText).min(MIN_CHOICES, 'schema.path.choiceCount').max(MAX_CHOICES, 'schema.path.choiceCount'),
      answer: z.number().int(),
      explanation: bilingualText,
    },
    { error: (issue) => (issue.input === undefined ? 'schema.path.checkRequired' : undefined) },
  )
  .superRefine((check, context) => {
    if (check.answer < 0 || check.answer >= check.choices.length) {
      context.addIssue({ code: 'custom', path: ['answer'], message: 'schema.path.answerRange' });
    }
  });

export const pathStepSchema = z.strictObject({
  id: pathId,
  title: bilingualText,
  /** Knowledge entries the step teaches, in reading order. */
  entries: z.array(z.string().regex(ENTRY_ID, 'schema.idFormat')).min(1, 'schema.path.entriesRequired').max(MAX_STEP_ENTRIES, 'schema.path.entriesCount'),
  /** One or two sentences: what to learn and why. */
  goal: bilingualText,
  check: checkSchema,
});

export const learningPathSchema = z
  .strictObject({
    id: pathId,
    title: bilingualText,
    summary: bilingualText,
    /** Lists sort by this number, then by id. */
    order: z.number().int().min(0).default(100),
    /** The path suggested when this one is finished. */
    next: pathId.optional(),
    steps: z.array(pathStepSchema).min(MIN_STEPS, 'schema.path.stepCount').max(MAX_STEPS, 'schema.path.stepCount'),
  })
  .superRefine((path, context) => {
    const seen = new Set<string>();
    path.steps.forEach((step, index) => {
      if (seen.has(step.id)) context.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: 'schema.path.duplicateStepId' });
      seen.add(step.id);
    });

    if (path.next === path.id) context.addIssue({ code: 'custom', path: ['next'], message: 'schema.path.nextIsSelf' });
  });

export type LearningPath = z.output<typeof learningPathSchema>;
export type PathStep = z.output<typeof pathStepSchema>;
export type CheckQuestion = z.output<typeof checkSchema>;
