import path from 'node:path';
import type { Kysely } from 'kysely';
import { UserError } from '../core/errors.js';
import type { Place } from '../core/request.js';
import { t, type Locale } from '../i18n/index.js';
import { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import { Store } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { listSchedules } from './db/schedules.js';
import { QuestionBank } from './questions/bank.js';
import { QuizScheduler } from './scheduler.js';
import { ShellPublisher, type ReplyRenderer } from './shell-publisher.js';

const USAGE = 'Usage: npm run --silent cli -- quiz --now CHANNEL\n  posts the scheduled quiz of CHANNEL (a channel id or PLATFORM:GROUP:CHANNEL) now, printed here\n';

export interface QuizCliOptions {
  locale: Locale;
  knowledgeDir: string;
  databasePath: string;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  render: ReplyRenderer;
  logger: Logger;
}

/**
 * Finds the scheduled channel that `argument` names: `PLATFORM:GROUP:CHANNEL`, or a bare channel id
 * such as `terminal` when exactly one schedule has it. Returns a list of candidates when it is ambiguous.
 */
async function resolvePlace(db: Kysely<Database>, argument: string): Promise<Place | Place[] | undefined> {
  const schedules = await listSchedules(db);
  const parts = argument.split(':');
  const matches = schedules.filter((schedule) =>
    parts.length === 3 ? `${schedule.platform}:${schedule.groupId}:${schedule.channelId}` === argument : schedule.channelId === argument,
  );
  const places = matches.map(({ platform, groupId, channelId }) => ({ platform, groupId, channelId }));
  if (places.length > 1) return places;
  return places[0];
}

/**
 * Runs `quiz --now CHANNEL`: posts the channel's scheduled quiz immediately through a shell publisher,
 * as a manual post that leaves the day's scheduled post alone. Returns the exit code.
 */
export async function runQuizCli(args: readonly string[], options: QuizCliOptions): Promise<number> {
  const [flag, channel, ...rest] = args;
  if (flag !== '--now' || !channel || rest.length > 0) {
    options.errors.write(USAGE);
    return 2;
  }

  const knowledge = KnowledgeBase.load(options.knowledgeDir);
  const bank = QuestionBank.load(knowledge, path.join(options.knowledgeDir, 'quiz'));
  const store = await Store.open(options.databasePath, options.logger);
  try {
    const place = await resolvePlace(store.db, channel);
    if (Array.isArray(place)) {
      const candidates = place.map((item) => `${item.platform}:${item.groupId}:${item.channelId}`).join(', ');
      options.errors.write(`${t(options.locale, 'quiz.cli.ambiguous', { channel, candidates })}\n`);
      return 1;
    }
    if (!place) {
      options.errors.write(`${t(options.locale, 'quiz.cli.noSchedule', { channel })}\n`);
      return 1;
    }

    const publisher = new ShellPublisher(options.output, options.render);
    const scheduler = new QuizScheduler({ store, knowledge, bank, publishers: { [place.platform]: publisher }, now: () => new Date(), logger: options.logger });
    const post = await scheduler.postNow(place);
    return post.status === 'sent' ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    options.errors.write(`${t(options.locale, error.key, error.params)}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
