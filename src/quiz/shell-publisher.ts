import type { MessageRef, Publisher } from '../core/adapter.js';
import type { Reply } from '../core/reply.js';

/** Turns a reply into terminal text; the CLI passes the shell adapter's renderer. */
export type ReplyRenderer = (reply: Reply) => string;

/**
 * A publisher that prints to a terminal, for trying the daily quiz without a chat platform
 * (`npm run cli -- quiz --now CHANNEL`). Message ids count up from 1 per publisher.
 */
export class ShellPublisher implements Publisher {
  readonly platform = 'shell' as const;
  private sent = 0;

  constructor(
    private readonly output: NodeJS.WritableStream,
    private readonly render: ReplyRenderer,
  ) {}

  async post(channelId: string, reply: Reply): Promise<MessageRef> {
    return this.write(`#${channelId}`, reply, channelId);
  }

  async update(ref: MessageRef, reply: Reply): Promise<void> {
    this.output.write(`--- #${ref.channelId} (edited message ${ref.messageId}) ---\n${this.render(reply)}\n`);
  }

  async sendDirect(userId: string, reply: Reply): Promise<MessageRef> {
    return this.write(`@${userId}`, reply, `dm:${userId}`);
  }

  private write(where: string, reply: Reply, channelId: string): MessageRef {
    this.sent++;
    this.output.write(`--- ${where} (message ${this.sent}) ---\n${this.render(reply)}\n`);
    return { channelId, messageId: String(this.sent) };
  }
}
