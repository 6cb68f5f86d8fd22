// Relevance evaluation of knowledge search.
//
// Usage: npm run eval:search [-- QUERIES.tsv]
// The file has a header and three tab-separated columns: query, accepted ids (comma-separated; empty
// for junk that must not get a confident answer) and case (the kind of query, such as typo or ja-task).
// Prints top-1, top-3 and MRR overall and per case, then every miss with what came first instead.
// Exits with status 1 when top-1 is below 95% or top-3 below 99%.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeBase, type SearchOutcome } from '../src/knowledge/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_QUERIES = path.join(ROOT, 'eval', 'search-queries.tsv');
const MIN_TOP1 = 0.95;
const MIN_TOP3 = 0.99;
/** Results inspected per query; a hit below this rank counts as a miss (reciprocal rank 0). */
const DEPTH = 10;

export interface EvalCase {
  query: string;
  expected: string[];
  kind: string;
  line: number;
}

export interface CaseResult {
  testCase: EvalCase;
  outcome: SearchOutcome;
  /** 1-based rank of the first accepted id; 0 when none is in the results. For junk, 1 when not confident. */
  rank: number;
}

/** Parses the query file, rejecting a malformed line with its line number. */
export function parseCases(text: string, file: string): EvalCase[] {
  const lines = text.split(/\r?\n/);
  const cases: EvalCase[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;

    const [query, expected, kind] = line.split('\t');
    if (query === undefined || expected === undefined || kind === undefined) {
      throw new Error(`${file}:${index + 2}: expected 3 tab-separated columns (query, expected, case), found: ${line}`);
    }
    const ids = expected.split(',').map((id) => id.trim()).filter((id) => id !== '');
    cases.push({ query, expected: ids, kind: kind.trim(), line: index + 2 });
  });
  return cases;
}

/** Runs one case: the rank of the first accepted id, or for junk whether search stayed unsure. */
export function runCase(knowledge: KnowledgeBase, testCase: EvalCase): CaseResult {
  const outcome = knowledge.search(testCase.query, { limit: DEPTH });
  if (testCase.expected.length === 0) return { testCase, outcome, rank: outcome.confident ? 0 : 1 };

  const index = outcome.results.findIndex((result) => testCase.expected.includes(result.entry.id));
  return { testCase, outcome, rank: index + 1 };
}

export interface Metrics {
  cases: number;
  top1: number;
  top3: number;
  mrr: number;
  /** Share of labelled cases whose first result is accepted and confident (shown as a card); NaN without labelled cases. */
  confidentTop1: number;
}

export function metricsOf(results: readonly CaseResult[]): Metrics {
  const count = results.length || 1;
  const labelled = results.filter((result) => result.testCase.expected.length > 0);
  const confidentHits = labelled.filter((result) => result.rank === 1 && result.outcome.confident).length;
  return {
    cases: results.length,
    top1: results.filter((result) => result.rank === 1).length / count,
    top3: results.filter((result) => result.rank >= 1 && result.rank <= 3).length / count,
    mrr: results.reduce((sum, result) => sum + (result.rank > 0 ? 1 / result.rank : 0), 0) / count,
    confidentTop1: labelled.length > 0 ? confidentHits / labelled.length : Number.NaN,
  };
}

function percent(value: number): string {
  return Number.isNaN(value) ? '-' : `${(value * 100).toFixed(1)}%`;
}

function formatRow(label: string, metrics: Metrics): string {
  return [
    label.padEnd(12),
    String(metrics.cases).padStart(5),
    percent(metrics.top1).padStart(8),
    percent(metrics.top3).padStart(8),
    metrics.mrr.toFixed(3).padStart(7),
    percent(metrics.confidentTop1).padStart(10),
  ].join(' ');
}

function describeMiss(result: CaseResult): string {
  const { testCase, outcome } = result;
  const top = outcome.results
    .slice(0, 3)
    .map((found) => `${found.entry.id} ${found.score.toFixed(2)}`)
    .join(', ');
  const expected = testCase.expected.length > 0 ? testCase.expected.join(',') : '(no confident result)';
  const where = result.rank > 1 ? `rank ${result.rank}` : 'not found';
  return [
    `  line ${testCase.line} [${testCase.kind}] ${JSON.stringify(testCase.query)}`,
    `    expected ${expected}; ${testCase.expected.length > 0 ? where : 'was confident'}`,
    `    first: ${top || '(no results)'}${outcome.confident ? ' (confident)' : ''}`,
  ].join('\n');
}

/** Prints the report and returns the process exit status. */
export function report(results: readonly CaseResult[], file: string): number {
  const overall = metricsOf(results);
  const kinds = [...new Set(results.map((result) => result.testCase.kind))].sort();

  console.log(`Search evaluation: ${path.relative(ROOT, file) || file}`);
  console.log(['case'.padEnd(12), 'n'.padStart(5), 'top-1'.padStart(8), 'top-3'.padStart(8), 'MRR'.padStart(7), 'confident'.padStart(10)].join(' '));
  for (const kind of kinds) console.log(formatRow(kind, metricsOf(results.filter((result) => result.testCase.kind === kind))));
  console.log(formatRow('overall', overall));

  const misses = results.filter((result) => result.rank !== 1);
  console.log(misses.length === 0 ? '\nNo misses.' : `\nMisses (${misses.length}):`);
  for (const miss of misses) console.log(describeMiss(miss));

  const passed = overall.top1 >= MIN_TOP1 && overall.top3 >= MIN_TOP3;
  console.log(`\n${passed ? 'PASS' : 'FAIL'}: top-1 ${percent(overall.top1)} (minimum ${percent(MIN_TOP1)}), top-3 ${percent(overall.top3)} (minimum ${percent(MIN_TOP3)})`);
  return passed ? 0 : 1;
}

function main(): void {
  const file = path.resolve(process.argv[2] ?? DEFAULT_QUERIES);
  const cases = parseCases(readFileSync(file, 'utf8'), file);
  const knowledge = KnowledgeBase.load(path.join(ROOT, 'knowledge'));
  const results = cases.map((testCase) => runCase(knowledge, testCase));
  process.exitCode = report(results, file);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
