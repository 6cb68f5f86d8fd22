import pino, { type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'config.discordToken',
  'config.slackBotToken',
  'config.slackAppToken',
  'config.slackSigningSecret',
];

export interface LoggerOptions {
  level: string;
  /** Pretty output for a terminal; JSON lines otherwise. */
  pretty: boolean;
  /** Where log lines go; standard error by default so standard output stays for replies. */
  destination?: NodeJS.WritableStream;
}

/** Creates the root logger; subsystems take a child with `logger.child({ subsystem })`. */
export function createLogger(options: LoggerOptions): Logger {
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  if (options.pretty && !options.destination) {
    return pino({
      level: options.level,
      redact,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino({ level: options.level, redact }, options.destination ?? pino.destination(2));
}

/** A logger that drops everything, for tests that do not inspect logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
