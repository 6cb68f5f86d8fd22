import type { Kysely } from 'kysely';
import type { Publisher } from '../core/adapter.js';
import type { Platform } from '../core/request.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { countAnswers } from './db/answers.js';
import { getPost, PUBLIC_KINDS } from './db/posts.js';
import { questionReply } from './replies/post.js';

/** The publisher of each platform that can post without a request. */
export type Publishers = Partial<Record<Platform, Publisher>>;

/**
 * Keeps the answer count of public quiz posts current. This is the reply contract for answers: the
 * core answers a click with the private feedback only, and edits the public post itself through the
 * platform's `Publisher.update`, so adapters need no quiz-specific code. Updates of one post are
 * coalesced: while one is in flight, further answers only mark the post for one more update with
 * the latest count, which keeps a burst of answers within the platforms' edit rate limits.
 */
export class AnswerCountUpdater {
  private readonly running = new Map<string, Promise<void>>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly publishers: Publishers,
    private readonly logger: Logger,
  ) {}

  /** Schedules an update of a post's count without waiting for it. */
  request(postId: string): void {
    if (this.running.has(postId)) {
      this.pending.add(postId);
      return;
    }

    const task = this.run(postId)
      .catch((error: unknown) => this.logger.warn({ err: error, post: postId }, 'quiz answer count update failed'))
      .finally(() => {
        this.running.delete(postId);
        if (this.pending.delete(postId)) this.request(postId);
      });
    this.running.set(postId, task);
  }

  /** Waits until no update of `postId` (or of any post, without an id) is in flight or queued. */
  async settle(postId?: string): Promise<void> {
    for (;;) {
      const tasks = postId === undefined ? [...this.running.values()] : [this.running.get(postId)].filter((task) => task !== undefined);
      if (tasks.length === 0) return;
      await Promise.all(tasks);
    }
  }

  private async run(postId: string): Promise<void> {
    const post = await getPost(this.db, postId);
    // A closed post shows its reveal, which a late count update must not overwrite.
    // NOTE: the scheduler waits for this process's updates before it reveals, but an update started
    // by another process just before the close can still land after the reveal.
    if (!post?.message || post.closedAt || !PUBLIC_KINDS.includes(post.kind)) return;

    const publisher = this.publishers[post.place.platform];
    if (!publisher) return;

    const count = await countAnswers(this.db, postId);
    await publisher.update(post.message, questionReply(post, count));
  }
}

const updaters = new WeakMap<Store, AnswerCountUpdater>();

/** Makes `publishers` edit the public posts answered through `store`; the scheduler calls it. */
export function attachPublishers(store: Store, publishers: Publishers, logger: Logger): AnswerCountUpdater {
  const updater = new AnswerCountUpdater(store.db, publishers, logger);
  updaters.set(store, updater);
  return updater;
}

/** Returns the updater attached to `store`, or undefined when no scheduler runs on it. */
export function answerCountUpdater(store: Store): AnswerCountUpdater | undefined {
  return updaters.get(store);
}
