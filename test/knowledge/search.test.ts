import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase, MAX_QUERY_LENGTH } from '../../src/knowledge/index.js';

const KNOWLEDGE_ROOT = fileURLToPath(new URL('../../knowledge', import.meta.url));
/** Loose bound so a busy test machine does not fail the suite; the benchmark checks real targets. */
const MAX_MILLISECONDS = 200;

let knowledge: KnowledgeBase;

beforeAll(() => {
  knowledge = KnowledgeBase.load(KNOWLEDGE_ROOT);
  // Indexes are built lazily; build them here so the time bounds below measure queries alone.
  knowledge.prepare();
});

function firstId(query: string): string | undefined {
  return knowledge.search(query).results[0]?.entry.id;
}

describe('search finds the entry', () => {
  it.each([
    ['docker commit', 'docker-commit'],
    ['FROM', 'dockerfile-from'],
    ['systemctl set-default', 'systemctl-set-default'],
  ])('for the exact name %j', (query, id) => {
    expect(firstId(query)).toBe(id);
    expect(knowledge.search(query).confident).toBe(true);
  });

  it.each([
    ['docker comit', 'docker-commit'],
    ['dcoker ps', 'docker-ps'],
    ['systemclt status', 'systemctl-status'],
    ['virth list', 'virsh-list'],
    ['virsh dommstate', 'virsh-domstate'],
    ['docker imags', 'docker-images'],
    ['hypervisr', 'hypervisor'],
  ])('for the typo %j', (query, id) => {
    expect(firstId(query)).toBe(id);
  });

  it.each(['systemctl setdefault', 'systemctl set default', 'systemctl set-default', 'systemctl SET-DEFAULT'])(
    'for the subcommand spelling %j',
    (query) => {
      expect(firstId(query)).toBe('systemctl-set-default');
    },
  );

  it.each([
    ['ｄｏｃｋｅｒ　ｐｓ', 'docker-ps'],
    ['ＤＯＣＫＥＲ ＣＯＭＭＩＴ', 'docker-commit'],
  ])('for the full-width %j', (query, id) => {
    expect(firstId(query)).toBe(id);
  });

  it.each([
    ['コンテナを削除', 'docker-rm'],
    ['イメージを削除したい', 'docker-rmi'],
    ['起動中のコンテナを表示', 'docker-ps'],
    ['仮想マシンの一覧', 'virsh-list'],
  ])('for the Japanese task %j', (query, id) => {
    expect(firstId(query)).toBe(id);
  });

  it.each([
    ['ハイパーバイザーとは', 'hypervisor'],
    ['ハイパーバイザ', 'hypervisor'],
    ['ブートローダ', 'bootloader'],
  ])('for the Japanese concept %j', (query, id) => {
    expect(firstId(query)).toBe(id);
  });

  it.each([
    ['docker run -d -p 5000:5000 -v $(pwd):/app app', 'docker-run'],
    ['docker ps -a', 'docker-ps'],
    ['sudo systemctl restart nginx', 'systemctl-restart'],
    ['python3 app.py', 'python3'],
    ['docker インストール centos', 'recipe-install-docker-centos'],
    ['-p 5000:5000', 'port-publishing'],
  ])('for the command line %j', (query, id) => {
    expect(firstId(query)).toBe(id);
  });

  it.each([
    [
      'Error response from daemon: conflict: unable to remove repository reference "ubuntu" (must force) - container 3f2a1b is using its referenced image 8e1a',
      'error-image-in-use',
    ],
    [
      'E: Release file for http://security.ubuntu.com/ubuntu/dists/bionic-security/InRelease is not valid yet',
      'error-release-file-not-valid-yet',
    ],
  ])('for the pasted error %j', (query, id) => {
    expect(firstId(query)).toBe(id);
  });

  it('for English phrasing', () => {
    expect(firstId('list running containers')).toBe('docker-ps');
    expect(firstId('what is a hypervisor')).toBe('hypervisor');
  });
});

describe('search results', () => {
  it('are sorted with scores between 0 and 1', () => {
    const { results } = knowledge.search('コンテナ', { limit: 20 });
    expect(results.length).toBeGreaterThan(1);
    for (const [index, result] of results.entries()) {
      expect(result.score).toBeGreaterThan(0);
      expect(result.score).toBeLessThanOrEqual(1);
      if (index > 0) expect(result.score).toBeLessThanOrEqual(results[index - 1]!.score);
    }
  });

  it('respect the limit', () => {
    expect(knowledge.search('docker', { limit: 3 }).results).toHaveLength(3);
    expect(knowledge.search('docker', { limit: 0 }).results).toHaveLength(0);
  });

  it('respect the kinds filter', () => {
    const { results } = knowledge.search('docker', { kinds: ['concept'], limit: 50 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.entry.kind === 'concept')).toBe(true);
  });

  it('echo the query as given', () => {
    expect(knowledge.search('  Docker PS ').query).toBe('  Docker PS ');
  });

  it('read only the first MAX_QUERY_LENGTH characters', () => {
    const padded = 'docker ps ' + ' '.repeat(MAX_QUERY_LENGTH);
    expect(knowledge.search(padded + 'virsh list').results[0]?.entry.id).toBe('docker-ps');
  });
});

describe('search with junk', () => {
  it.each(['zzzq', 'あいうえお', 'asdfgh', '?', '|', '😀😀😀', '\u0001\u0002\u0003', 'qwertyuiop', '@everyone', 'what is', 'no'])(
    'is not confident for %j',
    (query) => {
      expect(knowledge.search(query).confident).toBe(false);
    },
  );
});

describe('search with bad input', () => {
  const inputs: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace', ' \t\n '],
    ['one character', 'd'],
    ['33 characters', 'docker run -d -p 5000:5000 ubuntu'.padEnd(33, 'x')],
    ['65 characters', 'a'.repeat(65)],
    ['6,000 characters', 'docker ps -a '.repeat(500).slice(0, 6000)],
    ['6,000 Japanese characters', 'コンテナを削除'.repeat(900).slice(0, 6000)],
    ['emoji', '🐳🐳 docker 🐳'],
    ['control characters', '\u0000docker\u0007\u001b[31mps\u007f'],
    ['a shell pipeline', 'ps aux | grep x && echo $HOME'],
    ['extended-search operators', "!docker ^ps 'run =exact .$ | !^"],
    ['a mention', '@everyone'],
    ['a lone surrogate', '\ud83d docker'],
  ];

  it.each(inputs)('does not throw and is fast for %s', (_, query) => {
    const started = performance.now();
    const outcome = knowledge.search(query);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(MAX_MILLISECONDS);
    expect(outcome.query).toBe(query);
    for (const result of outcome.results) {
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
    }
  });

  it('treats a non-string query as empty', () => {
    expect(knowledge.search(undefined as unknown as string).results).toEqual([]);
    expect(knowledge.suggest(42 as unknown as string)).toHaveLength(25);
  });

  it('clamps odd limits', () => {
    expect(knowledge.search('docker', { limit: Number.NaN }).results).toHaveLength(10);
    expect(knowledge.search('docker', { limit: Infinity }).results.length).toBeLessThanOrEqual(knowledge.entries.length);
    expect(knowledge.search('docker', { limit: -5 }).results).toEqual([]);
    expect(knowledge.search('docker', { limit: 2.7 }).results).toHaveLength(2);
  });

  it('returns nothing for empty and blank queries', () => {
    expect(knowledge.search('')).toEqual({ query: '', results: [], confident: false });
    expect(knowledge.search('   ').results).toEqual([]);
  });
});

describe('index building', () => {
  it('waits for the first search', () => {
    const fresh = new KnowledgeBase(knowledge.entries);
    expect(fresh.lookup('docker-ps')?.id).toBe('docker-ps');
    expect(fresh.search('docker ps').results[0]?.entry.id).toBe('docker-ps');
  });
});

describe('lookup', () => {
  it('finds an entry by id', () => {
    expect(knowledge.lookup('docker-commit')?.title).toBe('docker commit');
  });

  it('returns undefined for an unknown id', () => {
    expect(knowledge.lookup('no-such-entry')).toBeUndefined();
  });
});
