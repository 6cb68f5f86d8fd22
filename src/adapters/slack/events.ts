import type { App, webApi } from '@slack/bolt';
import { welcomeOnJoin } from '../../onboarding/welcome.js';
import type { Store } from '../../store/index.js';
import { isRedelivery, postDirect, postReply, type Conversation } from './delivery.js';
import { incomingText, stripMention } from './escape.js';
import { logDeliveryFailure, runRequest, type HandlerContext } from './handlers.js';
import { publishHome } from './home.js';
import { parseMessageText } from './parse.js';
import type { SlackIds } from './requests.js';

/** The fields of a `message` or `app_mention` event that the bot reads. */
interface MessageLike {
  type: string;
  channel: string;
  channel_type?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}

interface EventEnvelope {
  team_id?: string;
  event_id?: string;
}

export interface EventContext extends HandlerContext {
  store: Store;
}

/** Replies to a mention or a direct message once, however often Slack delivers it. */
async function replyToMessage(
  context: EventContext,
  client: webApi.WebClient,
  envelope: EventEnvelope,
  event: MessageLike,
  delivery: { botUserId?: string; retryNum?: number },
): Promise<void> {
  const ids: SlackIds = { team: envelope.team_id ?? '', channel: event.channel, user: event.user ?? '' };
  if (await isRedelivery(context.store, envelope.event_id)) {
    context.logger.warn({ team: ids.team, channel: ids.channel, user: ids.user, event: envelope.event_id, retry: delivery.retryNum }, 'dropped a redelivered Slack event');
    return;
  }

  const text = incomingText(stripMention(event.text ?? '', delivery.botUserId));
  const reply = await runRequest(context, ids, () => {
    const parsed = parseMessageText(text, (name) => context.core.command(name));
    return context.requests.command(ids, parsed);
  });

  const direct = event.channel_type === 'im';
  const conversation: Conversation = { channel: event.channel, user: ids.user, direct };
  if (event.thread_ts) conversation.threadTs = event.thread_ts;
  try {
    await postReply(client, conversation, reply);
  } catch (error) {
    logDeliveryFailure(context.logger, error, ids, `reply to a ${event.type} event`);
  }
}

/** Registers mentions, direct messages, the App Home tab and team joins. */
export function registerEvents(app: App, context: EventContext): void {
  app.event('app_mention', async ({ event, body, context: bolt, client }) => {
    await replyToMessage(context, client, body, event as MessageLike, { botUserId: bolt.botUserId, retryNum: bolt.retryNum });
  });

  app.event('message', async ({ event, body, context: bolt, client }) => {
    const message = event as MessageLike;
    // Only what a person types to the bot in a direct message: no edits, joins or other bots.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined || !message.user) return;
    await replyToMessage(context, client, body, message, { botUserId: bolt.botUserId, retryNum: bolt.retryNum });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const ids: SlackIds = { team: body.team_id ?? '', channel: event.channel ?? '', user: event.user };
    try {
      await publishHome(context, client, ids);
    } catch (error) {
      logDeliveryFailure(context.logger, error, ids, 'App Home view');
    }
  });

  app.event('team_join', async ({ event, body, client, context: bolt }) => {
    const ids: SlackIds = { team: body.team_id ?? '', channel: '', user: event.user.id };
    if (event.user.is_bot) {
      context.logger.debug({ team: ids.team, user: ids.user }, 'ignored a bot joining');
      return;
    }
    if (await isRedelivery(context.store, body.event_id)) {
      context.logger.warn({ team: ids.team, user: ids.user, event: body.event_id, retry: bolt.retryNum }, 'dropped a redelivered Slack event');
      return;
    }

    context.logger.info({ team: ids.team, user: ids.user }, 'a member joined the workspace');
    try {
      await welcome(context, client, ids, event.user.profile?.display_name || event.user.real_name || event.user.name);
    } catch (error) {
      logDeliveryFailure(context.logger, error, ids, 'welcome message');
    }
  });
}

/** Greets a new member when the workspace turned welcomes on (`/onboard welcome`); onboarding decides where. */
async function welcome(context: EventContext, client: webApi.WebClient, ids: SlackIds, userName: string | undefined): Promise<void> {
  const locale = await context.requests.locale(ids.team);
  const join = { platform: 'slack' as const, groupId: ids.team, userId: ids.user, locale, ...(userName ? { userName } : {}) };
  const decision = await welcomeOnJoin(context.core.context, join);
  context.logger.debug({ team: ids.team, user: ids.user, welcome: decision?.target.kind ?? 'none' }, 'handled a member join');
  if (!decision) return;

  if (decision.target.kind === 'direct') {
    await postDirect(client, decision.target.userId, decision.reply);
    return;
  }
  await postReply(client, { channel: decision.target.channelId, user: ids.user, direct: false }, { ...decision.reply, ephemeral: false });
}
