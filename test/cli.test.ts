import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const TSX = 'node_modules/.bin/tsx';

function run(script: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(TSX, [script, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LOG_LEVEL: 'silent', ...env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SearchJson {
  query: string;
  results: { id: string; kind: string; title: string; score: number }[];
}

describe('cli', () => {
  it('search --json prints one object with the best match first', () => {
    const { status, stdout } = run('src/cli.ts', ['search', '--json', 'docker comit']);
    expect(status).toBe(0);
    const answer = JSON.parse(stdout) as SearchJson;
    expect(answer.query).toBe('docker comit');
    expect(answer.results[0]?.id).toBe('docker-commit');
    expect(answer.results.length).toBeLessThanOrEqual(10);
    expect(Object.keys(answer.results[0] ?? {}).sort()).toEqual(['id', 'kind', 'score', 'title']);
  });

  it('search reads one query per line from standard input', () => {
    const { status, stdout } = run('src/cli.ts', ['search', '--json'], 'docker ps\n\nvirsh list\n');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as SearchJson);
    expect(lines.map((line) => line.query)).toEqual(['docker ps', '', 'virsh list']);
    expect(lines[0]?.results[0]?.id).toBe('docker-ps');
    expect(lines[1]?.results).toEqual([]);
    expect(lines[2]?.results[0]?.id).toBe('virsh-list');
  });

  it('search takes a query that starts with a dash', () => {
    const { status, stdout } = run('src/cli.ts', ['search', '--json', '-p 5000:5000']);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as SearchJson).query).toBe('-p 5000:5000');
  });

  it('list --json prints every entry', () => {
    const { status, stdout } = run('src/cli.ts', ['list', '--json']);
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; kind: string; title: string }[];
    expect(rows.map((row) => row.id)).toContain('docker-commit');
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['id', 'kind', 'title']);
  });

  it('show --json prints the whole entry', () => {
    const { status, stdout } = run('src/cli.ts', ['show', '--json', 'docker-commit']);
    expect(status).toBe(0);
    const entry = JSON.parse(stdout) as { id: string; syntax: string };
    expect(entry.id).toBe('docker-commit');
    expect(entry.syntax).toContain('docker commit');
  });

  it('show exits 1 for an unknown id', () => {
    const { status, stdout, stderr } = run('src/cli.ts', ['show', '--json', 'no-such-id']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('no-such-id');
  });

  it('knowledge lint passes on the shipped knowledge', () => {
    const { status, stderr } = run('src/cli.ts', ['knowledge', 'lint']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('start prints the Japanese card for piped /cmd docker commit', () => {
    const { status, stdout } = run('src/main.ts', [], '/cmd docker commit\n', { SHIORI_DATA_DIR: 'data/test-cli' });
    expect(status).toBe(0);
    expect(stdout).toContain('■ docker commit');
    expect(stdout).toContain('構文');
  });

  it('start answers in English with --lang en', () => {
    const { status, stdout } = run('src/main.ts', ['--lang', 'en'], '/cmd docker commit\n', { SHIORI_DATA_DIR: 'data/test-cli' });
    expect(status).toBe(0);
    expect(stdout).toContain('Syntax');
  });

  it('start stops with the file and line of a broken knowledge file', () => {
    const { status, stderr } = run('src/main.ts', [], '', { SHIORI_KNOWLEDGE_DIR: 'test/fixtures/broken-knowledge', SHIORI_DATA_DIR: 'data/test-cli' });
    expect(status).toBe(1);
    expect(stderr).toContain('docker/docker-pull.yaml');
    expect(stderr).toContain('行目');
  });
});
