import { userInfo } from 'node:os';
import { createInterface, type Completer } from 'node:readline';
import type { Core } from '../../core/core.js';
import type { Action, Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import { t, type Locale } from '../../i18n/index.js';
import { EXIT_WORDS, parseLine } from './parse.js';
import { numberedActions, renderReply } from './render.js';

export interface ShellOptions {
  core: Core;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  locale: Locale;
  /** True for a person at a terminal: prompt, banner, colours, history and tab completion. */
  interactive: boolean;
  /** The shell user's id. The local operator is an admin of the local group. */
  userId?: string;
  /** Ends the session as /exit does, as main.ts does on SIGTERM. */
  signal?: AbortSignal;
}

const PROMPT = 'shiori> ';
const HISTORY_SIZE = 500;
const MAX_COMPLETIONS = 25;

/**
 * Keeps the completions that start with what was typed, so readline can fill in their common prefix.
 * When none does (a typo, Japanese words), every suggestion is listed instead.
 */
function extending(completions: string[], line: string): string[] {
  const typed = line.toLowerCase();
  const matching = completions.filter((completion) => completion.toLowerCase().startsWith(typed));
  return matching.length > 0 ? matching : completions;
}

function completer(core: Core): Completer {
  return (line: string) => {
    const match = /^\/(\S*)(?:\s+(.*))?$/.exec(line);
    if (!match) return [extending(core.suggest('entries', line).map((choice) => choice.label), line), line];

    const [, name = '', argument] = match;
    if (argument === undefined) {
      const names = core.commands.map((command) => `/${command.name}`).filter((candidate) => candidate.startsWith(`/${name}`));
      return [names, line];
    }

    const command = core.command(name.toLowerCase());
    const source = command?.options.find((option) => option.autocomplete)?.autocomplete;
    if (!source) return [[], line];

    const choices = core.suggest(source, argument).slice(0, MAX_COMPLETIONS).map((choice) => `/${name} ${choice.label}`);
    return [extending(choices, line), line];
  };
}

/**
 * Runs the terminal chat until `/exit` or the end of input. Each line is handled before the next is
 * read, so piped input gets its replies in order.
 */
export async function runShell(options: ShellOptions): Promise<void> {
  const { core, output, locale, interactive } = options;
  const userId = options.userId ?? `local:${userInfo().username}`;
  const lines = createInterface({
    input: options.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    historySize: interactive ? HISTORY_SIZE : 0,
    completer: interactive ? completer(core) : undefined,
  });
  options.signal?.addEventListener('abort', () => lines.close(), { once: true });
  const write = (text: string): void => {
    output.write(text);
  };

  let lastActions: Action[] = [];
  const respond = (reply: Reply): void => {
    // A blank line between replies keeps piped output readable when several lines arrive at once.
    write(`${renderReply(reply, { color: interactive })}\n`);
    lastActions = numberedActions(reply);
    if (interactive && lastActions.length > 0) write(`${t(locale, 'shell.actionHint')}\n`);
  };

  if (interactive) {
    lines.on('SIGINT', () => {
      if (lines.line === '') {
        lines.close();
        return;
      }
      write('\n');
      lines.write(null, { ctrl: true, name: 'u' });
      lines.prompt();
    });
    write(`${t(locale, 'shell.banner')}\n`);
    lines.setPrompt(PROMPT);
    lines.prompt();
  }

  for await (const raw of lines) {
    const line = raw.trim();
    if (EXIT_WORDS.has(line.toLowerCase())) break;

    if (line !== '') {
      const base: Omit<Request, 'command' | 'options'> = {
        user: { id: userId, isAdmin: true },
        place: { platform: 'shell', groupId: 'local', channelId: 'terminal' },
        locale,
      };

      // NFKC turns full-width digits typed with a Japanese input method into ASCII.
      const number = line.normalize('NFKC');
      if (/^\d+$/.test(number)) {
        const action = lastActions[Number(number) - 1];
        if (lastActions.length === 0) write(`${t(locale, 'shell.noChoices')}\n`);
        else if (!action) write(`${t(locale, 'shell.noSuchChoice', { number, count: lastActions.length })}\n`);
        else respond(await core.handle({ ...base, command: '', options: {}, actionId: action.id }));
      } else {
        const { invalid, ...parsed } = parseLine(line, (name) => core.command(name));
        if (invalid) write(`${t(locale, `shell.invalid.${invalid.option.type === 'integer' ? 'integer' : 'boolean'}`, { option: invalid.option.name, value: invalid.value })}\n`);
        else respond(await core.handle({ ...base, ...parsed }));
      }
    }

    if (interactive) lines.prompt();
  }

  // Ctrl+D leaves the cursor after the prompt, so the farewell starts on a line of its own.
  if (interactive) write(`\n${t(locale, 'shell.goodbye')}\n`);
  lines.close();
}
