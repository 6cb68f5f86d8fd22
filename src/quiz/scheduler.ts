import { UserError } from '../core/errors.js';
import type { Place } from '../core/request.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { calendarDay } from './calendar.js';
import { claimPost } from './claim.js';
import { channelScope } from './db/history.js';
import { getPost, hasDailyPost, leasePost, listDueCloses, listDueSends, markSendFailed, type QuizPost } from './db/posts.js';
import { getSchedule, listSchedules } from './db/schedules.js';
import { closePost, sendPost, type Delivery, type DeliveryPolicy } from './delivery.js';
import { attachPublishers, type Publishers } from './publishers.js';
import { questionBankFor, type QuestionBank } from './questions/bank.js';
import { latestRun, type QuizSchedule } from './schedule.js';

/** How late a missed post may still be sent after a restart: 2 hours after its scheduled time. */
export const DEFAULT_GRACE_MS = 2 * 60 * 60 * 1000;
/** How often the timer ticks; a post goes out at most this long after its minute. */
export const DEFAULT_TICK_MS = 30_000;
/** How long a process keeps the right to send a post; after that another process may take it over. */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;
export const DEFAULT_POLICY: DeliveryPolicy = { maxAttempts: 5, retryDelayMs: 60_000 };

export interface QuizSchedulerOptions {
  store: Store;
  knowledge: KnowledgeBase;
  /** The questions to draw from; the bank registered for `knowledge` when omitted. */
  bank?: QuestionBank;
  /** Publishers by platform; schedules of platforms without one are left for a process that has it. */
  publishers: Publishers;
  /** The clock; every run time is computed from it, never from the wall clock. */
  now: () => Date;
  logger: Logger;
  graceMs?: number;
  tickMs?: number;
  leaseMs?: number;
  policy?: Partial<DeliveryPolicy>;
}

/** Counts of one tick's work, for logs and tests. */
export interface TickReport {
  posted: number;
  retried: number;
  closed: number;
  skipped: number;
}

/**
 * Posts each channel's daily quiz exactly once and reveals it when it closes. Every tick reveals the
 * posts that are due, posts the runs that are due, and retries failed sends. A daily post is claimed
 * in the store before it is sent (one per channel and quiz day), so several processes on one database
 * post it once. `tick` is public so tests drive it with a fake clock; `start` only adds a timer.
 */
export class QuizScheduler {
  private readonly delivery: Delivery;
  private readonly bank: QuestionBank;
  private readonly graceMs: number;
  private readonly leaseMs: number;
  /** Channel days whose skip or empty question pool was logged, so each is reported once per process. */
  private readonly reported = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;

  constructor(private readonly options: QuizSchedulerOptions) {
    const logger = options.logger;
    this.bank = options.bank ?? questionBankFor(options.knowledge);
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.delivery = {
      db: options.store.db,
      knowledge: options.knowledge,
      publishers: options.publishers,
      updater: attachPublishers(options.store, options.publishers, logger),
      logger,
      now: options.now,
      policy: { ...DEFAULT_POLICY, ...options.policy },
    };
  }

  /** Starts ticking now and every `tickMs`; the timer does not keep the process alive on its own. */
  start(): void {
    if (this.timer) return;
    const tickMs = this.options.tickMs ?? DEFAULT_TICK_MS;
    this.timer = setInterval(() => this.tickFromTimer(), tickMs);
    this.timer.unref();
    this.tickFromTimer();
    this.options.logger.info({ tickMs, graceMs: this.graceMs, platforms: this.platforms() }, 'quiz scheduler started');
  }

  /** Stops the timer and waits for a tick in progress and for answer count updates. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.delivery.updater.settle();
    this.options.logger.info('quiz scheduler stopped');
  }

  /** Runs one tick at the clock's current time; a call during a tick waits for that tick instead. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Waits until the answer count updates in flight are done, so tests can read what was published. */
  async settle(): Promise<void> {
    await this.delivery.updater.settle();
  }

  /**
   * Posts a channel's scheduled quiz immediately as a manual post, outside the daily claim, so the
   * day's scheduled post still goes out. Raises a UserError when the channel has no schedule.
   */
  async postNow(place: Place): Promise<QuizPost> {
    const schedule = await getSchedule(this.delivery.db, place);
    if (!schedule) throw new UserError('quiz.schedule.none');

    const now = this.options.now();
    const post = await this.claim(schedule, 'manual', null, now, now);
    if (!post) throw new UserError('quiz.noQuestions', { topics: schedule.topics.join(', ') });
    await sendPost(this.delivery, post, 1);
    return (await getPost(this.delivery.db, post.id)) ?? post;
  }

  /** Runs a tick for the timer, logging a failure instead of leaving an unhandled rejection. */
  private tickFromTimer(): void {
    this.tick().catch((error: unknown) => this.options.logger.error({ err: error }, 'quiz scheduler tick failed'));
  }

  private platforms(): string[] {
    return Object.keys(this.options.publishers);
  }

  private async runTick(): Promise<TickReport> {
    const now = this.options.now();
    const report: TickReport = { posted: 0, retried: 0, closed: 0, skipped: 0 };
    const platforms = this.platforms();

    for (const post of await listDueCloses(this.delivery.db, now, platforms)) {
      if (await closePost(this.delivery, post)) report.closed++;
    }

    for (const schedule of await listSchedules(this.delivery.db)) {
      if (!this.options.publishers[schedule.platform]) continue;
      try {
        await this.runSchedule(schedule, now, report);
      } catch (error) {
        // The schedule stays as it is, so the next run is tried as usual.
        this.options.logger.error({ err: error, platform: schedule.platform, group: schedule.groupId, channel: schedule.channelId }, 'quiz schedule run failed');
      }
    }

    for (const post of await listDueSends(this.delivery.db, now, platforms)) {
      if (await this.retry(post, now)) report.retried++;
    }
    return report;
  }

  private async runSchedule(schedule: QuizSchedule, now: Date, report: TickReport): Promise<void> {
    const run = latestRun(schedule, now);
    if (!run || run < schedule.updatedAt) return;

    const quizDay = calendarDay(run, schedule.timeZone);
    if (await hasDailyPost(this.delivery.db, schedule, quizDay)) return;

    const ids = { platform: schedule.platform, group: schedule.groupId, channel: schedule.channelId, quizDay };
    if (now.getTime() - run.getTime() > this.graceMs) {
      if (this.firstReport(`skip:${channelScope(schedule)}:${quizDay}`)) {
        report.skipped++;
        this.options.logger.info({ ...ids, scheduledFor: run.toISOString() }, 'quiz post missed by more than the grace window, skipped');
      }
      return;
    }

    const post = await this.claim(schedule, 'daily', quizDay, run, now);
    if (!post) return;

    this.options.logger.info({ ...ids, post: post.id, scheduledFor: run.toISOString(), late: now.getTime() - run.getTime() }, 'quiz post claimed');
    if (await sendPost(this.delivery, post, 1)) report.posted++;
  }

  /** Claims a post for the schedule, logging once per channel day when no question fits its topics. */
  private async claim(schedule: QuizSchedule, kind: 'daily' | 'manual', quizDay: string | null, scheduledFor: Date, now: Date): Promise<QuizPost | undefined> {
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const result = await claimPost(this.delivery.db, this.bank, { schedule, kind, quizDay, scheduledFor, now, leaseUntil });
    if (result === 'empty' && this.firstReport(`empty:${channelScope(schedule)}:${quizDay ?? ''}`)) {
      this.options.logger.error({ platform: schedule.platform, group: schedule.groupId, channel: schedule.channelId, topics: schedule.topics }, 'no quiz question for the schedule topics');
    }
    return typeof result === 'object' ? result.post : undefined;
  }

  /** Returns true the first time `key` is seen by this process. */
  private firstReport(key: string): boolean {
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    return true;
  }

  /** Sends a post again once its retry time came or the process that held it stopped. */
  private async retry(post: QuizPost, now: Date): Promise<boolean> {
    const db = this.delivery.db;
    if (!(await leasePost(db, post.id, now, new Date(now.getTime() + this.leaseMs)))) return false;

    // A post still `sending` was held by a process that stopped mid-send; that counts as an attempt.
    // NOTE: if that process stopped after the platform accepted the message but before markSent, the
    // post appears twice. The Publisher interface has no idempotency key to prevent it.
    const attempt = post.attempts + 1 + (post.status === 'sending' ? 1 : 0);
    const late = post.scheduledFor !== null && now.getTime() - post.scheduledFor.getTime() > this.graceMs;
    if (late || attempt > this.delivery.policy.maxAttempts) {
      await markSendFailed(db, post.id, Math.min(attempt, this.delivery.policy.maxAttempts), null);
      this.options.logger.error({ post: post.id, channel: post.place.channelId, quizDay: post.quizDay, attempt, late }, 'quiz post not retried: too late or out of attempts');
      return false;
    }

    if (post.status === 'sending') this.options.logger.warn({ post: post.id, channel: post.place.channelId }, 'quiz post lease expired, sending again');
    return sendPost(this.delivery, post, attempt);
  }
}
