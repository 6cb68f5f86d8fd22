import type { RespondArguments, webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import type { Store } from '../../store/index.js';
import { renderReply } from './render.js';

// How replies reach Slack. A slash command or a button click gets an empty ack() at once, because
// Slack shows the user an error when no ack arrives within 3 seconds. Its reply then goes to its
// response_url, which works in direct messages and in channels the bot has not joined. Replies to
// mentions and direct messages use chat.postMessage, and private ones chat.postEphemeral.

/** True when only the requester should see the reply; errors are always private. */
export function isPrivate(reply: Reply): boolean {
  return reply.ephemeral || reply.tone === 'error';
}

/**
 * Builds the body posted to a response_url. `replace_original: false` adds a new message, so a
 * button click never overwrites the card that contains the button.
 */
export function respondArguments(reply: Reply): RespondArguments {
  const message = renderReply(reply);
  return {
    response_type: isPrivate(reply) ? 'ephemeral' : 'in_channel',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  };
}

/** Destination of a reply to a mention or a message. */
export interface Conversation {
  channel: string;
  /** The user who sees a private reply. */
  user: string;
  /** Thread of the message replied to, so replies stay in the thread where the question was asked. */
  threadTs?: string;
  /** True in a direct message with the bot, where every reply is already private. */
  direct: boolean;
}

/** Posts a reply in a conversation: ephemeral to the user when private, unless in a direct message. */
export async function postReply(client: webApi.WebClient, conversation: Conversation, reply: Reply): Promise<void> {
  const message = renderReply(reply);
  const thread = conversation.threadTs ? { thread_ts: conversation.threadTs } : {};
  if (isPrivate(reply) && !conversation.direct) {
    await client.chat.postEphemeral({ channel: conversation.channel, user: conversation.user, text: message.text, blocks: message.blocks, ...thread });
    return;
  }
  await client.chat.postMessage({ channel: conversation.channel, text: message.text, blocks: message.blocks, ...thread });
}

/** Opens the direct message with a user and posts a reply there, for clicks that have no response_url. */
export async function postDirect(client: webApi.WebClient, userId: string, reply: Reply): Promise<{ channel: string; ts: string }> {
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error(`conversations.open returned no channel for user ${userId}`);

  const message = renderReply(reply);
  const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  return { channel, ts: posted.ts ?? '' };
}

/**
 * Records an Events API delivery and returns true when its `event_id` was already handled. Slack
 * delivers an event again (with `X-Slack-Retry-Num`) when it missed our acknowledgement, and the
 * store keeps ids long enough to cover its retries, across restarts and replicas.
 */
export async function isRedelivery(store: Store, eventId: string | undefined): Promise<boolean> {
  if (!eventId) return false;
  return !(await store.markEventSeen('slack', eventId));
}
