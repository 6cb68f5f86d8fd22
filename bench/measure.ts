// Timing helpers for the benchmark. Latencies are wall-clock milliseconds from performance.now().

/** Latency distribution over a set of inputs. */
export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Returns the nearest-rank percentile (0..100) of values sorted ascending. */
export function percentile(sorted: readonly number[], rank: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Returns the median of some values. */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Times one call in milliseconds. */
export function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Measures `run` on every input: after `warmups` untimed passes over all inputs, each input runs
 * `repeats` times and counts with its median, so one pause of the machine does not become an outlier.
 */
export function measureLatency<T>(inputs: readonly T[], run: (input: T) => unknown, repeats: number, warmups = 2): Latency {
  for (let pass = 0; pass < warmups; pass++) for (const input of inputs) run(input);

  const latencies = inputs.map((input) => median(Array.from({ length: repeats }, () => time(() => run(input)))));
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? Number.NaN };
}

/** Returns the prefixes a user types on the way to each query: the first 1, 2, 3, 5 and 8 characters, and none. */
export function prefixesOf(queries: readonly string[]): string[] {
  const prefixes = new Set<string>(['']);
  for (const query of queries) {
    const chars = Array.from(query);
    for (const length of [1, 2, 3, 5, 8]) if (chars.length >= length) prefixes.add(chars.slice(0, length).join(''));
  }
  return [...prefixes];
}

/** Formats milliseconds with a precision that suits their size. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  return `${Math.round(value)} ms`;
}

/** Formats bytes as mebibytes. */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
