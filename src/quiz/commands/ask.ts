import type { CoreContext } from '../../core/definition.js';
import { UserError } from '../../core/errors.js';
import { createReply, type Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import { t } from '../../i18n/index.js';
import type { Topic } from '../../knowledge/schema.js';
import { learnerScope, pickQuestion, recordAsked } from '../db/history.js';
import { insertPost, newPostId, type QuizPost } from '../db/posts.js';
import { dueReviews, reviewCounts } from '../db/reviews.js';
import { questionBankFor } from '../questions/bank.js';
import type { Question } from '../questions/question.js';
import { seededRandom } from '../random.js';
import { questionReply } from '../replies/post.js';

/** Creates and stores a private question for the requester, ready to be answered by its buttons. */
async function privatePost(context: CoreContext, request: Request, kind: 'practice' | 'review', question: Question, topic: Topic | undefined): Promise<QuizPost> {
  const now = context.now();
  const post: QuizPost = {
    id: newPostId(),
    kind,
    place: request.place,
    quizDay: null,
    ownerId: request.user.id,
    topicFilter: topic ?? null,
    question,
    locale: request.locale,
    status: 'sent',
    attempts: 1,
    nextAttemptAt: null,
    scheduledFor: null,
    message: null,
    sentAt: now,
    closesAt: null,
    closedAt: null,
    closeAttempts: 0,
  };
  await insertPost(context.store.db, post, now);
  return post;
}

/**
 * Asks the requester a private practice question, from `topic` or from every topic. Questions do not
 * repeat for a learner until every question of the pool was asked.
 */
export async function askPractice(context: CoreContext, request: Request, topic: Topic | undefined): Promise<Reply> {
  const db = context.store.db;
  const now = context.now();
  const scope = learnerScope(request.place.platform, request.user.id);
  const pool = questionBankFor(context.knowledge).pool(topic ? [topic] : []);
  const pick = await pickQuestion(db, scope, pool, seededRandom(`${scope}:${now.toISOString()}`));
  if (!pick) throw new UserError('quiz.noQuestions', { topics: topic ?? 'all' });

  const post = await privatePost(context, request, 'practice', pick.question, topic);
  await recordAsked(db, scope, pick, now);
  return questionReply(post, 0);
}

/** Asks the requester's longest overdue review question, or returns a note that none is due. */
export async function askReview(context: CoreContext, request: Request): Promise<Reply> {
  const learner = { platform: request.place.platform, userId: request.user.id };
  const now = context.now();
  const due = await dueReviews(context.store.db, learner, now);
  const [first] = due;
  if (!first) {
    const { queued } = await reviewCounts(context.store.db, learner, now);
    const summary = queued > 0 ? t(request.locale, 'quiz.review.empty', { queued }) : t(request.locale, 'quiz.review.emptyNone');
    return createReply(request.locale, { title: t(request.locale, 'quiz.review.title', { count: 0 }), summary, ephemeral: true });
  }

  const post = await privatePost(context, request, 'review', first.question, undefined);
  return questionReply(post, 0, due.length);
}
