import type { App } from '@slack/bolt';
import { respondArguments } from './delivery.js';
import { incomingText } from './escape.js';
import { logDeliveryFailure, runRequest, type HandlerContext } from './handlers.js';
import { parseCommandText } from './parse.js';
import type { SlackIds } from './requests.js';

/**
 * Handles every slash command. The name selects the core command, so a command added to the core
 * works as soon as the app manifest lists it.
 */
export function registerCommands(app: App, context: HandlerContext): void {
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    // Slack shows the user an error when ack() does not arrive within 3 seconds; the reply follows.
    await ack();

    const ids: SlackIds = { team: command.team_id, channel: command.channel_id, user: command.user_id };
    const name = command.command.replace(/^\//, '');
    const text = incomingText(command.text ?? '');
    const reply = await runRequest(context, ids, () => {
      const parsed = parseCommandText(name, text, (candidate) => context.core.command(candidate));
      return context.requests.command(ids, parsed, command.user_name);
    });

    try {
      await respond(respondArguments(reply));
    } catch (error) {
      logDeliveryFailure(context.logger, error, ids, `reply to /${name}`);
    }
  });
}
