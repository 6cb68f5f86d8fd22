import '../../support/offline-guard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain } from '../../../src/adapters/discord/layout.js';
import { t } from '../../../src/i18n/index.js';
import { getPost, type QuizPost } from '../../../src/quiz/db/posts.js';
import { getSchedule } from '../../../src/quiz/db/schedules.js';
import { questionReply } from '../../../src/quiz/replies/post.js';
import { textIn } from '../../../src/quiz/questions/question.js';
import { blockedConnections } from '../../support/offline-guard.js';
import { FakeClock } from '../../quiz/support/harness.js';
import { channelPosts, interact, isEphemeral, messageEdits, startIntegrationBot, type IntegrationBot } from './integration.js';
import { customIds, discordLimitViolations, embedText, firstEmbed, type SentMessage } from './limits.js';
import { ADMIN_PERMISSIONS, buttonClick, CHANNEL_ID, GUILD_ID, slashCommand, subcommand } from './payloads.js';

// The daily quiz end to end on Discord: scheduled with /quiz schedule, posted once by the scheduler
// through the adapter's publisher, answered by two members at once, counted and revealed.

/** 08:00 in Tokyo on Monday 2025-01-06. */
const CLOCK_START = '2025-01-05T23:00:00Z';
const QUIZ_DAY = '2025-01-06';
const NINE_IN_TOKYO = '2025-01-06T00:00:00Z';
const TEN_IN_TOKYO = '2025-01-06T01:00:00Z';
/** 90 minutes after the post, when `close:90m` reveals it. */
const CLOSE_IN_TOKYO = '2025-01-06T01:30:00Z';

const AIKO = { userId: '400000000000000011', username: 'aiko', globalName: 'Aiko', nick: 'Aiko (study lead)' };
const BEN = { userId: '400000000000000012', username: 'ben', globalName: null };

const clock = new FakeClock(CLOCK_START);
let bot: IntegrationBot;
let posted: SentMessage;
let post: QuizPost;

beforeAll(async () => {
  bot = await startIntegrationBot({ now: clock.now });
});

afterAll(async () => {
  await bot?.close();
  expect(blockedConnections).toEqual([]);
});

function sentBody(request: { body: unknown }): SentMessage {
  return request.body as SentMessage;
}

describe('discord daily quiz', () => {
  it('is scheduled by an admin', async () => {
    const schedule = slashCommand('quiz', subcommand('schedule', { time: '09:00', close: '90m' }), { permissions: ADMIN_PERMISSIONS });
    const reply = await interact(bot.fake, schedule);

    expect(reply.type).toBe(4);
    expect(isEphemeral(reply.data)).toBe(true);
    const saved = await getSchedule(bot.store.db, { platform: 'discord', groupId: GUILD_ID, channelId: CHANNEL_ID });
    expect(saved?.time).toBe('09:00');
    expect(saved?.closeMinutes).toBe(90);
  });

  it('posts once at the scheduled time', async () => {
    expect((await bot.quiz.tick()).posted).toBe(0);
    expect(channelPosts(bot.fake)).toHaveLength(0);

    clock.set(NINE_IN_TOKYO);
    expect((await bot.quiz.tick()).posted).toBe(1);
    clock.advance(30_000);
    expect((await bot.quiz.tick()).posted).toBe(0);
    clock.set(TEN_IN_TOKYO);
    expect((await bot.quiz.tick()).posted).toBe(0);

    const posts = channelPosts(bot.fake);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(posts[0]?.authorization).toBe('Bot test-token');
    posted = sentBody(posts[0]!);
    expect(posted.allowed_mentions).toEqual({ parse: [] });
    expect(discordLimitViolations(posted)).toEqual([]);
    expect(firstEmbed(posted).title).toBe(t('ja', 'quiz.daily.title', { day: QUIZ_DAY }));
  });

  it('shows 4 answer buttons that name the post', async () => {
    const ids = customIds(posted);
    expect(ids).toHaveLength(4);
    const postId = /^quiz:a:([\w-]+):0$/.exec(ids[0] ?? '')?.[1];
    expect(postId).toBeDefined();
    expect(ids).toEqual([0, 1, 2, 3].map((choice) => `quiz:a:${postId}:${choice}`));

    post = (await getPost(bot.store.db, postId!))!;
    expect(post.status).toBe('sent');
    expect(post.message?.channelId).toBe(CHANNEL_ID);
    expect(post.message?.messageId).toMatch(/^\d+$/);
    expect(firstEmbed(posted).footer?.text).toBe(questionReply(post, 0).footer);
  });

  it('answers two members at once, each privately', async () => {
    const right = post.question.answer;
    const wrong = (right + 1) % 4;
    const clicks = [buttonClick(`quiz:a:${post.id}:${right}`, AIKO), buttonClick(`quiz:a:${post.id}:${wrong}`, BEN)];
    for (const click of clicks) bot.fake.sendInteraction(click);
    const [aiko, ben] = await Promise.all(clicks.map((click) => bot.fake.callbackOf(click.id)));

    expect(aiko?.type).toBe(4);
    expect(ben?.type).toBe(4);
    expect(isEphemeral(aiko!.data!)).toBe(true);
    expect(isEphemeral(ben!.data!)).toBe(true);
    expect(firstEmbed(aiko?.data).title).toBe(t('ja', 'quiz.feedback.right'));
    expect(firstEmbed(ben?.data).title).toBe(t('ja', 'quiz.feedback.wrong'));
    expect(discordLimitViolations(aiko!.data!)).toEqual([]);

    // The interaction never edits the public post: no update callback (type 7) and no webhook edit.
    const webhookEdits = bot.fake.requests.filter((request) => request.path.startsWith('/webhooks/'));
    expect(webhookEdits).toEqual([]);
  });

  it('edits the post with the answer count', async () => {
    await bot.quiz.settle();

    const edits = messageEdits(bot.fake, CHANNEL_ID, post.message!.messageId);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(edits.length).toBeLessThanOrEqual(2);
    const latest = sentBody(edits.at(-1)!);
    expect(firstEmbed(latest).footer?.text).toBe(questionReply(post, 2).footer);
    expect(customIds(latest)).toEqual(customIds(posted));
    expect(latest.allowed_mentions).toEqual({ parse: [] });
    expect(discordLimitViolations(latest)).toEqual([]);
  });

  it('answers a second click by the same member privately', async () => {
    const again = await interact(bot.fake, buttonClick(`quiz:a:${post.id}:0`, AIKO));

    expect(isEphemeral(again.data)).toBe(true);
    expect(embedText(again.data)).toContain(plain(t('ja', 'quiz.alreadyAnswered', { result: t('ja', 'quiz.alreadyAnsweredRight') })));
  });

  it('reveals the answer at close', async () => {
    const before = messageEdits(bot.fake, CHANNEL_ID, post.message!.messageId).length;
    clock.set(CLOSE_IN_TOKYO);
    expect((await bot.quiz.tick()).closed).toBe(1);

    const edits = messageEdits(bot.fake, CHANNEL_ID, post.message!.messageId);
    expect(edits).toHaveLength(before + 1);
    const reveal = sentBody(edits.at(-1)!);
    const right = post.question.choices[post.question.answer]!;
    expect(firstEmbed(reveal).title).toBe(t('ja', 'quiz.reveal.title', { day: QUIZ_DAY }));
    const text = embedText(reveal);
    expect(text).toContain(plain(t('ja', 'quiz.reveal.answer', { number: post.question.answer + 1, choice: textIn(right, 'ja') })));
    expect(text).toContain(plain(t('ja', 'quiz.reveal.correctValue', { count: 1, percent: 50 })));
    expect(customIds(reveal)).toEqual([`card:${post.question.entryId}`]);
    expect(discordLimitViolations(reveal)).toEqual([]);
  });

  it('names the fastest right answerer by server nickname', async () => {
    const reveal = sentBody(messageEdits(bot.fake, CHANNEL_ID, post.message!.messageId).at(-1)!);

    expect(embedText(reveal)).toContain(`1. ${plain(AIKO.nick)}`);
  });

  it('rejects answers after the reveal', async () => {
    const late = await interact(bot.fake, buttonClick(`quiz:a:${post.id}:0`, { userId: '400000000000000013' }));

    expect(isEphemeral(late.data)).toBe(true);
    expect(embedText(late.data)).toContain(plain(t('ja', 'quiz.closed')));
    expect(channelPosts(bot.fake)).toHaveLength(1);
  });
});
