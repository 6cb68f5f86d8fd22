import { Routes, type APIChannel, type APIMessage, type REST } from 'discord.js';
import type { MessageRef, Publisher } from '../../core/adapter.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { NO_MENTIONS } from './platform.js';
import { renderReply } from './render.js';

// Sends messages that no interaction asked for (daily quiz posts, answer counts, reveals, welcomes)
// through the REST API directly. A channel object is not needed, so nothing has to be in the client's
// cache and no extra GET /channels/:id is made before each send.

/** Renders a reply as a message body with the mention policy, since raw REST calls skip the client's default. */
function messageBody(reply: Reply, logger: Logger): Record<string, unknown> {
  const payload = renderReply(reply, { onDroppedAction: (action, reason) => logger.warn({ action: action.id, reason }, 'button dropped') });
  return { ...payload, allowed_mentions: NO_MENTIONS };
}

/**
 * Creates the Discord publisher. `post` needs the Send Messages and Embed Links permissions in the
 * channel. `sendDirect` fails with Discord error 50007 when the user does not accept direct messages.
 */
export function createPublisher(rest: REST, logger: Logger): Publisher {
  const post = async (channelId: string, reply: Reply): Promise<MessageRef> => {
    const message = (await rest.post(Routes.channelMessages(channelId), { body: messageBody(reply, logger) })) as APIMessage;
    return { channelId: message.channel_id, messageId: message.id };
  };

  return {
    platform: 'discord',
    post,

    /** Replaces the message's embeds and buttons with those of `reply`. */
    async update(ref: MessageRef, reply: Reply): Promise<void> {
      await rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body: messageBody(reply, logger) });
    },

    /** Opens (or reuses, as Discord returns the existing one) the DM channel with the user and posts there. */
    async sendDirect(userId: string, reply: Reply): Promise<MessageRef> {
      const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
      return post(channel.id, reply);
    },
  };
}
