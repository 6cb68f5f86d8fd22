import { CARD_ACTION, entryTitle } from '../../core/cards.js';
import { createReply, type Action, type Reply } from '../../core/reply.js';
import { t, type Locale } from '../../i18n/index.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { answerActionId } from '../actions.js';
import type { RevealStats } from '../db/answers.js';
import { PUBLIC_KINDS, type QuizPost } from '../db/posts.js';
import { textIn, type Question } from '../questions/question.js';
import { percent, topicName } from './format.js';

/** Fastest right answerers named in a reveal. */
export const FASTEST_SHOWN = 3;

function choiceItems(question: Question, locale: Locale, markAnswer: boolean): string[] {
  return question.choices.map((choice, index) => (markAnswer && index === question.answer ? `✅ ${textIn(choice, locale)}` : textIn(choice, locale)));
}

/** Builds the button that opens the card of the entry a question teaches. */
export function cardButton(question: Question, knowledge: KnowledgeBase, locale: Locale): Action {
  const entry = knowledge.lookup(question.entryId);
  const label = entry ? entryTitle(entry, locale) : t(locale, 'quiz.feedback.card');
  return { id: `${CARD_ACTION}:${question.entryId}`, label, style: 'secondary' };
}

function postTitle(post: QuizPost, locale: Locale, reviewLeft: number): string {
  switch (post.kind) {
    case 'daily':
      return t(locale, 'quiz.daily.title', { day: post.quizDay ?? '' });
    case 'manual':
      return t(locale, 'quiz.manual.title');
    case 'practice':
      return t(locale, 'quiz.practice.title');
    case 'review':
      return t(locale, 'quiz.review.title', { count: reviewLeft });
  }
}

/**
 * Builds a question as posted: the question, its numbered choices and one button per choice. A public
 * post shows how many have answered; adapters replace the message with this reply again as that count
 * grows (see `quiz/publishers.ts`).
 */
export function questionReply(post: QuizPost, answered: number, reviewLeft = 0): Reply {
  const locale = post.locale;
  const isPublic = PUBLIC_KINDS.includes(post.kind);
  const topic = topicName(post.question.topic, locale);
  const buttons = post.question.choices.map((_, index) => ({ id: answerActionId(post.id, index), label: String(index + 1), style: 'primary' as const }));
  return createReply(locale, {
    title: postTitle(post, locale, reviewLeft),
    summary: textIn(post.question.question, locale),
    blocks: [{ type: 'list', ordered: true, items: choiceItems(post.question, locale, false) }],
    actions: [buttons],
    footer: isPublic ? t(locale, 'quiz.post.footer', { topic, count: answered }) : t(locale, 'quiz.practice.footer', { topic }),
    ephemeral: !isPublic,
    entryId: post.question.entryId,
  });
}

/** Builds the closed public post: the answer marked, the share of right answers and the fastest right answerers. */
export function revealReply(post: QuizPost, stats: RevealStats, knowledge: KnowledgeBase): Reply {
  const locale = post.locale;
  const question = post.question;
  const right = question.choices[question.answer];
  const names = stats.fastest.map((learner) => learner.name ?? learner.userId);
  const title = post.quizDay ? t(locale, 'quiz.reveal.title', { day: post.quizDay }) : t(locale, 'quiz.reveal.titleManual');

  return createReply(locale, {
    title,
    summary: textIn(question.question, locale),
    blocks: [
      { type: 'list', ordered: true, items: choiceItems(question, locale, true) },
      { type: 'text', text: t(locale, 'quiz.reveal.answer', { number: question.answer + 1, choice: right ? textIn(right, locale) : '' }) },
      {
        type: 'fields',
        fields: [
          { name: t(locale, 'quiz.reveal.answered'), value: t(locale, 'quiz.reveal.answeredValue', { count: stats.answered }) },
          { name: t(locale, 'quiz.reveal.correct'), value: t(locale, 'quiz.reveal.correctValue', { count: stats.correct, percent: percent(stats.correct, stats.answered) }) },
        ],
      },
      { type: 'text', heading: t(locale, 'quiz.explanation'), text: textIn(question.explanation, locale) },
      names.length > 0
        ? { type: 'list', heading: t(locale, 'quiz.reveal.fastest'), items: names, ordered: true }
        : { type: 'text', heading: t(locale, 'quiz.reveal.fastest'), text: t(locale, 'quiz.reveal.nobody') },
    ],
    actions: [[cardButton(question, knowledge, locale)]],
    footer: t(locale, 'quiz.post.footer', { topic: topicName(question.topic, locale), count: stats.answered }),
    tone: 'success',
    entryId: question.entryId,
  });
}
