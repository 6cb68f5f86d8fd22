import path from 'node:path';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import type { AdapterHandle } from './core/adapter.js';
import type { Core } from './core/core.js';
import { localeFromTag, t, type Locale } from './i18n/index.js';
import { KnowledgeBase } from './knowledge/index.js';
import { KnowledgeError, loadEntriesCached } from './knowledge/load.js';
import { createLogger, type Logger } from './log.js';
import { Store } from './store/index.js';

// Wires configuration, knowledge, store and core, then starts the platform adapters that have tokens,
// or the shell chat when none has.

interface MainFlags {
  lang?: string;
}

function parseMainFlags(argv: readonly string[]): MainFlags {
  const flags: MainFlags = {};
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index];
    if (word === '--lang') flags.lang = argv[++index];
    else if (word?.startsWith('--lang=')) flags.lang = word.slice('--lang='.length);
  }
  return flags;
}

async function startPlatforms(config: Config, core: Core, logger: Logger): Promise<AdapterHandle[]> {
  const handles: AdapterHandle[] = [];
  try {
    if (config.discord) {
      const { startDiscord } = await import('./adapters/discord/index.js');
      handles.push(await startDiscord({ core, logger: logger.child({ subsystem: 'discord' }), config: config.discord }));
    }
    if (config.slack) {
      const { startSlack } = await import('./adapters/slack/index.js');
      handles.push(await startSlack({ core, logger: logger.child({ subsystem: 'slack' }), config: config.slack }));
    }
  } catch (error) {
    // One platform failing stops the others, so the process exits instead of running half-connected.
    await Promise.allSettled(handles.map((handle) => handle.stop()));
    throw error;
  }
  return handles;
}

/** True for an operating-system error such as ENOENT, which names a path the user can fix. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined;
}

/** Time allowed for adapters to close their connections before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

/** Stops every adapter and closes the store once, however many signals arrive. */
function onShutdown(handles: AdapterHandle[], store: Store, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A client stuck reconnecting to an unreachable platform must not hold the process open.
    const forced = setTimeout(() => {
      logger.warn({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forced.unref();

    // In order: the quiz scheduler finishes its posts before the platforms it posts through close.
    for (const handle of handles) {
      try {
        await handle.stop();
      } catch (error) {
        logger.error({ err: error }, 'stopping failed');
      }
    }
    await store.close();
    logger.info('stopped');
    // Library timers (reconnect back-off, keep-alive) may outlive stop(); nothing is left to finish.
    logger.flush?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function main(argv: readonly string[]): Promise<number> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }

  const flags = parseMainFlags(argv);
  const locale: Locale = localeFromTag(flags.lang ?? config.terminalLocale);
  const platforms = config.discord !== undefined || config.slack !== undefined;
  // The shell chat shares the terminal with the log, so it logs only warnings unless LOG_LEVEL sets a level.
  const logger = createLogger({ level: config.logLevel ?? (platforms ? 'info' : 'warn'), pretty: process.stderr.isTTY === true });

  let knowledge: KnowledgeBase;
  let coreModule: typeof import('./core/core.js');
  try {
    knowledge = new KnowledgeBase(loadEntriesCached(config.knowledgeDir, path.join(config.dataDir, 'knowledge-cache.json')));
    // Loading the core reads the learning paths, whose errors get the same friendly report.
    coreModule = await import('./core/core.js');
    const { QuestionBank, useQuestionBank, useQuestionFolder } = await import('./quiz/index.js');
    const questionFolder = path.join(config.knowledgeDir, 'quiz');
    // A bot checks its questions at start-up. The terminal chat loads them at the first /quiz, so it
    // starts in under a second, and knowledge lint checks the files in CI either way.
    if (platforms) useQuestionBank(knowledge, QuestionBank.load(knowledge, questionFolder));
    else useQuestionFolder(knowledge, questionFolder);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      process.stderr.write(`${error.describe(locale)}\n`);
      return 1;
    }
    if (!isFileSystemError(error)) throw error;
    process.stderr.write(`${t(locale, 'startup.knowledgeUnreadable', { path: config.knowledgeDir, reason: error.code })}\n`);
    return 1;
  }

  let store: Store;
  try {
    store = await Store.open(config.databasePath, logger.child({ subsystem: 'store' }));
  } catch (error) {
    let reason = String(error);
    if (error instanceof Error) reason = error.message;
    if (isFileSystemError(error)) reason = error.code;
    process.stderr.write(`${t(locale, 'startup.storeUnavailable', { path: config.databasePath, reason })}\n`);
    return 1;
  }
  const core = new coreModule.Core({ knowledge, logger, store, now: () => new Date() });

  if (!platforms) {
    const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
    // At a terminal, build the search index right after the first prompt, while the user types. Piped
    // input gets its first reply at once instead, and the first search builds the index.
    if (interactive) setImmediate(() => knowledge.prepare());
    const { runShell } = await import('./adapters/shell/session.js');
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGTERM', onSignal);
    process.once('SIGHUP', onSignal);
    await runShell({ core, input: process.stdin, output: process.stdout, locale, interactive, signal: stop.signal });
    await store.close();
    return 0;
  }

  // Discord drops autocomplete replies after 3 seconds, so the index is built before connecting.
  knowledge.prepare();
  let handles: AdapterHandle[];
  try {
    handles = await startPlatforms(config, core, logger);
  } catch (error) {
    // Adapters log the cause with its hint (wrong token, unreachable API); the user gets no stack trace.
    logger.fatal({ err: error }, 'start-up failed');
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await store.close();
    return 1;
  }
  const { QuizScheduler } = await import('./quiz/index.js');
  const publishers = Object.fromEntries(handles.flatMap((handle) => (handle.publisher ? [[handle.publisher.platform, handle.publisher]] : [])));
  const quiz = new QuizScheduler({ store, knowledge, publishers, now: () => new Date(), logger: logger.child({ subsystem: 'quiz' }), graceMs: config.quizGraceMs });
  quiz.start();
  onShutdown([{ stop: () => quiz.stop() }, ...handles], store, logger);
  logger.info({ entries: knowledge.entries.length, adapters: handles.length }, 'started');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
