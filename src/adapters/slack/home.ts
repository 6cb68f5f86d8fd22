import type { webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import { t } from '../../i18n/index.js';
import { memberHome } from '../../onboarding/flow.js';
import type { SlackBlock } from './blocks.js';
import { runRequest, type HandlerContext } from './handlers.js';
import { SLACK_LIMITS } from './limits.js';
import { renderReply } from './render.js';
import type { SlackIds } from './requests.js';

/** Builds the member's learning paths with progress and buttons, or returns undefined when the store fails. */
async function progressPage(context: HandlerContext, ids: SlackIds): Promise<Reply | undefined> {
  try {
    const locale = await context.requests.locale(ids.team);
    return await memberHome(context.core.context, { platform: 'slack', groupId: ids.team, userId: ids.user }, locale);
  } catch (error) {
    context.logger.error({ err: error, team: ids.team, user: ids.user }, 'could not read learning progress for App Home');
    return undefined;
  }
}

/**
 * Publishes the App Home tab: the member's learning paths and progress first, then the `/shiori help`
 * page in the workspace's language with how to ask in channels and direct messages. The two share
 * Slack's 100-block limit, and the help page is cut first. Publishing again replaces the view, so
 * repeated opens are harmless.
 */
export async function publishHome(context: HandlerContext, client: webApi.WebClient, ids: SlackIds): Promise<void> {
  const progress = await progressPage(context, ids);
  const help = await runRequest(context, ids, () => context.requests.command(ids, { command: 'shiori', subcommand: 'help', options: {} }));
  const hints = [t(help.locale, 'slack.mentionHint'), t(help.locale, 'slack.umbrellaHint')];
  const helpPage = { ...help, blocks: [...help.blocks, { type: 'list' as const, items: hints }] };

  const top: SlackBlock[] = progress ? [...renderReply(progress, { maxBlocks: SLACK_LIMITS.homeBlocks }).blocks, { type: 'divider' }] : [];
  const { blocks } = renderReply(helpPage, { maxBlocks: SLACK_LIMITS.homeBlocks - top.length });
  await client.views.publish({ user_id: ids.user, view: { type: 'home', blocks: [...top, ...blocks] } });
}
