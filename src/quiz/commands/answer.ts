import type { CoreContext } from '../../core/definition.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import { t } from '../../i18n/index.js';
import { commitAnswer } from '../db/answers.js';
import { getPost, PUBLIC_KINDS } from '../db/posts.js';
import { dueReviews } from '../db/reviews.js';
import { answerCountUpdater } from '../publishers.js';
import { feedbackReply } from '../replies/feedback.js';

/**
 * Grades a click on a choice button. The answer is committed in the store before the feedback is
 * returned, so an acknowledged answer survives a crash. The feedback goes privately to the learner;
 * a public post's answer count is edited through the platform's publisher (see `quiz/publishers.ts`).
 */
export async function answerPost(context: CoreContext, request: Request, postId: string, choice: number): Promise<Reply> {
  const db = context.store.db;
  const post = await getPost(db, postId);
  if (!post || post.status !== 'sent') throw new UserError('quiz.unknownPost');
  if (post.ownerId !== null && post.ownerId !== request.user.id) throw new UserError('quiz.notYours');

  const now = context.now();
  const outcome = await commitAnswer(db, post, request.user, choice, now);
  if (outcome.status === 'closed') throw new UserError('quiz.closed');
  if (outcome.status === 'duplicate') {
    const result = t(request.locale, outcome.correct ? 'quiz.alreadyAnsweredRight' : 'quiz.alreadyAnsweredWrong');
    throw new UserError('quiz.alreadyAnswered', { result });
  }

  if (PUBLIC_KINDS.includes(post.kind)) answerCountUpdater(context.store)?.request(post.id);

  const learner = { platform: post.place.platform, userId: request.user.id };
  const due = post.kind === 'review' ? (await dueReviews(db, learner, now)).length : 0;
  const feedback = { post, choice, correct: outcome.correct, review: outcome.review, dueReviews: due, answeredAt: now };
  return feedbackReply(feedback, context.knowledge, request.locale);
}
