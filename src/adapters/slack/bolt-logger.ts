import { inspect } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

// Bolt, its Web API client and its Socket Mode client log through this adapter. Their info lines are
// routine (each request, each reconnect step), so they go to pino's debug level, and their debug lines
// go to trace. Bolt logs message bodies at its debug level, so they appear only at trace. The adapter's
// own code logs connection changes and failures at info and above, with the ids involved.

type PinoLevel = 'trace' | 'debug' | 'warn' | 'error';

/** Joins Bolt's message parts into one line; objects are shown shallowly so no payload is dumped whole. */
function format(parts: unknown[]): { error?: Error; text: string } {
  const error = parts.find((part): part is Error => part instanceof Error);
  const text = parts
    .filter((part) => !(part instanceof Error))
    .map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 1, breakLength: Infinity, maxStringLength: 200 })))
    .join(' ');
  return { error, text: text || error?.message || 'bolt log' };
}

/** Wraps a pino logger in Bolt's Logger interface. */
export function createBoltLogger(logger: Logger): BoltLogger {
  const write = (level: PinoLevel, parts: unknown[]): void => {
    if (!logger.isLevelEnabled(level)) return;
    const { error, text } = format(parts);
    if (error) logger[level]({ err: error }, text);
    else logger[level](text);
  };

  return {
    debug: (...parts: unknown[]) => write('trace', parts),
    info: (...parts: unknown[]) => write('debug', parts),
    warn: (...parts: unknown[]) => write('warn', parts),
    error: (...parts: unknown[]) => write('error', parts),
    // The level follows the pino logger. Bolt reads it to decide whether to build debug output.
    setLevel: () => undefined,
    setName: () => undefined,
    getLevel: () => {
      if (logger.isLevelEnabled('trace')) return LogLevel.DEBUG;
      if (logger.isLevelEnabled('debug')) return LogLevel.INFO;
      if (logger.isLevelEnabled('warn')) return LogLevel.WARN;
      return LogLevel.ERROR;
    },
  };
}
