// Markdown page of benchmark results.

import type { HitRates } from './baseline.js';
import { formatMiB, formatMs, median, type Latency } from './measure.js';
import type { StartResult } from './shell.js';

export interface MachineInfo {
  node: string;
  platform: string;
  cpu: string;
  memory: string;
  loadAverage: string;
}

/** Figures for one knowledge base. */
export interface ScaleResult {
  label: string;
  entries: number;
  build: number;
  search: Latency;
  suggest: Latency;
  tuned: HitRates;
  baseline: HitRates;
  baselineSearch: Latency;
  baselineBuild: number;
  rss: number;
  heapUsed: number;
}

export interface BenchmarkResults {
  command: string;
  date: string;
  machine: MachineInfo;
  loadAverageAfter: string;
  /** Milliseconds to read and validate the YAML files. */
  load: number;
  baselineRss: number;
  cases: number;
  scales: [ScaleResult, ScaleResult];
  starts: StartResult[];
}

/** Targets on a 2-core machine, in milliseconds. */
const TARGETS = { shippedSearchP99: 2, syntheticSearchP99: 30, syntheticSuggestP99: 5, start: 1000 } as const;

function verdict(value: number, target: number): string {
  return value < target ? `< ${target} ms: met` : `< ${target} ms: **missed**`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function startSummary(starts: readonly StartResult[]): { text: string; milliseconds: number } {
  const times = starts.flatMap((start) => (start.ok ? [start.milliseconds] : []));
  const failure = starts.find((start) => !start.ok);
  if (times.length === 0) return { text: `not measured: ${failure && !failure.ok ? failure.reason : 'no attempt'}`, milliseconds: Number.NaN };

  const all = times.map((milliseconds) => formatMs(milliseconds)).join(', ');
  return { text: `${formatMs(median(times))} (median of ${all})`, milliseconds: median(times) };
}

function latencyRows(shipped: ScaleResult, synthetic: ScaleResult): string[] {
  return [
    `| index build | ${formatMs(shipped.build)} | ${formatMs(synthetic.build)} | |`,
    `| search p50 | ${formatMs(shipped.search.p50)} | ${formatMs(synthetic.search.p50)} | |`,
    `| search p99 | ${formatMs(shipped.search.p99)} | ${formatMs(synthetic.search.p99)} | shipped ${verdict(shipped.search.p99, TARGETS.shippedSearchP99)}; 10k ${verdict(synthetic.search.p99, TARGETS.syntheticSearchP99)} |`,
    `| search max | ${formatMs(shipped.search.max)} | ${formatMs(synthetic.search.max)} | |`,
    `| suggest p50 | ${formatMs(shipped.suggest.p50)} | ${formatMs(synthetic.suggest.p50)} | |`,
    `| suggest p99 | ${formatMs(shipped.suggest.p99)} | ${formatMs(synthetic.suggest.p99)} | 10k ${verdict(synthetic.suggest.p99, TARGETS.syntheticSuggestP99)} |`,
    `| suggest max | ${formatMs(shipped.suggest.max)} | ${formatMs(synthetic.suggest.max)} | |`,
    `| resident memory (RSS) after build | ${formatMiB(shipped.rss)} | ${formatMiB(synthetic.rss)} | |`,
    `| JavaScript heap used after build | ${formatMiB(shipped.heapUsed)} | ${formatMiB(synthetic.heapUsed)} | |`,
  ];
}

function comparisonRows(scale: ScaleResult): string[] {
  const { tuned, baseline } = scale;
  return [
    `| Shiori search, ${scale.label} | ${percent(tuned.top1)} | ${percent(tuned.top3)} | ${tuned.mrr.toFixed(3)} | ${formatMs(scale.search.p50)} | ${formatMs(scale.search.p99)} | ${formatMs(scale.build)} |`,
    `| plain fuse.js, ${scale.label} | ${percent(baseline.top1)} | ${percent(baseline.top3)} | ${baseline.mrr.toFixed(3)} | ${formatMs(scale.baselineSearch.p50)} | ${formatMs(scale.baselineSearch.p99)} | ${formatMs(scale.baselineBuild)} |`,
  ];
}

/** Renders the results as the Markdown page `docs/benchmarks.md`. */
export function renderReport(results: BenchmarkResults): string {
  const [shipped, synthetic] = results.scales;
  const start = startSummary(results.starts);
  const startVerdict = Number.isFinite(start.milliseconds) ? verdict(start.milliseconds, TARGETS.start) : `< ${TARGETS.start} ms: not measured`;
  return [
    '# Search benchmarks',
    '',
    `Produced by \`${results.command}\` (\`bench/run.ts\`) on ${results.date}. Rerun it after a change to search or`,
    'to the knowledge base; it overwrites this page.',
    '',
    '## Machine',
    '',
    `- Node.js ${results.machine.node} on ${results.machine.platform}`,
    `- CPU: ${results.machine.cpu}; memory ${results.machine.memory}`,
    `- Load average (1, 5, 15 min) at start: ${results.machine.loadAverage}; at end: ${results.loadAverageAfter}.`,
    '  Other processes on the machine slow the latencies down; compare runs made under similar load.',
    '',
    '## Latency and memory',
    '',
    `Queries are the ${results.cases} cases of \`eval/search-queries.tsv\`. Each query runs several times after two warm-up`,
    'passes and counts with its median time: 7 runs on the shipped knowledge base and 3 on the synthetic one.',
    'Plain fuse.js gets 3 runs after one warm-up pass, and a single run on the synthetic one, where it is slow.',
    'p50 and p99 are nearest-rank percentiles over the queries. Suggest prefixes are the empty prefix and',
    'the first 1, 2, 3, 5 and 8 characters of every query.',
    '',
    `Reading and validating the YAML files took ${formatMs(results.load)}; the index build below excludes it.`,
    `The synthetic knowledge base is the ${shipped.entries} shipped entries plus generated ones with the same shape`,
    '(`bench/synthetic.ts`), built in memory.',
    '',
    `| measure | shipped (${shipped.entries} entries) | synthetic (${synthetic.entries} entries) | target |`,
    '| --- | --- | --- | --- |',
    ...latencyRows(shipped, synthetic),
    '',
    `Resident memory of the benchmark process before loading anything: ${formatMiB(results.baselineRss)}. The synthetic`,
    'figure includes the shipped knowledge base, which is still loaded.',
    '',
    '## Start-up of the shell adapter',
    '',
    'Time from spawning `node_modules/.bin/tsx src/main.ts` with `/help` on standard input to the first byte on',
    'standard output, with no platform tokens in the environment. It includes compiling TypeScript with tsx.',
    '',
    `- ${start.text}`,
    `- target ${startVerdict}`,
    '',
    '## Compared with plain fuse.js',
    '',
    'The baseline is fuse.js with default options (threshold 0.6, no normalization) over the keys `title`,',
    '`aliases` and `summary`, on the same entries and queries. Hit rates follow `npm run eval:search`: a junk',
    'query counts as a hit when Shiori is not confident, or when plain fuse.js returns nothing.',
    '',
    '| search | top-1 | top-3 | MRR | p50 | p99 | build |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...comparisonRows(shipped),
    ...comparisonRows(synthetic),
    '',
  ].join('\n');
}
