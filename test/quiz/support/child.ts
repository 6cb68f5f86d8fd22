import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A child process running a TypeScript file, with its output collected line by line. */
export class Child {
  readonly process: ChildProcessWithoutNullStreams;
  private output = '';
  private errors = '';
  private readonly exited: Promise<number | null>;

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    // Node itself runs the script (tsx as a loader, not its wrapper process), so a signal sent to this
    // process reaches the code under test and no orphan is left behind.
    this.process = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    this.process.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.process.stderr.on('data', (chunk: Buffer) => (this.errors += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  /** Waits until a line of standard output matches `pattern`, failing after `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const line = this.output.split('\n').find((candidate) => pattern.test(candidate));
        if (line === undefined) return false;
        cleanup();
        resolve(line);
        return true;
      };
      const onData = (): void => void check();
      const onExit = (code: number | null): void => {
        if (check()) return;
        cleanup();
        reject(new Error(`child exited with ${code} before printing ${pattern}: ${this.errors}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`child printed no ${pattern} within ${timeoutMs} ms: ${this.output} ${this.errors}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.process.stdout.off('data', onData);
        this.process.off('exit', onExit);
      };
      if (check()) return;
      this.process.stdout.on('data', onData);
      this.process.once('exit', onExit);
    });
  }

  /** Waits for the child to exit and returns its exit code (null when a signal ended it). */
  exit(): Promise<number | null> {
    return this.exited;
  }
}
