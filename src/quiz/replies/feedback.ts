import { createReply, type Action, type Reply } from '../../core/reply.js';
import { t, type Locale } from '../../i18n/index.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { nextActionId, REVIEW_ACTION_ID } from '../actions.js';
import { DAY_MS } from '../calendar.js';
import type { QuizPost } from '../db/posts.js';
import type { ReviewItem } from '../db/reviews.js';
import { textIn } from '../questions/question.js';
import { cardButton } from './post.js';

export interface Feedback {
  post: QuizPost;
  choice: number;
  correct: boolean;
  /** The question's place in the review queue after the answer; undefined when it is not (or no longer) queued. */
  review: ReviewItem | undefined;
  /** Review questions still due after this answer, for the button to the next one. */
  dueReviews: number;
  answeredAt: Date;
}

function intervalText(from: Date, to: Date, locale: Locale): string {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  return days === 1 ? t(locale, 'quiz.interval.one') : t(locale, 'quiz.interval.many', { days });
}

function reviewNote(feedback: Feedback, locale: Locale): string | undefined {
  const { review, correct, post } = feedback;
  if (review && !correct) return t(locale, 'quiz.feedback.queued', { interval: intervalText(feedback.answeredAt, review.dueAt, locale) });
  if (review) return t(locale, 'quiz.feedback.moved', { box: review.box, interval: intervalText(feedback.answeredAt, review.dueAt, locale) });
  if (post.kind === 'review' && correct) return t(locale, 'quiz.feedback.learned');
  return undefined;
}

/**
 * Builds the private answer feedback: right or wrong, the right choice, the explanation, where the
 * question went in the review queue, and buttons to the entry's card and to the next question.
 */
export function feedbackReply(feedback: Feedback, knowledge: KnowledgeBase, locale: Locale): Reply {
  const { post, choice, correct } = feedback;
  const question = post.question;
  const right = question.choices[question.answer];
  const chosen = question.choices[choice];

  const blocks: Reply['blocks'] = [];
  if (!correct && chosen) blocks.push({ type: 'text', text: t(locale, 'quiz.feedback.yours', { number: choice + 1, choice: textIn(chosen, locale) }) });
  blocks.push({ type: 'text', heading: t(locale, 'quiz.explanation'), text: textIn(question.explanation, locale) });
  const note = reviewNote(feedback, locale);
  if (note) blocks.push({ type: 'note', text: note });

  const actions: Action[] = [cardButton(question, knowledge, locale)];
  if (post.kind === 'practice') actions.push({ id: nextActionId(post.topicFilter ?? undefined), label: t(locale, 'quiz.feedback.next'), style: 'primary' });
  if (post.kind === 'review' && feedback.dueReviews > 0) actions.push({ id: REVIEW_ACTION_ID, label: t(locale, 'quiz.feedback.nextReview'), style: 'primary' });

  return createReply(locale, {
    title: t(locale, correct ? 'quiz.feedback.right' : 'quiz.feedback.wrong'),
    summary: t(locale, 'quiz.feedback.answer', { number: question.answer + 1, choice: right ? textIn(right, locale) : '' }),
    blocks,
    actions: [actions],
    ephemeral: true,
    tone: correct ? 'success' : 'warning',
    entryId: question.entryId,
  });
}
