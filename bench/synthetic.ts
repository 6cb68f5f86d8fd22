// Plausible synthetic knowledge entries for measuring search at scale. They mimic the shape and size of
// real entries (command names, Japanese and English task phrases, options, examples, a few paragraphs
// of details) from small word lists, so indexes see realistic vocabulary and posting-list lengths.

import type { Entry, Kind, Topic } from '../src/knowledge/schema.js';

const TOOLS = ['docker', 'podman', 'kubectl', 'systemctl', 'virsh', 'nmcli', 'ip', 'firewall-cmd', 'journalctl', 'helm', 'git', 'dnf', 'apt', 'lvm', 'mdadm', 'buildah', 'skopeo', 'crictl', 'ctr', 'machinectl'];
const SUBCOMMANDS = ['list', 'show', 'create', 'delete', 'start', 'stop', 'restart', 'status', 'inspect', 'update', 'apply', 'describe', 'export', 'import', 'prune', 'attach', 'exec', 'logs', 'tag', 'push', 'pull', 'edit', 'reload', 'enable', 'disable', 'mask', 'unmask', 'snapshot', 'restore', 'migrate'];
const OBJECTS = [
  ['container', 'コンテナ'], ['image', 'イメージ'], ['pod', 'ポッド'], ['service', 'サービス'], ['volume', 'ボリューム'],
  ['network', 'ネットワーク'], ['unit', 'ユニット'], ['domain', 'ドメイン'], ['snapshot', 'スナップショット'], ['route', 'ルート'],
  ['zone', 'ゾーン'], ['secret', 'シークレット'], ['node', 'ノード'], ['disk', 'ディスク'], ['interface', 'インターフェース'],
  ['repository', 'リポジトリ'], ['package', 'パッケージ'], ['timer', 'タイマー'], ['socket', 'ソケット'], ['journal', 'ジャーナル'],
] as const;
const VERBS = [
  ['list', '一覧表示'], ['remove', '削除'], ['create', '作成'], ['start', '起動'], ['stop', '停止'], ['show', '表示'],
  ['check', '確認'], ['change', '変更'], ['copy', 'コピー'], ['update', '更新'], ['restore', '復元'], ['move', '移動'],
] as const;
const FLAGS = ['a', 'd', 'f', 'i', 'n', 'o', 'p', 'q', 'r', 's', 't', 'v', 'w'];
const LONG_FLAGS = ['all', 'detach', 'force', 'interactive', 'name', 'output', 'port', 'quiet', 'recursive', 'since', 'tail', 'verbose', 'wait', 'format', 'filter', 'label'];
const KINDS: readonly Kind[] = ['command', 'command', 'command', 'concept', 'concept', 'recipe', 'error'];
const TOPICS: readonly Topic[] = ['docker', 'virtualization', 'virsh', 'boot', 'systemd', 'tools'];

/** A small deterministic pseudo-random generator (mulberry32), so every run measures the same entries. */
function randomGenerator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function detailsFor(random: () => number, object: readonly [string, string], verb: readonly [string, string]): { ja: string; en: string } {
  const ja: string[] = [];
  const en: string[] = [];
  for (let i = 0; i < 3; i++) {
    const other = pick(random, OBJECTS);
    ja.push(`${object[1]}を${verb[1]}する前に、関連する${other[1]}の状態を確認してください。実行中の${other[1]}には影響しません。`);
    en.push(`Before you ${verb[0]} the ${object[0]}, check the state of the related ${other[0]}. A running ${other[0]} is not affected.`);
  }
  return { ja: ja.join('\n'), en: en.join(' ') };
}

function syntheticEntry(random: () => number, index: number): Entry {
  const tool = pick(random, TOOLS);
  const subcommand = pick(random, SUBCOMMANDS);
  const object = pick(random, OBJECTS);
  const verb = pick(random, VERBS);
  const kind = pick(random, KINDS);
  const command = `${tool} ${object[0]} ${subcommand}`;
  const id = `${tool}-${object[0]}-${subcommand}-${index}`.replace(/[^a-z0-9-]/g, '');

  const options = Array.from({ length: 2 + Math.floor(random() * 5) }, () => {
    const long = pick(random, LONG_FLAGS);
    return { short: `-${pick(random, FLAGS)}`, long: `--${long}`, ja: `${object[1]}の${long}を指定します。`, en: `Sets the ${long} of the ${object[0]}.` };
  });

  return {
    id,
    kind,
    title: kind === 'command' ? command : `${object[1]}の${verb[1]}（${tool}）`,
    title_en: `${verb[0]} a ${object[0]} with ${tool}`,
    aliases: [`${tool} ${subcommand}-${object[0]}`],
    keywords: [`${object[1]}を${verb[1]}`, `${verb[0]} ${object[0]}s`, `${tool} ${object[0]}`],
    forms: kind === 'command' ? [command, `${tool} ${subcommand}`] : [],
    summary: { ja: `${tool} で${object[1]}を${verb[1]}します。`, en: `Uses ${tool} to ${verb[0]} a ${object[0]}.` },
    details: detailsFor(random, object, verb),
    syntax: `${command} [OPTIONS] ${object[0].toUpperCase()}`,
    options,
    arguments: [{ name: object[0].toUpperCase(), ja: `対象の${object[1]}です。`, en: `The ${object[0]} to use.`, optional: false, repeat: false, command: false }],
    examples: [{ code: `${command} ${options[0]!.short} my-${object[0]}`, ja: `my-${object[0]} を${verb[1]}します。`, en: `Runs on my-${object[0]}.` }],
    steps: kind === 'recipe' ? [{ ja: `${command} を実行します。`, code: command }] : [],
    message: kind === 'error' ? `Error: ${object[0]} "${id}" could not be ${verb[0]}ed: permission denied` : undefined,
    misconceptions: [],
    warnings: [],
    related: [],
    references: [{ title: `${tool} reference`, url: 'https://example.com/reference' }],
    popularity: Math.floor(random() * 40),
    topic: pick(random, TOPICS),
    file: `synthetic/${id}.yaml`,
  };
}

/** Returns `real` followed by synthetic entries, `total` entries in all. */
export function syntheticKnowledge(real: readonly Entry[], total: number, seed = 42): Entry[] {
  const random = randomGenerator(seed);
  const entries = [...real];
  for (let index = 0; entries.length < total; index++) entries.push(syntheticEntry(random, index));
  return entries;
}
