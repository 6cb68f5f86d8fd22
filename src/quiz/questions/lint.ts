import type { FolderCheck } from '../../knowledge/lint.js';
import { readQuestionFolder } from './file.js';

/**
 * The `knowledge lint` check of `knowledge/quiz/`: schema errors with file, line and field, unknown
 * entry ids, duplicate question ids, duplicate choices and answer indexes out of range.
 * `src/knowledge/lint.ts` registers it; this module imports only a type from there, so no cycle forms.
 */
export const quizQuestionsCheck: FolderCheck = {
  folder: 'quiz',
  check(folder, entries, locale) {
    const { files, problems } = readQuestionFolder(folder, entries, 'quiz');
    return {
      files,
      problems: problems.map((problem) => ({ file: String(problem.params.file ?? ''), message: problem.describe(locale) })),
    };
  },
};
