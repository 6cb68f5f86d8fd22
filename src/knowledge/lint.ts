import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { t, type Locale } from '../i18n/index.js';
import { pathsFolderCheck } from '../onboarding/lint.js';
import { quizQuestionsCheck } from '../quiz/questions/lint.js';
import { KnowledgeError, listYamlFiles, loadEntryFile } from './load.js';
import type { Entry } from './schema.js';

/** One problem found by the lint, already formatted in the reader's language. */
export interface LintProblem {
  file?: string;
  message: string;
}

export interface LintReport {
  entries: Entry[];
  files: number;
  problems: LintProblem[];
  /** Ids of the manifest that no entry has yet. */
  missingManifestIds: string[];
}

/**
 * A check of files outside the entry folders (quiz questions, learning paths). It receives the folder
 * it owns and the loaded entries, and returns its problems.
 */
export interface FolderCheck {
  folder: string;
  check(root: string, entries: readonly Entry[], locale: Locale): { files: number; problems: LintProblem[] };
}

/** Folder checks registered by features that keep data in `knowledge/`. */
export const FOLDER_CHECKS: FolderCheck[] = [pathsFolderCheck, quizQuestionsCheck];

/** Folds case and width so aliases that differ only in spelling style count as duplicates. */
function aliasKey(alias: string): string {
  return alias.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Reads the ids of a manifest TSV (first column, header row skipped). */
export function readManifestIds(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0]?.trim() ?? '')
    .filter((id) => id !== '');
}

function checkDuplicates(entries: readonly Entry[], locale: Locale, problems: LintProblem[]): void {
  const ids = new Map<string, Entry>();
  const aliases = new Map<string, Entry>();
  for (const entry of entries) {
    const other = ids.get(entry.id);
    if (other) problems.push({ file: entry.file, message: t(locale, 'knowledge.duplicateId', { id: entry.id, file: entry.file, other: other.file }) });
    ids.set(entry.id, entry);

    const names = new Set([entry.title, ...entry.aliases].map(aliasKey));
    for (const alias of entry.aliases) {
      const key = aliasKey(alias);
      const owner = aliases.get(key);
      if (owner && owner.id !== entry.id) {
        problems.push({ file: entry.file, message: t(locale, 'knowledge.duplicateAlias', { alias, id: entry.id, other: owner.id }) });
      }
    }
    for (const key of names) if (!aliases.has(key)) aliases.set(key, entry);
  }
}

function checkReferences(entries: readonly Entry[], locale: Locale, problems: LintProblem[]): void {
  const ids = new Set(entries.map((entry) => entry.id));
  for (const entry of entries) {
    for (const related of entry.related) {
      if (!ids.has(related)) problems.push({ file: entry.file, message: t(locale, 'knowledge.unknownRelated', { id: entry.id, related }) });
    }
    entry.examples.forEach((example, index) => {
      if (example.code.trim() === '' || example.ja.trim() === '') {
        problems.push({ file: entry.file, message: t(locale, 'knowledge.emptyExample', { id: entry.id, index: index + 1 }) });
      }
    });
  }
}

/** Checks every file under `root`: schema, duplicates, related ids, folder checks and manifest coverage. */
export function lintKnowledge(root: string, locale: Locale, manifestFile = path.join(root, 'manifest.tsv')): LintReport {
  const entries: Entry[] = [];
  const problems: LintProblem[] = [];
  const skipped = new Set(FOLDER_CHECKS.map((check) => check.folder));
  let files = 0;

  for (const file of listYamlFiles(root)) {
    const relative = path.relative(root, file);
    if (skipped.has(relative.split(path.sep)[0] ?? '')) continue;

    files++;
    try {
      entries.push(loadEntryFile(root, file));
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      problems.push({ file: relative, message: error.describe(locale) });
    }
  }

  checkDuplicates(entries, locale, problems);
  checkReferences(entries, locale, problems);

  for (const folderCheck of FOLDER_CHECKS) {
    const folder = path.join(root, folderCheck.folder);
    if (!existsSync(folder)) continue;

    const result = folderCheck.check(folder, entries, locale);
    files += result.files;
    problems.push(...result.problems);
  }

  const present = new Set(entries.map((entry) => entry.id));
  const missingManifestIds = readManifestIds(manifestFile).filter((id) => !present.has(id));
  for (const id of missingManifestIds) problems.push({ message: t(locale, 'knowledge.missingManifest', { id }) });
  return { entries, files, problems, missingManifestIds };
}
