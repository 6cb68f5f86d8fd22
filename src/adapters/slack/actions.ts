import type { App, BlockAction } from '@slack/bolt';
import { postDirect, respondArguments } from './delivery.js';
import { logDeliveryFailure, runRequest, type HandlerContext } from './handlers.js';
import { publishHome } from './home.js';
import type { SlackIds } from './requests.js';

/**
 * Routes every button click to the core by its action id, such as `card:docker-run`, so buttons of
 * commands added later work without Slack changes. The reply is a new message, private when the core
 * marks it so. A click in App Home has no response_url, so its reply goes to a direct message, and
 * the Home tab is published again so that its progress bars show what the click changed.
 */
export function registerActions(app: App, context: HandlerContext): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: /.+/ }, async ({ action, body, ack, respond, client }) => {
    // Slack shows the user an error when ack() does not arrive within 3 seconds; the reply follows.
    await ack();

    const ids: SlackIds = { team: body.team?.id ?? body.user.team_id ?? '', channel: body.channel?.id ?? '', user: body.user.id };
    if (action.type !== 'button') {
      context.logger.debug({ team: ids.team, channel: ids.channel, user: ids.user, type: action.type }, 'ignored a non-button action');
      return;
    }

    const actionId = action.action_id;
    const reply = await runRequest(context, ids, () => context.requests.action(ids, actionId, body.user.name));
    try {
      if (body.response_url) await respond(respondArguments(reply));
      else await postDirect(client, ids.user, reply);
    } catch (error) {
      logDeliveryFailure(context.logger, error, ids, `reply to the button ${actionId}`);
    }

    if (body.view?.type !== 'home') return;
    try {
      await publishHome(context, client, ids);
    } catch (error) {
      logDeliveryFailure(context.logger, error, ids, 'App Home view');
    }
  });
}
