import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadEntries } from '../../src/knowledge/load.js';
import { lintKnowledge } from '../../src/knowledge/lint.js';

const model = readFileSync('knowledge/docker/docker-commit.yaml', 'utf8');
let root: string;

function write(relative: string, text: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function loadError(): KnowledgeError {
  try {
    loadEntries(root);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeError');
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'shiori-knowledge-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('loadEntries', () => {
  it('loads a valid entry with its topic', () => {
    write('docker/docker-commit.yaml', model);
    const [entry] = loadEntries(root);
    expect(entry?.id).toBe('docker-commit');
    expect(entry?.topic).toBe('docker');
    expect(entry?.options.length).toBeGreaterThan(0);
  });

  it('names file, line and field of an invalid kind', () => {
    write('docker/docker-commit.yaml', model.replace('kind: command', 'kind: comand'));
    const error = loadError();
    expect(error.key).toBe('knowledge.invalidFile');
    expect(error.params).toMatchObject({ file: 'docker/docker-commit.yaml', line: 2, field: 'kind' });
    expect(error.describe('ja')).toContain('2 行目');
    expect(error.describe('en')).toContain('line 2');
  });

  it('names a nested field such as an option', () => {
    write('docker/docker-commit.yaml', model.replace('short: -a', 'short: author'));
    const error = loadError();
    expect(error.params.field).toBe('options.0.short');
    expect(error.describe('ja')).toContain('ハイフン1つと1文字');
  });

  it('reports a missing English summary', () => {
    write('docker/docker-commit.yaml', model.replace("  en: Creates a new image from a container's changes.\n", ''));
    const error = loadError();
    expect(error.params.field).toBe('summary.en');
  });

  it('reports a YAML syntax error with its line', () => {
    write('docker/docker-commit.yaml', 'id: docker-commit\nkind: [command\ntitle: x\n');
    const error = loadError();
    expect(error.key).toBe('knowledge.yamlError');
    expect(error.params.file).toBe('docker/docker-commit.yaml');
  });

  it('rejects a file name that differs from its id', () => {
    write('docker/docker-save.yaml', model);
    expect(loadError().key).toBe('knowledge.idMismatch');
  });

  it('rejects an unknown topic folder', () => {
    write('misc/docker-commit.yaml', model);
    expect(loadError().key).toBe('knowledge.wrongFolder');
  });

  it('requires syntax for commands', () => {
    write('docker/docker-commit.yaml', model.replace(/^syntax: .*$/m, ''));
    const error = loadError();
    expect(error.params.field).toBe('syntax');
    expect(error.describe('en')).toContain('syntax line');
  });
});

describe('lintKnowledge', () => {
  it('reports unknown related ids, duplicate aliases and missing manifest ids', () => {
    write('docker/docker-commit.yaml', model);
    write(
      'docker/docker-save.yaml',
      model.replace('id: docker-commit', 'id: docker-save').replace('  - docker-run\n', '  - docker-nothing\n'),
    );
    write('manifest.tsv', 'id\tkind\nnot-yet-written\tconcept\ndocker-commit\tcommand\n');

    const report = lintKnowledge(root, 'en');
    const messages = report.problems.map((problem) => problem.message).join('\n');
    expect(messages).toContain('unknown related id docker-nothing');
    expect(messages).toContain('Alias "docker container commit"');
    expect(report.missingManifestIds).toEqual(['not-yet-written']);
  });

  it('collects every broken file instead of stopping at the first', () => {
    write('docker/docker-commit.yaml', model.replace('kind: command', 'kind: x'));
    write('docker/docker-save.yaml', model.replace('id: docker-commit', 'id: docker-save').replace('title: docker commit', 'title: ""'));
    const report = lintKnowledge(root, 'ja');
    expect(report.problems.filter((problem) => problem.file?.startsWith('docker/'))).toHaveLength(2);
  });
});

describe('loadEntriesCached', () => {
  it('reuses the cache until a file changes', async () => {
    const { loadEntriesCached } = await import('../../src/knowledge/load.js');
    write('docker/docker-commit.yaml', model);
    const cacheFile = path.join(root, 'cache', 'knowledge.json');

    const first = loadEntriesCached(root, cacheFile);
    expect(readFileSync(cacheFile, 'utf8')).toContain('"docker-commit"');
    expect(loadEntriesCached(root, cacheFile)).toEqual(first);

    write('docker/docker-commit.yaml', model.replace('title: docker commit', 'title: docker commit (edited)'));
    expect(loadEntriesCached(root, cacheFile)[0]?.title).toBe('docker commit (edited)');
  });

  it('still reports a broken file when a cache exists', async () => {
    const { loadEntriesCached } = await import('../../src/knowledge/load.js');
    write('docker/docker-commit.yaml', model);
    const cacheFile = path.join(root, 'cache', 'knowledge.json');
    loadEntriesCached(root, cacheFile);

    write('docker/docker-commit.yaml', model.replace('kind: command', 'kind: comand'));
    expect(() => loadEntriesCached(root, cacheFile)).toThrow(KnowledgeError);
  });
});
