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
  /** Who the shell user is; the local operator is an admin of the local group. */
  userId?: string;
}

const PROMPT = 'shiori> ';
const HISTORY_SIZE = 500;
const MAX_COMPLETIONS = 25;

function completer(core: Core): Completer {
  return (line: string) => {
    const match = /^\/(\S*)(?:\s+(.*))?$/.exec(line);
    if (!match) return [core.suggest('entries', line).map((choice) => choice.label), line];

    const [, name = '', argument] = match;
    if (argument === undefined) {
      const names = core.commands.map((command) => `/${command.name}`).filter((candidate) => candidate.startsWith(`/${name}`));
      return [names, line];
    }

    const command = core.command(name.toLowerCase());
    const source = command?.options.find((option) => option.autocomplete)?.autocomplete;
    if (!source) return [[], line];

    const choices = core.suggest(source, argument).slice(0, MAX_COMPLETIONS);
    return [choices.map((choice) => `/${name} ${choice.label}`), line];
  };
}

/**
 * Runs the terminal chat until `/exit` or the end of input. Each line is handled before the next is
 * read, so piped input is answered in order.
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
  const write = (text: string): void => {
    output.write(text);
  };

  let lastActions: Action[] = [];
  const respond = (reply: Reply): void => {
    // A blank line between replies keeps piped output readable when several lines are answered.
    write(`${renderReply(reply, { color: interactive })}\n`);
    lastActions = numberedActions(reply);
    if (interactive && lastActions.length > 0) write(`${t(locale, 'shell.actionHint')}\n`);
  };

  if (interactive) {
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

      if (/^\d{1,2}$/.test(line) && lastActions.length > 0) {
        const action = lastActions[Number(line) - 1];
        if (!action) write(`${t(locale, 'shell.noSuchChoice', { number: line, count: lastActions.length })}\n`);
        else respond(await core.handle({ ...base, command: '', options: {}, actionId: action.id }));
      } else {
        const parsed = parseLine(line, (name) => core.command(name));
        respond(await core.handle({ ...base, ...parsed }));
      }
    }

    if (interactive) lines.prompt();
  }

  if (interactive) write(`${t(locale, 'shell.goodbye')}\n`);
  lines.close();
}
