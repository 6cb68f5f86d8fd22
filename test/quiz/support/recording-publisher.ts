import type { MessageRef, Publisher } from '../../../src/core/adapter.js';
import type { Reply } from '../../../src/core/reply.js';
import type { Platform } from '../../../src/core/request.js';

export interface RecordedPost {
  channelId: string;
  reply: Reply;
  ref: MessageRef;
}

/**
 * A publisher that records what it is asked to send. `failPosts` makes that many next posts reject,
 * `failAllPosts` every post, and `failUpdates` that many next updates.
 */
export class RecordingPublisher implements Publisher {
  readonly posts: RecordedPost[] = [];
  readonly updates: { ref: MessageRef; reply: Reply }[] = [];
  readonly directs: { userId: string; reply: Reply }[] = [];
  failPosts = 0;
  failAllPosts = false;
  failUpdates = 0;
  attempts = 0;
  private sequence = 0;

  constructor(readonly platform: Platform = 'discord') {}

  async post(channelId: string, reply: Reply): Promise<MessageRef> {
    this.attempts++;
    if (this.failAllPosts || this.failPosts > 0) {
      this.failPosts = Math.max(0, this.failPosts - 1);
      throw new Error('post rejected by the test publisher');
    }

    const ref = { channelId, messageId: `m${++this.sequence}` };
    this.posts.push({ channelId, reply, ref });
    return ref;
  }

  async update(ref: MessageRef, reply: Reply): Promise<void> {
    if (this.failUpdates > 0) {
      this.failUpdates--;
      throw new Error('update rejected by the test publisher');
    }
    this.updates.push({ ref, reply });
  }

  async sendDirect(userId: string, reply: Reply): Promise<MessageRef> {
    this.directs.push({ userId, reply });
    return { channelId: `dm:${userId}`, messageId: `d${++this.sequence}` };
  }

  /** Returns the last reply that a message shows: its latest update, or what was posted. */
  latest(ref: MessageRef): Reply | undefined {
    const updates = this.updates.filter((update) => update.ref.messageId === ref.messageId);
    return updates.at(-1)?.reply ?? this.posts.find((post) => post.ref.messageId === ref.messageId)?.reply;
  }
}
