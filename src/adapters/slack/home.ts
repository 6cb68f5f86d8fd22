import type { webApi } from '@slack/bolt';
import { t } from '../../i18n/index.js';
import { runRequest, type HandlerContext } from './handlers.js';
import { SLACK_LIMITS } from './limits.js';
import { renderReply } from './render.js';
import type { SlackIds } from './requests.js';

/**
 * Publishes the App Home tab: the `/shiori help` page in the workspace's language, with how to ask
 * in channels and direct messages. Publishing again replaces the view, so repeated opens are harmless.
 */
export async function publishHome(context: HandlerContext, client: webApi.WebClient, ids: SlackIds): Promise<void> {
  const reply = await runRequest(context, ids, () => context.requests.command(ids, { command: 'shiori', subcommand: 'help', options: {} }));
  const hints = [t(reply.locale, 'slack.mentionHint'), t(reply.locale, 'slack.umbrellaHint')];
  const page = { ...reply, blocks: [...reply.blocks, { type: 'list' as const, items: hints }] };

  const { blocks } = renderReply(page, { maxBlocks: SLACK_LIMITS.homeBlocks });
  await client.views.publish({ user_id: ids.user, view: { type: 'home', blocks } });
}
