// Search benchmark: index build, search and suggest latency on the shipped knowledge base and on a
// synthetic one of 10,000 entries, shell start-up, memory, and plain fuse.js side by side.
//
// Usage: npm run bench
// Writes docs/benchmarks.md and prints the same figures. Takes a few minutes, most of it building
// and querying the synthetic knowledge base.

import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { metricsOf, parseCases, runCase, type EvalCase } from '../eval/run.js';
import { KnowledgeBase } from '../src/knowledge/index.js';
import { loadEntries } from '../src/knowledge/load.js';
import type { Entry } from '../src/knowledge/schema.js';
import { baselineIds, createBaseline, hitRates, type HitRates } from './baseline.js';
import { measureLatency, median, prefixesOf, time } from './measure.js';
import { renderReport, type MachineInfo, type ScaleResult } from './report.js';
import { measureShellStart, type StartResult } from './shell.js';
import { syntheticKnowledge } from './synthetic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(ROOT, 'docs', 'benchmarks.md');
const SYNTHETIC_SIZE = 10_000;
/** How often each knowledge base is built, and how often each query runs (the median counts). */
interface Plan {
  builds: number;
  repeats: number;
  /** Runs per query for plain fuse.js, which takes up to a second per query on 10,000 entries. */
  baselineRepeats: number;
  baselineWarmups: number;
}

const PLANS = {
  shipped: { builds: 5, repeats: 7, baselineRepeats: 3, baselineWarmups: 1 },
  synthetic: { builds: 1, repeats: 3, baselineRepeats: 1, baselineWarmups: 0 },
} as const satisfies Record<string, Plan>;
const SHELL_STARTS = 3;

function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'}, ${os.availableParallelism()} cores available`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    loadAverage: os.loadavg().map((load) => load.toFixed(2)).join(', '),
  };
}

/** Builds, evaluates and times one knowledge base; the plain fuse.js baseline runs on the same entries. */
function measureScale(label: string, entries: readonly Entry[], cases: readonly EvalCase[], plan: Plan): ScaleResult {
  const progress = (step: string): void => console.error(`${label}: ${step}`);
  const buildTimes: number[] = [];
  let knowledge: KnowledgeBase | undefined;
  progress('building the index');
  for (let i = 0; i < plan.builds; i++) {
    buildTimes.push(
      time(() => {
        knowledge = new KnowledgeBase(entries);
        knowledge.prepare();
      }),
    );
  }
  const built = knowledge!;
  const memory = process.memoryUsage();

  const queries = cases.map((testCase) => testCase.query);
  progress('timing search and suggest');
  const search = measureLatency(queries, (query) => built.search(query), plan.repeats);
  const suggest = measureLatency(prefixesOf(queries), (prefix) => built.suggest(prefix), plan.repeats);
  const metrics = metricsOf(cases.map((testCase) => runCase(built, testCase)));
  const tuned: HitRates = { top1: metrics.top1, top3: metrics.top3, mrr: metrics.mrr };

  progress('timing plain fuse.js');
  let fuse = createBaseline(entries);
  const baselineBuild = time(() => (fuse = createBaseline(entries)));
  const rankings = new Map<string, string[]>();
  const baselineSearch = measureLatency(queries, (query) => rankings.set(query, baselineIds(fuse, query)), plan.baselineRepeats, plan.baselineWarmups);
  const baseline = hitRates(cases, (query) => rankings.get(query) ?? baselineIds(fuse, query));

  progress(`${entries.length} entries, build ${median(buildTimes).toFixed(1)} ms, search p99 ${search.p99.toFixed(3)} ms, suggest p99 ${suggest.p99.toFixed(3)} ms`);
  return {
    label,
    entries: entries.length,
    build: median(buildTimes),
    search,
    suggest,
    tuned,
    baseline,
    baselineSearch,
    baselineBuild,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
  };
}

async function measureStarts(): Promise<StartResult[]> {
  const results: StartResult[] = [];
  for (let i = 0; i < SHELL_STARTS; i++) {
    const result = await measureShellStart(ROOT);
    results.push(result);
    if (!result.ok) break;
  }
  return results;
}

async function main(): Promise<void> {
  const startMachine = machineInfo();
  const baselineMemory = process.memoryUsage();
  const cases = parseCases(readFileSync(path.join(ROOT, 'eval', 'search-queries.tsv'), 'utf8'), 'eval/search-queries.tsv');

  // Start-up is timed first, before this process holds the synthetic knowledge base and competes with
  // the child for memory and CPU.
  const starts = await measureStarts();
  let entries: Entry[] = [];
  const load = time(() => (entries = loadEntries(path.join(ROOT, 'knowledge'))));
  const shipped = measureScale('shipped', entries, cases, PLANS.shipped);
  const synthetic = measureScale(`synthetic ${SYNTHETIC_SIZE}`, syntheticKnowledge(entries, SYNTHETIC_SIZE), cases, PLANS.synthetic);

  const report = renderReport({
    command: 'npm run bench',
    date: new Date().toISOString(),
    machine: startMachine,
    loadAverageAfter: machineInfo().loadAverage,
    load,
    baselineRss: baselineMemory.rss,
    cases: cases.length,
    scales: [shipped, synthetic],
    starts,
  });
  writeFileSync(OUTPUT, report);
  console.log(report);
  console.log(`Wrote ${path.relative(ROOT, OUTPUT)}`);
}

await main();
