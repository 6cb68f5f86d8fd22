import path from 'node:path';
import { z } from 'zod';
import { KnowledgeError, lineOf, listYamlFiles, parseYamlFile, validate, type ParsedYaml } from '../../knowledge/load.js';
import { ENTRY_ID, type Entry } from '../../knowledge/schema.js';
import { CHOICE_COUNT, type Question } from './question.js';

// Custom issue messages are catalog keys (`schema.*`) so the knowledge loader translates them.

/** Hand-written question ids: `q-` and lower-case words joined by hyphens, such as `q-virsh-destroy-effect`. */
export const QUESTION_ID = /^q(?:-[a-z0-9]+)+$/;

const text = z.string().trim().min(1);
const bilingual = z.strictObject({ ja: text, en: text });

/** Folds width, case and spacing, so choices that differ only in spelling style count as duplicates. */
function choiceKey(choice: string): string {
  return choice.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** One hand-written question as written in `knowledge/quiz/<topic>.yaml`. */
export const questionSchema = z
  .strictObject({
    id: z.string().regex(QUESTION_ID, 'schema.questionIdFormat'),
    entry: z.string().regex(ENTRY_ID, 'schema.idFormat'),
    misconception: z.boolean().default(false),
    question: bilingual,
    choices: z.array(bilingual).length(CHOICE_COUNT, 'schema.choiceCount'),
    answer: z.number().int('schema.answerRange').min(0, 'schema.answerRange').max(CHOICE_COUNT - 1, 'schema.answerRange'),
    explanation: bilingual,
  })
  .superRefine((question, context) => {
    for (const language of ['ja', 'en'] as const) {
      const seen = new Set<string>();
      question.choices.forEach((choice, index) => {
        const key = choiceKey(choice[language]);
        if (seen.has(key)) context.addIssue({ code: 'custom', path: ['choices', index, language], message: 'schema.duplicateChoice' });
        seen.add(key);
      });
    }
  });

/** The outer shape of a question file; each question is checked on its own so every broken one is reported. */
const questionFileSchema = z.strictObject({ questions: z.array(z.unknown()).min(1) });

/** The questions of a folder and every problem found in it, in file order. */
export interface QuestionFolder {
  questions: Question[];
  problems: KnowledgeError[];
  files: number;
}

function parseQuestion(parsed: ParsedYaml, raw: unknown, index: number): z.output<typeof questionSchema> | KnowledgeError {
  const result = questionSchema.safeParse(raw);
  if (result.success) return result.data;

  const [issue] = result.error.issues;
  const issuePath = ['questions', index, ...(issue?.path ?? [])];
  return new KnowledgeError('knowledge.invalidFile', { file: parsed.file, line: lineOf(parsed, issuePath), field: issuePath.join('.') }, issue);
}

/**
 * Reads every question file under `folder` and checks it against the entries: schema (file, line and
 * field), unknown entry ids and duplicate question ids. `displayRoot` prefixes the file names in
 * messages, such as `quiz` for `quiz/docker.yaml`.
 */
export function readQuestionFolder(folder: string, entries: readonly Entry[], displayRoot = path.basename(folder)): QuestionFolder {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const seen = new Map<string, string>();
  const questions: Question[] = [];
  const problems: KnowledgeError[] = [];
  const files = listYamlFiles(folder);

  for (const file of files) {
    const display = path.join(displayRoot, path.relative(folder, file));
    let parsed: ParsedYaml;
    let raws: unknown[];
    try {
      parsed = parseYamlFile(file, display);
      raws = validate(parsed, questionFileSchema).questions;
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      problems.push(error);
      continue;
    }

    raws.forEach((raw, index) => {
      const question = parseQuestion(parsed, raw, index);
      if (question instanceof KnowledgeError) {
        problems.push(question);
        return;
      }

      const where = { file: display, id: question.id };
      const other = seen.get(question.id);
      if (other) problems.push(new KnowledgeError('quiz.lint.duplicateId', { ...where, line: lineOf(parsed, ['questions', index, 'id']), other }));
      seen.set(question.id, display);

      const entry = byId.get(question.entry);
      if (!entry) {
        problems.push(new KnowledgeError('quiz.lint.unknownEntry', { ...where, line: lineOf(parsed, ['questions', index, 'entry']), entry: question.entry }));
        return;
      }
      if (other) return;

      questions.push({
        id: question.id,
        source: 'written',
        entryId: entry.id,
        topic: entry.topic,
        misconception: question.misconception,
        question: question.question,
        choices: question.choices,
        answer: question.answer,
        explanation: question.explanation,
      });
    });
  }
  return { questions, problems, files: files.length };
}
