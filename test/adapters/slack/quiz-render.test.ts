import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/adapters/slack/render.js';
import type { Reply } from '../../../src/core/reply.js';
import type { Locale } from '../../../src/i18n/index.js';
import { newPostId, type QuizPost } from '../../../src/quiz/db/posts.js';
import { questionBankFor } from '../../../src/quiz/questions/bank.js';
import type { Question } from '../../../src/quiz/questions/question.js';
import { feedbackReply } from '../../../src/quiz/replies/feedback.js';
import { questionReply, revealReply } from '../../../src/quiz/replies/post.js';
import { shippedKnowledge } from '../../support/core.js';
import { blocksOf, buttons, expectValidMessage, type SlackMessageBody } from './block-kit.js';

// Every shipped quiz question as a post, a reveal and a private feedback, each with more buttons
// than the quiz itself adds, rendered and checked against Slack's limits.

const knowledge = shippedKnowledge();
const questions = questionBankFor(knowledge).questions;
const LONG_NAME = 'とても長い表示名のメンバー <!channel>'.repeat(8);

function dailyPost(question: Question, locale: Locale): QuizPost {
  const at = new Date('2025-01-06T00:00:00Z');
  return {
    id: newPostId(),
    kind: 'daily',
    place: { platform: 'slack', groupId: 'T0FAKE', channelId: 'C0QUIZ' },
    quizDay: '2025-01-06',
    ownerId: null,
    topicFilter: null,
    question,
    locale,
    status: 'sent',
    attempts: 1,
    nextAttemptAt: null,
    scheduledFor: at,
    message: { channelId: 'C0QUIZ', messageId: '1700000000.000001' },
    sentAt: at,
    closesAt: null,
    closedAt: null,
    closeAttempts: 0,
  };
}

/** Builds the post with its 4 choice buttons and a second row of 5 more buttons, as a future reply might add. */
function crowdedPost(post: QuizPost): Reply {
  const reply = questionReply(post, 9_999);
  const extra = Array.from({ length: 5 }, (_, index) => ({ id: `card:extra-${index}`, label: `関連する項目 ${index}` }));
  return { ...reply, actions: [...reply.actions, extra] };
}

function sent(reply: Reply): SlackMessageBody {
  return JSON.parse(JSON.stringify(renderReply(reply))) as SlackMessageBody;
}

describe('slack quiz replies', () => {
  it('renders every question within limits', () => {
    expect(questions.length).toBeGreaterThan(0);
    for (const locale of ['ja', 'en'] as const) {
      for (const question of questions) {
        const post = dailyPost(question, locale);
        const stats = { answered: 9_999, correct: 5_000, fastest: [1, 2, 3].map((index) => ({ userId: `U${index}`, name: LONG_NAME })) };
        const feedback = { post: { ...post, kind: 'practice' as const }, choice: (question.answer + 1) % 4, correct: false, review: undefined, dueReviews: 3, answeredAt: post.sentAt! };
        for (const reply of [crowdedPost(post), revealReply(post, stats, knowledge), feedbackReply(feedback, knowledge, locale)]) {
          const message = sent(reply);
          expectValidMessage(message);
          for (const block of blocksOf(message)) expect(block.text?.text ?? '', question.id).not.toMatch(/<!channel>/);
        }
      }
    }
  });

  it('keeps the 4 answer buttons in one actions block before other buttons', () => {
    const message = sent(crowdedPost(dailyPost(questions[0]!, 'ja')));
    const actionBlocks = blocksOf(message).filter((block) => block.type === 'actions');

    expect(actionBlocks.map((block) => block.elements?.length)).toEqual([4, 5]);
    expect(buttons(message).slice(0, 4).every((button) => /^quiz:a:[\w-]{12}:[0-3]$/.test(button.action_id))).toBe(true);
  });
});
