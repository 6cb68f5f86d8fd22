import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n/index.js';
import { ensureFolder } from '../util/fs.js';
import { entrySchema, TOPICS, type Entry, type Topic } from './schema.js';
import { unwrapEntry } from './unwrap.js';

/** Folders under `knowledge/` that hold other data than entries. */
const NON_ENTRY_FOLDERS = new Set(['quiz', 'paths']);

/** A problem found in one knowledge file, with the position a reader needs to fix it. */
export class KnowledgeError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
    /** The schema issue behind the error, translated when the error is described. */
    readonly issue?: z.core.$ZodIssue,
  ) {
    super(t('en', key, { ...params, problem: describeIssue('en', issue) ?? params.problem ?? '' }));
    this.name = 'KnowledgeError';
  }

  /** Formats the problem in the reader's language. */
  describe(locale: Locale): string {
    return t(locale, this.key, { ...this.params, problem: describeIssue(locale, this.issue) ?? this.params.problem ?? '' });
  }
}

const zodLocales = { ja: z.locales.ja(), en: z.locales.en() };

/** Translates a schema issue: catalog keys for our own checks, zod's locale messages for the rest. */
function describeIssue(locale: Locale, issue: z.core.$ZodIssue | undefined): string | undefined {
  if (!issue) return undefined;

  if (issue.message.startsWith('schema.')) return t(locale, issue.message as MessageKey);

  const localeError = zodLocales[locale].localeError;
  const translated = typeof localeError === 'function' ? localeError(issue as never) : undefined;
  if (typeof translated === 'string') return translated;
  return translated?.message ?? issue.message;
}

/** Lists every `.yaml` file under `folder`, sorted, so load order and error order are stable. */
export function listYamlFiles(folder: string): string[] {
  const files: string[] = [];
  const visit = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (name.endsWith('.yaml') || name.endsWith('.yml')) files.push(full);
    }
  };
  visit(folder);
  return files;
}

/** A parsed YAML document together with the line lookup that error messages need. */
export interface ParsedYaml {
  file: string;
  document: Document;
  lines: LineCounter;
}

/** Parses one YAML file, raising a KnowledgeError that names the line on a syntax error. */
export function parseYamlFile(file: string, displayName = file): ParsedYaml {
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  const [first] = document.errors;
  if (first) {
    const line = lines.linePos(first.pos[0]).line;
    throw new KnowledgeError('knowledge.yamlError', { file: displayName, line, problem: first.message.split('\n')[0] ?? '' });
  }
  return { file: displayName, document, lines };
}

/** Finds the line of the YAML node at `issuePath`, or of its nearest existing parent. */
export function lineOf(parsed: ParsedYaml, issuePath: readonly PropertyKey[]): number {
  for (let length = issuePath.length; length >= 0; length--) {
    const node = parsed.document.getIn(issuePath.slice(0, length) as unknown[], true);
    if (isNode(node) && node.range) return parsed.lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** Validates a parsed document against `schema`, raising a KnowledgeError for the first issue. */
export function validate<S extends z.ZodType>(parsed: ParsedYaml, schema: S): z.output<S> {
  const result = schema.safeParse(parsed.document.toJS());
  if (result.success) return result.data;

  const [issue] = result.error.issues;
  const issuePath = issue?.path ?? [];
  const field = issuePath.length > 0 ? issuePath.join('.') : '(root)';
  throw new KnowledgeError('knowledge.invalidFile', {
    file: parsed.file,
    line: lineOf(parsed, issuePath),
    field,
  }, issue);
}

/** Loads and validates one entry file; its topic is the folder it sits in. */
export function loadEntryFile(root: string, file: string): Entry {
  const relative = path.relative(root, file);
  const parsed = parseYamlFile(file, relative);
  const entry = validate(parsed, entrySchema);

  const folder = relative.split(path.sep)[0] ?? '';
  if (!(TOPICS as readonly string[]).includes(folder)) {
    throw new KnowledgeError('knowledge.wrongFolder', { file: relative, folder, topics: TOPICS.join(', ') });
  }
  if (path.basename(file).replace(/\.ya?ml$/, '') !== entry.id) {
    throw new KnowledgeError('knowledge.idMismatch', { file: relative, id: entry.id });
  }
  return unwrapEntry({ ...entry, topic: folder as Topic, file: relative });
}

/** Loads every entry under `root`, stopping at the first broken file. */
export function loadEntries(root: string): Entry[] {
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  for (const file of listYamlFiles(root)) {
    const relative = path.relative(root, file);
    if (NON_ENTRY_FOLDERS.has(relative.split(path.sep)[0] ?? '')) continue;

    const entry = loadEntryFile(root, file);
    const other = seen.get(entry.id);
    if (other) throw new KnowledgeError('knowledge.duplicateId', { id: entry.id, file: relative, other });

    seen.set(entry.id, relative);
    entries.push(entry);
  }
  return entries;
}

/** Bumped when the cache layout changes; schema changes are caught by hashing the schema itself. */
const CACHE_FORMAT = 2;

interface EntryCache {
  format: number;
  fingerprint: string;
  entries: Entry[];
}

/** Hashes the schema and the path and content of every entry file, so any edit invalidates the cache. */
function fingerprintOf(root: string): string {
  const schema = JSON.stringify(z.toJSONSchema(entrySchema, { io: 'input', unrepresentable: 'any' }));
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n${schema}\n`);
  for (const file of listYamlFiles(root)) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Loads the entries like loadEntries, reusing a validated copy in `cacheFile` when no knowledge file
 * changed. Parsing YAML dominates start-up, and a JSON copy loads in a few milliseconds.
 */
export function loadEntriesCached(root: string, cacheFile: string): Entry[] {
  const fingerprint = fingerprintOf(root);
  try {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as EntryCache;
    if (cache.format === CACHE_FORMAT && cache.fingerprint === fingerprint) return cache.entries;
  } catch {
    // A missing or unreadable cache is rebuilt below.
  }

  const entries = loadEntries(root);
  const cache: EntryCache = { format: CACHE_FORMAT, fingerprint, entries };
  try {
    ensureFolder(path.dirname(cacheFile));
    // Write then rename, so a concurrent reader never sees half a file.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, cacheFile);
  } catch {
    // The cache only saves time: a read-only data folder still starts, just slower.
  }
  return entries;
}
