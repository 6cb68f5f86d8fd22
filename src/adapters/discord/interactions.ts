import type { AutocompleteInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { errorReply, type Core } from '../../core/core.js';
import type { Request } from '../../core/request.js';
import { t } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import { answer, discordErrorCode, isStaleInteraction, loggableError, messageOptions, NO_MENTIONS, toChoices } from './platform.js';
import { renderReply } from './render.js';
import { autocompleteSource, buttonRequest, commandRequest, discordLocale } from './request.js';

/** The part of the core the adapter uses, so tests can wrap it (for example to make it slow). */
export type DiscordCore = Pick<Core, 'commands' | 'handle' | 'suggest'>;

export interface InteractionHandlerOptions {
  core: DiscordCore;
  logger: Logger;
  /** Milliseconds to wait for the core before deferring, normally DEFER_AFTER_MS. */
  deferAfterMs: number;
}

function interactionIds(interaction: Interaction): Record<string, string | undefined> {
  return {
    interaction: interaction.id,
    name: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isButton() ? interaction.customId : undefined,
    user: interaction.user.id,
    guild: interaction.guildId ?? undefined,
    channel: interaction.channelId ?? undefined,
  };
}

async function answerAutocomplete(core: DiscordCore, interaction: AutocompleteInteraction, logger: Logger): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const definition = core.commands.find((command) => command.name === interaction.commandName);
  const source = autocompleteSource(definition, interaction.options.getSubcommand(false), focused.name);

  const prefix = typeof focused.value === 'string' ? focused.value : String(focused.value);
  let choices: ReturnType<typeof toChoices> = [];
  try {
    if (source) choices = toChoices(core.suggest(source, prefix));
  } catch (error) {
    // An empty list is still a response in time, and without one Discord shows the user an error.
    logger.error({ err: loggableError(error), option: focused.name }, 'autocomplete failed');
  }
  await interaction.respond(choices);
  logger.debug({ option: focused.name, choices: choices.length }, 'autocomplete choices sent');
}

async function answerRequest(options: InteractionHandlerOptions, interaction: RepliableInteraction, request: Request, logger: Logger): Promise<void> {
  const started = Date.now();
  const render = (reply: Parameters<typeof renderReply>[0]) =>
    renderReply(reply, { onDroppedAction: (action, reason) => logger.warn({ action: action.id, reason }, 'button dropped') });

  // A private command defers privately, and so does a button, whose reply is nearly always private (cards, feedback).
  const deferEphemeral = request.options.private === true || request.actionId !== undefined;
  const path = await answer(interaction, options.core.handle(request), { render, deferAfterMs: options.deferAfterMs, deferEphemeral });
  logger.debug({ path, ms: Date.now() - started }, 'responded to interaction');
}

/** Sends the user a private apology when the interaction still accepts a response. */
async function apologize(interaction: Interaction, logger: Logger): Promise<void> {
  if (!interaction.isRepliable()) return;

  const locale = discordLocale(interaction.locale);
  const payload = renderReply(errorReply(locale, t(locale, 'error.internal')));
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(messageOptions(payload, true));
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
      await interaction.editReply({ ...payload, allowedMentions: NO_MENTIONS });
    } else {
      // A public "thinking…" placeholder would stay forever, so it is removed before the private apology.
      if (!interaction.replied) await interaction.deleteReply();
      await interaction.followUp(messageOptions(payload, true));
    }
  } catch (error) {
    logger.warn({ err: loggableError(error), code: discordErrorCode(error) }, 'could not send the apology');
  }
}

/**
 * Creates the listener for the client's interactionCreate event. It responds to slash commands,
 * buttons and autocomplete, and never throws: failures are logged with the ids involved.
 */
export function createInteractionHandler(options: InteractionHandlerOptions): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const logger = options.logger.child(interactionIds(interaction));
    try {
      if (interaction.isAutocomplete()) await answerAutocomplete(options.core, interaction, logger);
      else if (interaction.isChatInputCommand()) await answerRequest(options, interaction, commandRequest(interaction), logger);
      else if (interaction.isButton()) await answerRequest(options, interaction, buttonRequest(interaction), logger);
      else logger.debug({ type: interaction.type }, 'interaction of an unsupported type ignored');
    } catch (error) {
      if (isStaleInteraction(error)) {
        logger.warn({ code: discordErrorCode(error) }, 'interaction expired or was already acknowledged; dropped');
        return;
      }
      logger.error({ err: loggableError(error), code: discordErrorCode(error) }, 'interaction failed');
      await apologize(interaction, logger);
    }
  };
}
