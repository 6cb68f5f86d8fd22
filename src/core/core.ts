import { t, type Locale } from '../i18n/index.js';
import type { Suggestion } from '../knowledge/index.js';
import { ACTION_HANDLERS, COMMANDS } from './commands/index.js';
import { createHelpCommand } from './commands/help.js';
import type { ActionHandler, AutocompleteSource, CommandDefinition, CoreContext, OptionDefinition } from './definition.js';
import { UserError } from './errors.js';
import { createReply, type Reply } from './reply.js';
import type { Request } from './request.js';

const NAME_PATTERN = /^[-_a-z0-9]{1,32}$/;
const MAX_DESCRIPTION = 100;

const AUTOCOMPLETE_KINDS = {
  commands: ['command', 'instruction'],
  concepts: ['concept', 'error', 'recipe'],
  entries: undefined,
} as const;

/** The option every command gets: answer only to the requester. */
export const PRIVATE_OPTION: OptionDefinition = {
  name: 'private',
  nameJa: '非公開',
  type: 'boolean',
  description: { ja: 'true にすると、あなただけに見える形で返信します', en: 'When true, only you see the reply' },
};

/** Appends PRIVATE_OPTION to a command and each of its subcommands that lack it. */
function withPrivateOption(command: CommandDefinition): CommandDefinition {
  const add = (options: readonly OptionDefinition[]): OptionDefinition[] =>
    options.some((option) => option.name === PRIVATE_OPTION.name) ? [...options] : [...options, PRIVATE_OPTION];
  if (command.subcommands && command.subcommands.length > 0) {
    return { ...command, subcommands: command.subcommands.map((subcommand) => ({ ...subcommand, options: add(subcommand.options) })) };
  }
  return { ...command, options: add(command.options) };
}

/** Rejects a definition with a missing field, a bad name, a long description or a duplicate name. */
export function validateDefinitions(definitions: readonly CommandDefinition[]): void {
  const names = new Set<string>();
  const checkName = (name: string, where: string): void => {
    if (!NAME_PATTERN.test(name)) throw new Error(`invalid command or option name "${name}" in ${where}: use 1-32 lower-case letters, digits, - or _`);
  };
  const checkDescription = (description: { ja: string; en: string } | undefined, where: string): void => {
    if (!description?.ja || !description.en) throw new Error(`missing Japanese or English description in ${where}`);
    if (description.ja.length > MAX_DESCRIPTION || description.en.length > MAX_DESCRIPTION) {
      throw new Error(`description longer than ${MAX_DESCRIPTION} characters in ${where}`);
    }
  };
  const checkOptions = (options: readonly OptionDefinition[], where: string): void => {
    const optionNames = new Set<string>();
    for (const option of options) {
      checkName(option.name, where);
      checkDescription(option.description, `${where} option ${option.name}`);
      if (optionNames.has(option.name)) throw new Error(`duplicate option ${option.name} in ${where}`);
      optionNames.add(option.name);
    }
  };

  for (const definition of definitions) {
    checkName(definition.name, `/${definition.name}`);
    checkDescription(definition.description, `/${definition.name}`);
    if (names.has(definition.name)) throw new Error(`duplicate command /${definition.name}`);
    names.add(definition.name);
    checkOptions(definition.options, `/${definition.name}`);
    for (const subcommand of definition.subcommands ?? []) {
      checkName(subcommand.name, `/${definition.name} ${subcommand.name}`);
      checkDescription(subcommand.description, `/${definition.name} ${subcommand.name}`);
      checkOptions(subcommand.options, `/${definition.name} ${subcommand.name}`);
    }
  }
}

/** The platform-neutral core: routes requests to command and button handlers and returns replies. */
export class Core {
  readonly commands: readonly CommandDefinition[];
  private readonly byName: Map<string, CommandDefinition>;
  private readonly actions: Map<string, ActionHandler>;

  constructor(
    readonly context: CoreContext,
    extraCommands: readonly CommandDefinition[] = [],
    extraActions: readonly ActionHandler[] = [],
  ) {
    const withoutHelp = [...COMMANDS, ...extraCommands];
    const help = createHelpCommand(() => this.commands);
    this.commands = [...withoutHelp, help].map(withPrivateOption);
    validateDefinitions(this.commands);
    this.byName = new Map(this.commands.map((command) => [command.name, command]));
    this.actions = new Map([...ACTION_HANDLERS, ...extraActions].map((handler) => [handler.prefix, handler]));
  }

  /** Returns the definition of a command, or undefined for an unknown name. */
  command(name: string): CommandDefinition | undefined {
    return this.byName.get(name);
  }

  /** Runs a command or a button click; never rejects, so adapters always have a reply to render. */
  async handle(request: Request): Promise<Reply> {
    try {
      const reply = await this.route(request);
      return request.options.private === true ? { ...reply, ephemeral: true } : reply;
    } catch (error) {
      return this.failure(error, request);
    }
  }

  /** Returns autocomplete choices for an option typed so far. */
  suggest(source: AutocompleteSource, prefix: string): Suggestion[] {
    const kinds = AUTOCOMPLETE_KINDS[source];
    return this.context.knowledge.suggest(prefix, kinds ? { kinds } : {});
  }

  private async route(request: Request): Promise<Reply> {
    if (request.actionId !== undefined) {
      const separator = request.actionId.indexOf(':');
      const prefix = separator === -1 ? request.actionId : request.actionId.slice(0, separator);
      const handler = this.actions.get(prefix);
      if (!handler) throw new UserError('core.unknownAction');
      return handler.handle(this.context, request, separator === -1 ? '' : request.actionId.slice(separator + 1));
    }

    const command = this.byName.get(request.command);
    if (!command) throw new UserError('core.unknownCommand', { command: request.command });
    return command.handle(this.context, request);
  }

  private failure(error: unknown, request: Request): Reply {
    if (error instanceof UserError) return errorReply(request.locale, t(request.locale, error.key, error.params));

    this.context.logger.error(
      { err: error, command: request.command, action: request.actionId, user: request.user.id, group: request.place.groupId, channel: request.place.channelId },
      'command failed',
    );
    return errorReply(request.locale, t(request.locale, 'error.internal'));
  }
}

/** Builds the private reply that shows a user error. */
export function errorReply(locale: Locale, message: string): Reply {
  return createReply(locale, { title: t(locale, 'error.title'), summary: message, ephemeral: true, tone: 'error' });
}
