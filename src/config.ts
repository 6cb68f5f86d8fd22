import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// This module is the only reader of process.env: everything else takes a Config.

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** Treats an empty variable like an unset one, as a blank line in `.env` means "use the default". */
const blankAsUnset = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const port = z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(3000));
const httpUrl = (fallback: string) => z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).default(fallback));
const textWithDefault = (fallback: string) => z.preprocess(blankAsUnset, z.string().default(fallback));
const flag = z.preprocess(
  (value) => (typeof value === 'string' ? blankAsUnset(value.trim().toLowerCase()) : value),
  z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
);

const environmentSchema = z.object({
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  SHIORI_DATA_DIR: textWithDefault('data'),
  SHIORI_DB_PATH: optionalText,
  SHIORI_KNOWLEDGE_DIR: textWithDefault('knowledge'),
  SHIORI_QUIZ_GRACE_MINUTES: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(24 * 60).default(120)),
  LANG: optionalText,
  LC_ALL: optionalText,

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: httpUrl('https://discord.com/api'),
  DISCORD_MEMBER_EVENTS: flag,

  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  /** Kept as given so an empty value can be reported instead of silently ignored. */
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_PORT: port,
  SLACK_HOST: textWithDefault('127.0.0.1'),
  SLACK_API_URL: httpUrl('https://slack.com/api/'),
  SLACK_ADMIN_USERS: optionalText,
});

const HINTS: Record<string, string> = {
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  DISCORD_API_URL: 'use an http(s) URL such as https://discord.com/api',
  DISCORD_MEMBER_EVENTS: 'use true or false; true needs the Server Members Intent switched on in the Discord Developer Portal',
  SLACK_API_URL: 'use an http(s) URL such as https://slack.com/api/',
  SLACK_PORT: 'use a port number from 0 to 65535',
  SHIORI_QUIZ_GRACE_MINUTES: 'use a whole number of minutes from 0 to 1440',
};

export interface Config {
  /** Log level from LOG_LEVEL; when unset, main.ts picks one for the mode it runs in. */
  logLevel?: string;
  dataDir: string;
  databasePath: string;
  knowledgeDir: string;
  /** How late a missed daily quiz may still be posted after a restart, in milliseconds. */
  quizGraceMs: number;
  /** The POSIX locale of the terminal (`LC_ALL`, then `LANG`), for the shell's language. */
  terminalLocale: string | undefined;
  discord?: {
    token: string;
    applicationId?: string;
    apiUrl: string;
    /** Welcome members on join, which needs the privileged Server Members intent; false when unset. */
    memberEvents?: boolean;
  };
  slack?: {
    botToken: string;
    appToken?: string;
    signingSecret?: string;
    port: number;
    host: string;
    apiUrl: string;
    adminUsers: string[];
  };
}

/** A configuration problem: every invalid or missing variable with how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Loads `.env` from the working folder, if there is one, without overriding variables already set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Reads and validates the configuration from `environment` (the process environment by default). */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      // Only non-secret settings reach here: tokens and secrets are free text and never fail the schema.
      return `${name}="${String(environment[name] ?? '')}" is invalid: ${HINTS[name] ?? 'see .env.example'}`;
    });
    throw new ConfigError(problems);
  }

  const env = parsed.data;
  const problems: string[] = [];
  const config: Config = {
    logLevel: env.LOG_LEVEL,
    dataDir: env.SHIORI_DATA_DIR,
    databasePath: env.SHIORI_DB_PATH ?? path.join(env.SHIORI_DATA_DIR, 'shiori.sqlite'),
    knowledgeDir: env.SHIORI_KNOWLEDGE_DIR,
    quizGraceMs: env.SHIORI_QUIZ_GRACE_MINUTES * 60_000,
    terminalLocale: env.LC_ALL ?? env.LANG,
  };

  if (env.DISCORD_TOKEN) {
    config.discord = {
      token: env.DISCORD_TOKEN,
      applicationId: env.DISCORD_APPLICATION_ID,
      apiUrl: env.DISCORD_API_URL,
      memberEvents: env.DISCORD_MEMBER_EVENTS,
    };
  }

  // Blank lines copied from .env.example do not ask for Slack; any real value does.
  const slackWanted = env.SLACK_BOT_TOKEN !== undefined || env.SLACK_APP_TOKEN !== undefined || (env.SLACK_SIGNING_SECRET ?? '').trim() !== '';
  if (slackWanted) {
    if (!env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN is missing: set the bot token (xoxb-...) from the Slack app\'s OAuth & Permissions page');
    else if (!env.SLACK_BOT_TOKEN.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN does not start with xoxb-: use the Bot User OAuth Token from OAuth & Permissions');
    if (env.SLACK_APP_TOKEN && !env.SLACK_APP_TOKEN.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN does not start with xapp-: use an app-level token from Basic Information');
    if (!env.SLACK_APP_TOKEN && env.SLACK_SIGNING_SECRET !== undefined && env.SLACK_SIGNING_SECRET.trim() === '') {
      problems.push('SLACK_SIGNING_SECRET is empty: HTTP mode needs the signing secret from the Slack app\'s Basic Information page');
    }
    if (!env.SLACK_APP_TOKEN && env.SLACK_SIGNING_SECRET === undefined) {
      problems.push('SLACK_APP_TOKEN is missing: set the app-level token (xapp-...) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode');
    }
    config.slack = {
      botToken: env.SLACK_BOT_TOKEN ?? '',
      appToken: env.SLACK_APP_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET?.trim() || undefined,
      port: env.SLACK_PORT,
      host: env.SLACK_HOST,
      apiUrl: env.SLACK_API_URL,
      adminUsers: (env.SLACK_ADMIN_USERS ?? '').split(',').map((id) => id.trim()).filter((id) => id !== ''),
    };
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
