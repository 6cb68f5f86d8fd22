import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintKnowledge } from '../../src/knowledge/lint.js';
import { KnowledgeError } from '../../src/knowledge/load.js';
import { PathCatalog } from '../../src/onboarding/catalog.js';
import { pathsFolderCheck } from '../../src/onboarding/lint.js';
import { shippedKnowledge } from '../support/core.js';

const FIXTURES = 'test/fixtures/paths';
const shippedPath = readFileSync('knowledge/paths/container-basics.yaml', 'utf8');
let root: string;

/** Writes `text` as `paths/<name>` under the temporary knowledge root. */
function writePath(name: string, text: string): void {
  const file = path.join(root, 'paths', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function check(folder = path.join(root, 'paths')) {
  return pathsFolderCheck.check(folder, shippedKnowledge().entries, 'en');
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'shiori-paths-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('paths lint', () => {
  it('passes the shipped paths', () => {
    const result = check('knowledge/paths');
    expect(result.problems).toEqual([]);
    expect(result.files).toBeGreaterThanOrEqual(3);
  });

  it('names file and line of an unknown entry id', () => {
    const { problems } = check(FIXTURES);
    const problem = problems.find((item) => item.file === 'paths/unknown-entry.yaml');
    expect(problem?.message).toContain('line 20');
    expect(problem?.message).toContain('steps.1.entries.1');
    expect(problem?.message).toContain('docker-nothing');
  });

  it('names file and line of a step without a check question', () => {
    const { problems } = check(FIXTURES);
    const problem = problems.find((item) => item.file === 'paths/missing-check.yaml');
    expect(problem?.message).toContain('line 23');
    expect(problem?.message).toContain('steps.2.check');
    expect(problem?.message).toContain('a step needs a check question');
  });

  it('reports the fixtures in Japanese', () => {
    const { problems } = pathsFolderCheck.check(FIXTURES, shippedKnowledge().entries, 'ja');
    expect(problems.map((problem) => problem.message).join('\n')).toContain('20 行目');
    expect(problems).toHaveLength(2);
  });

  it('rejects duplicate path ids across files', () => {
    writePath('container-basics.yaml', shippedPath);
    writePath('nested/container-basics.yaml', shippedPath);
    const messages = check().problems.map((problem) => problem.message);
    expect(messages.some((message) => message.includes('path id container-basics is also used'))).toBe(true);
  });

  it('rejects a duplicate step id', () => {
    writePath('container-basics.yaml', shippedPath.replace('  - id: build\n', '  - id: dockerfile\n'));
    const [problem] = check().problems;
    expect(problem?.message).toContain('steps.5.id');
    expect(problem?.message).toContain('used twice');
  });

  it('rejects fewer than 6 steps', () => {
    const firstFive = shippedPath.slice(0, shippedPath.indexOf('  - id: build\n'));
    writePath('container-basics.yaml', firstFive);
    const [problem] = check().problems;
    expect(problem?.message).toContain('field steps');
    expect(problem?.message).toContain('6 to 12 steps');
  });

  it('rejects an answer index out of range', () => {
    writePath('container-basics.yaml', shippedPath.replace('      answer: 3\n', '      answer: 4\n'));
    const [problem] = check().problems;
    expect(problem?.message).toContain('steps.2.check.answer');
  });

  it('rejects an unknown next path', () => {
    writePath('container-basics.yaml', shippedPath);
    const [problem] = check().problems;
    expect(problem?.message).toContain('field next');
    expect(problem?.message).toContain('vm-management');
  });

  it('rejects a file name that differs from the id', () => {
    writePath('containers.yaml', shippedPath);
    const messages = check().problems.map((problem) => problem.message);
    expect(messages.some((message) => message.includes('does not match its id container-basics'))).toBe(true);
  });

  it('runs as part of the knowledge lint', () => {
    cpSync(FIXTURES, path.join(root, 'paths'), { recursive: true });
    writeFileSync(path.join(root, 'manifest.tsv'), 'id\tkind\n');
    const report = lintKnowledge(root, 'en');
    const messages = report.problems.filter((problem) => problem.file?.startsWith('paths/')).map((problem) => problem.message);
    // The temporary root has no entries, so every entry id of the fixtures is unknown here.
    expect(messages.some((message) => message.includes('docker-nothing'))).toBe(true);
    expect(messages.some((message) => message.includes('steps.2.check'))).toBe(true);
  });
});

describe('PathCatalog.load', () => {
  it('stops at a broken file with its position', () => {
    let error: unknown;
    try {
      PathCatalog.load(FIXTURES);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).params).toMatchObject({ file: 'paths/missing-check.yaml', line: 23, field: 'steps.2.check' });
  });

  it('sorts the shipped paths by order', () => {
    expect(PathCatalog.load('knowledge/paths').ids).toEqual(['container-basics', 'linux-boot', 'vm-management']);
  });
});
