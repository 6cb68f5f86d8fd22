import { createInterface } from 'node:readline';
import { renderReply } from './adapters/shell/render.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { runExplainCli } from './explain/cli.js';
import { localeFromTag, t, type Locale } from './i18n/index.js';
import { KnowledgeBase, type SearchOutcome } from './knowledge/index.js';
import { lintKnowledge } from './knowledge/lint.js';
import { KnowledgeError } from './knowledge/load.js';
import { createLogger } from './log.js';
import { runQuizCli } from './quiz/cli.js';

// Tool commands: everything printed on standard output is the answer, so tools can parse it;
// messages for people go to standard error.

const USAGE = `Usage: npm run --silent cli -- <command>

  search [--json] [QUERY]   search the knowledge base; without QUERY, one query per line of standard input
  list [--json]             list every entry (id, kind, title)
  show [--json] ID          show one entry
  knowledge lint            check every knowledge file and the manifest coverage
  explain [--json] [LINE]   explain a command line part by part; without LINE, one line per line of standard input
  quiz --now CHANNEL        post CHANNEL's scheduled quiz now, printed here (CHANNEL or PLATFORM:GROUP:CHANNEL)
`;

const MAX_RESULTS = 10;

type Command = (args: string[], options: CliOptions) => Promise<number> | number;

interface CliOptions {
  json: boolean;
  locale: Locale;
  knowledgeDir: string;
}

function searchJson(outcome: SearchOutcome): string {
  const results = outcome.results.map(({ entry, score }) => ({ id: entry.id, kind: entry.kind, title: entry.title, score: Number(score.toFixed(4)) }));
  return JSON.stringify({ query: outcome.query, results });
}

function searchText(outcome: SearchOutcome): string {
  if (outcome.results.length === 0) return `${outcome.query}: -\n`;
  return outcome.results.map(({ entry, score }) => `${score.toFixed(3)}  ${entry.id}  ${entry.title}`).join('\n') + '\n';
}

const search: Command = async (args, options) => {
  const knowledge = KnowledgeBase.load(options.knowledgeDir);
  const format = options.json ? searchJson : searchText;
  const answer = (query: string): string => {
    if (query.trim() === '') return format({ query, results: [], confident: false });
    return format(knowledge.search(query, { limit: MAX_RESULTS }));
  };

  if (args.length > 0) {
    process.stdout.write(`${answer(args.join(' '))}${options.json ? '\n' : ''}`);
    return 0;
  }

  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) process.stdout.write(`${answer(line)}${options.json ? '\n' : ''}`);
  return 0;
};

const list: Command = (_args, options) => {
  const knowledge = KnowledgeBase.load(options.knowledgeDir);
  const rows = knowledge.entries.map((entry) => ({ id: entry.id, kind: entry.kind, title: entry.title }));
  if (options.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else for (const row of rows) process.stdout.write(`${row.id}\t${row.kind}\t${row.title}\n`);
  return 0;
};

const show: Command = (args, options) => {
  const [id] = args;
  if (!id) {
    process.stderr.write(USAGE);
    return 2;
  }

  const entry = KnowledgeBase.load(options.knowledgeDir).lookup(id);
  if (!entry) {
    process.stderr.write(`${t(options.locale, 'lookup.unknownId', { id })} ${t(options.locale, 'cli.listHint')}\n`);
    return 1;
  }
  process.stdout.write(options.json ? `${JSON.stringify(entry)}\n` : `${JSON.stringify(entry, null, 2)}\n`);
  return 0;
};

const knowledgeCommand: Command = (args, options) => {
  if (args[0] !== 'lint') {
    process.stderr.write(USAGE);
    return 2;
  }

  const report = lintKnowledge(options.knowledgeDir, options.locale);
  for (const problem of report.problems) process.stderr.write(problem.file ? `${problem.file}: ${problem.message}\n` : `${problem.message}\n`);
  if (report.problems.length > 0) {
    process.stderr.write(`${t(options.locale, 'knowledge.lintFailed', { count: report.problems.length })}\n`);
    return 1;
  }
  process.stdout.write(`${t(options.locale, 'knowledge.lintOk', { entries: report.entries.length, files: report.files })}\n`);
  return 0;
};

/** `quiz --now CHANNEL`: prints the channel's scheduled quiz through the shell renderer. */
const quiz: Command = (args, options) => {
  const config = loadConfig();
  return runQuizCli(args, {
    locale: options.locale,
    knowledgeDir: options.knowledgeDir,
    databasePath: config.databasePath,
    output: process.stdout,
    errors: process.stderr,
    render: (reply) => renderReply(reply, { color: process.stdout.isTTY === true }),
    logger: createLogger({ level: config.logLevel ?? 'warn', pretty: false }).child({ subsystem: 'quiz' }),
  });
};

/** `explain [--json] [LINE]`: explains a command line, or each line of standard input. */
const explain: Command = (args, options) =>
  runExplainCli(args, {
    ...options,
    readLines: () => createInterface({ input: process.stdin, terminal: false }),
    output: process.stdout,
    render: (reply) => renderReply(reply, { color: process.stdout.isTTY === true }),
  });

const COMMANDS = new Map<string, Command>([
  ['search', search],
  ['list', list],
  ['show', show],
  ['knowledge', knowledgeCommand],
  ['explain', explain],
  ['quiz', quiz],
]);

interface Flags {
  json: boolean;
  help: boolean;
  lang?: string;
  positionals: string[];
}

/**
 * Separates the few known flags from the positional words. Anything else, such as a query that starts
 * with a dash (`-p 5000:5000`), is positional, and `--` makes every later word positional.
 */
export function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = { json: false, help: false, positionals: [] };
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] ?? '';
    if (word === '--') {
      flags.positionals.push(...argv.slice(index + 1));
      break;
    }
    if (word === '--json') flags.json = true;
    else if (word === '--help' || word === '-h') flags.help = true;
    else if (word === '--lang') flags.lang = argv[++index];
    else if (word.startsWith('--lang=')) flags.lang = word.slice('--lang='.length);
    else flags.positionals.push(word);
  }
  return flags;
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }

  const locale = localeFromTag(flags.lang ?? config.terminalLocale);
  const [name, ...args] = flags.positionals;
  const command = name ? COMMANDS.get(name) : undefined;
  if (flags.help) {
    process.stderr.write(USAGE);
    return 0;
  }
  if (!command) {
    if (name) process.stderr.write(`${t(locale, 'cli.unknownCommand', { name })}\n`);
    process.stderr.write(USAGE);
    return 2;
  }

  try {
    return await command(args, { json: flags.json, locale, knowledgeDir: config.knowledgeDir });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      process.stderr.write(`${error.describe(locale)}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') throw error;
    process.stderr.write(`${t(locale, 'startup.knowledgeUnreadable', { path: config.knowledgeDir, reason: code })}\n`);
    return 1;
  }
}

process.exitCode = await runCli(process.argv.slice(2));
