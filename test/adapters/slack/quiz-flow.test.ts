import { blockedConnections } from '../../support/offline-guard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText } from '../../../src/adapters/slack/escape.js';
import { t } from '../../../src/i18n/index.js';
import { silentLogger } from '../../../src/log.js';
import { QuizScheduler } from '../../../src/quiz/index.js';
import { getPost, type QuizPost } from '../../../src/quiz/db/posts.js';
import { getSchedule } from '../../../src/quiz/db/schedules.js';
import { textIn } from '../../../src/quiz/questions/question.js';
import { questionReply } from '../../../src/quiz/replies/post.js';
import { FakeClock } from '../../quiz/support/harness.js';
import { buttons, expectValidMessage, headerText, visibleTexts, type SlackMessageBody } from './block-kit.js';
import type { ApiCall, ResponsePost } from './fake-slack.js';
import { buttonClick, CONFIGURED_ADMIN, freshResponseId, runCommand, SIGNING_SECRET, startHarness, type Harness } from './harness.js';
import { interactionForm, sendSigned } from './signing.js';

// The daily quiz end to end on Slack in HTTP mode: scheduled with /quiz schedule, posted once by the
// scheduler through the adapter's publisher, answered by two members at once, counted and revealed.

/** 08:00 in Tokyo on Monday 2025-01-06. */
const CLOCK_START = '2025-01-05T23:00:00Z';
const QUIZ_DAY = '2025-01-06';
const NINE_IN_TOKYO = '2025-01-06T00:00:00Z';
const TEN_IN_TOKYO = '2025-01-06T01:00:00Z';
/** 90 minutes after the post, when `close:90m` reveals it. */
const CLOSE_IN_TOKYO = '2025-01-06T01:30:00Z';
const QUIZ_CHANNEL = 'C0QUIZ';

const AIKO = { id: 'U0AIKO', handle: 'aiko', displayName: 'Aiko <study lead>' };
/** users.info fails for Ben, so his name comes from the click's payload. */
const BEN = { id: 'U0BEN', handle: 'ben.k' };

const clock = new FakeClock(CLOCK_START);
let harness: Harness;
let quiz: QuizScheduler;
let post: QuizPost;

beforeAll(async () => {
  harness = await startHarness({ mode: 'http', now: clock.now });
  harness.fake.profiles.set(AIKO.id, { displayName: AIKO.displayName });
  harness.fake.unknownUsers.add(BEN.id);
  const knowledge = harness.core.context.knowledge;
  quiz = new QuizScheduler({ store: harness.store, knowledge, publishers: { slack: harness.handle.publisher }, now: clock.now, logger: silentLogger() });
});

afterAll(async () => {
  await quiz?.stop();
  await harness?.close();
  expect(blockedConnections).toEqual([]);
});

function messageOf(params: Record<string, unknown>): SlackMessageBody {
  return params as SlackMessageBody;
}

function quizCalls(method: string): ApiCall[] {
  return harness.fake.calls.filter((call) => call.method === method && call.params.channel === QUIZ_CHANNEL);
}

/** Clicks a button of the quiz post as `user`, with the handle Slack puts in the payload. */
async function click(actionId: string, user: { id: string; handle: string }): Promise<ResponsePost> {
  const responseId = freshResponseId('quiz');
  const payload = buttonClick(harness, actionId, responseId, { user: user.id, channel: QUIZ_CHANNEL });
  const body = interactionForm({ ...payload, user: { ...(payload.user as object), username: user.handle, name: user.handle } });
  const ack = await sendSigned(harness.eventsUrl, SIGNING_SECRET, body, { contentType: 'application/x-www-form-urlencoded' });
  expect(ack.status).toBe(200);
  return harness.fake.waitForResponse(responseId);
}

describe('slack daily quiz', () => {
  it('is scheduled by an admin', async () => {
    const { reply } = await runCommand(harness, '/quiz', 'schedule time:09:00 close:90m', { user: CONFIGURED_ADMIN, channel: QUIZ_CHANNEL });

    expect(messageOf(reply.body).response_type).toBe('ephemeral');
    const saved = await getSchedule(harness.store.db, { platform: 'slack', groupId: harness.fake.identity.teamId, channelId: QUIZ_CHANNEL });
    expect(saved?.time).toBe('09:00');
    expect(saved?.closeMinutes).toBe(90);
  });

  it('posts once at the scheduled time', async () => {
    expect((await quiz.tick()).posted).toBe(0);

    clock.set(NINE_IN_TOKYO);
    expect((await quiz.tick()).posted).toBe(1);
    clock.advance(30_000);
    expect((await quiz.tick()).posted).toBe(0);
    clock.set(TEN_IN_TOKYO);
    expect((await quiz.tick()).posted).toBe(0);

    const posts = quizCalls('chat.postMessage');
    expect(posts).toHaveLength(1);
    const message = messageOf(posts[0]!.params);
    expectValidMessage(message);
    expect(headerText(message)).toBe(escapeText(t('ja', 'quiz.daily.title', { day: QUIZ_DAY })));

    const ids = buttons(message).map((button) => button.action_id);
    expect(ids).toHaveLength(4);
    const postId = /^quiz:a:([\w-]+):0$/.exec(ids[0] ?? '')?.[1];
    expect(ids).toEqual([0, 1, 2, 3].map((choice) => `quiz:a:${postId}:${choice}`));
    post = (await getPost(harness.store.db, postId!))!;
    expect(post.message?.channelId).toBe(QUIZ_CHANNEL);
    expect(post.message?.messageId).toMatch(/^\d+\.\d+$/);
  });

  it('answers two members at once, each privately', async () => {
    const right = post.question.answer;
    const wrong = (right + 1) % 4;
    const [aiko, ben] = await Promise.all([click(`quiz:a:${post.id}:${right}`, AIKO), click(`quiz:a:${post.id}:${wrong}`, BEN)]);

    for (const response of [aiko!, ben!]) {
      const message = messageOf(response.body);
      expect(message.response_type).toBe('ephemeral');
      expect(message.replace_original).toBe(false);
      expectValidMessage(message);
    }
    expect(headerText(messageOf(aiko!.body))).toBe(escapeText(t('ja', 'quiz.feedback.right')));
    expect(headerText(messageOf(ben!.body))).toBe(escapeText(t('ja', 'quiz.feedback.wrong')));
    expect(quizCalls('chat.postEphemeral')).toEqual([]);
    expect(quizCalls('chat.postMessage')).toHaveLength(1);
  });

  it('updates the post with the answer count', async () => {
    await quiz.settle();

    const updates = quizCalls('chat.update').filter((call) => call.params.ts === post.message?.messageId);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(2);
    const latest = messageOf(updates.at(-1)!.params);
    expectValidMessage(latest);
    expect(visibleTexts(latest)).toContain(escapeText(questionReply(post, 2).footer ?? ''));
    expect(buttons(latest).map((button) => button.action_id)).toHaveLength(4);
  });

  it('reveals the answer at close', async () => {
    const before = quizCalls('chat.update').length;
    clock.set(CLOSE_IN_TOKYO);
    expect((await quiz.tick()).closed).toBe(1);

    const updates = quizCalls('chat.update');
    expect(updates).toHaveLength(before + 1);
    const reveal = messageOf(updates.at(-1)!.params);
    expect(updates.at(-1)?.params.ts).toBe(post.message?.messageId);
    expectValidMessage(reveal);
    expect(headerText(reveal)).toBe(escapeText(t('ja', 'quiz.reveal.title', { day: QUIZ_DAY })));
    const text = visibleTexts(reveal).join('\n');
    const right = post.question.choices[post.question.answer]!;
    expect(text).toContain(escapeText(t('ja', 'quiz.reveal.answer', { number: post.question.answer + 1, choice: textIn(right, 'ja') })));
    expect(text).toContain(escapeText(t('ja', 'quiz.reveal.correctValue', { count: 1, percent: 50 })));
    expect(buttons(reveal).map((button) => button.action_id)).toEqual([`card:${post.question.entryId}`]);
  });

  it('names answerers as Slack shows them', async () => {
    const reveal = messageOf(quizCalls('chat.update').at(-1)!.params);
    expect(visibleTexts(reveal).join('\n')).toContain(`1. ${escapeText(AIKO.displayName)}`);

    const names = await harness.store.db.selectFrom('quiz_answers').select(['user_id', 'user_name']).where('post_id', '=', post.id).orderBy('user_id').execute();
    expect(names).toEqual([
      { user_id: AIKO.id, user_name: AIKO.displayName },
      { user_id: BEN.id, user_name: BEN.handle },
    ]);
  });
});
