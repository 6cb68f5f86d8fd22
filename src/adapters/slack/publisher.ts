import type { webApi } from '@slack/bolt';
import type { MessageRef, Publisher } from '../../core/adapter.js';
import type { Reply } from '../../core/reply.js';
import { postDirect } from './delivery.js';
import { renderReply } from './render.js';

/** Posts replies that no request triggered (quiz posts, welcomes) with the bot token. The bot must be a member of the channel. */
export function createPublisher(client: webApi.WebClient): Publisher {
  return {
    platform: 'slack',

    async post(channelId: string, reply: Reply): Promise<MessageRef> {
      const message = renderReply(reply);
      const posted = await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks });
      return { channelId: posted.channel ?? channelId, messageId: posted.ts ?? '' };
    },

    async update(ref: MessageRef, reply: Reply): Promise<void> {
      const message = renderReply(reply);
      await client.chat.update({ channel: ref.channelId, ts: ref.messageId, text: message.text, blocks: message.blocks });
    },

    async sendDirect(userId: string, reply: Reply): Promise<MessageRef> {
      const posted = await postDirect(client, userId, reply);
      return { channelId: posted.channel, messageId: posted.ts };
    },
  };
}
