// Start-up time of the shell adapter: from spawning the process to the first byte on standard output.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Result of one start: milliseconds to the first output byte, or why there was none. */
export type StartResult = { ok: true; milliseconds: number } | { ok: false; reason: string };

/** Environment variables that would make the bot connect to a platform instead of starting the shell. */
const PLATFORM_VARIABLES = /^(DISCORD_|SLACK_)/;
/** Maximum wait for the first byte before the attempt counts as failed. */
const TIMEOUT_MS = 20_000;

/**
 * Spawns `node_modules/.bin/tsx src/main.ts` in `root` with `/help` on standard input and measures the
 * time until the first byte on standard output. The child is stopped as soon as it writes.
 */
export function measureShellStart(root: string): Promise<StartResult> {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const main = path.join(root, 'src', 'main.ts');
  if (!existsSync(main)) return Promise.resolve({ ok: false, reason: 'src/main.ts does not exist yet' });
  if (!existsSync(tsx)) return Promise.resolve({ ok: false, reason: 'node_modules/.bin/tsx is missing (run npm install)' });

  const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !PLATFORM_VARIABLES.test(name)));
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(tsx, ['src/main.ts'], { cwd: root, env: environment, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let settled = false;
    const finish = (result: StartResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `no output within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);

    child.stdout.once('data', () => finish({ ok: true, milliseconds: performance.now() - started }));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => finish({ ok: false, reason: `spawn failed: ${error.message}` }));
    child.on('exit', (code) => {
      const firstLine = stderr.trim().split('\n')[0] ?? '';
      finish({ ok: false, reason: `exited with code ${code} before any output${firstLine ? `: ${firstLine.slice(0, 160)}` : ''}` });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end('/help\n');
  });
}
