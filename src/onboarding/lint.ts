import path from 'node:path';
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n/index.js';
import type { FolderCheck, LintProblem } from '../knowledge/lint.js';
import { KnowledgeError, lineOf, listYamlFiles, type ParsedYaml } from '../knowledge/load.js';
import type { Entry } from '../knowledge/schema.js';
import { loadPathFile, type PathFile } from './catalog.js';

/** Formats a problem that the schema cannot see, with the file, line and field it sits at. */
function problemAt(parsed: ParsedYaml, field: readonly (string | number)[], locale: Locale, key: MessageKey, params: MessageParams): LintProblem {
  const problem = t(locale, key, params);
  const message = t(locale, 'knowledge.invalidFile', { file: parsed.file, line: lineOf(parsed, field), field: field.join('.'), problem });
  return { file: parsed.file, message };
}

/** Checks what spans files or needs the entries: duplicate path ids, entry ids and `next` ids. */
function crossCheck(files: readonly PathFile[], entries: readonly Entry[], locale: Locale): LintProblem[] {
  const problems: LintProblem[] = [];
  const entryIds = new Set(entries.map((entry) => entry.id));
  const pathIds = new Set(files.map((file) => file.learningPath.id));
  const owners = new Map<string, string>();

  for (const { learningPath, parsed } of files) {
    const owner = owners.get(learningPath.id);
    if (owner) problems.push(problemAt(parsed, ['id'], locale, 'onboarding.lint.duplicatePath', { id: learningPath.id, other: owner }));
    owners.set(learningPath.id, parsed.file);

    if (learningPath.next !== undefined && !pathIds.has(learningPath.next)) {
      problems.push(problemAt(parsed, ['next'], locale, 'onboarding.lint.unknownNext', { id: learningPath.next }));
    }

    learningPath.steps.forEach((step, stepIndex) => {
      step.entries.forEach((id, entryIndex) => {
        if (!entryIds.has(id)) problems.push(problemAt(parsed, ['steps', stepIndex, 'entries', entryIndex], locale, 'onboarding.lint.unknownEntry', { id }));
      });
    });
  }
  return problems;
}

/**
 * Lints `knowledge/paths/`: the schema of each file (steps, check questions, answer index, 6 to 12
 * steps, duplicate step ids), file names, duplicate path ids, unknown entry ids and unknown `next` ids.
 */
export const pathsFolderCheck: FolderCheck = {
  folder: 'paths',
  check(folder, entries, locale) {
    const problems: LintProblem[] = [];
    const loaded: PathFile[] = [];
    const files = listYamlFiles(folder);

    for (const file of files) {
      const displayName = path.relative(path.dirname(folder), file);
      try {
        loaded.push(loadPathFile(file, displayName));
      } catch (error) {
        if (!(error instanceof KnowledgeError)) throw error;
        problems.push({ file: displayName, message: error.describe(locale) });
      }
    }

    problems.push(...crossCheck(loaded, entries, locale));
    return { files: files.length, problems };
  },
};
