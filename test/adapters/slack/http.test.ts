import { blockedConnections } from '../../support/offline-guard.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Request } from '../../../src/core/request.js';
import { t } from '../../../src/i18n/index.js';
import type { Entry } from '../../../src/knowledge/index.js';
import { writeWelcomeSetting } from '../../../src/onboarding/welcome.js';
import { shippedKnowledge } from '../../support/core.js';
import { blocksOf, buttons, expectValidMessage, headerText, visibleTexts, type SlackMessageBody } from './block-kit.js';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  clickButton,
  freshResponseId,
  postEvent,
  runCommand,
  slashCommandFields,
  startHarness,
  type Harness,
} from './harness.js';
import { sendSigned, slashCommandForm } from './signing.js';

const OVERSIZED_ID = 'zz-oversized-test-entry';

/** Escapes text as Slack expects it in messages. */
function slackEscaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Builds an entry far beyond Slack's limits: a 300-character title, long details, 45 long options, 30 examples, 40 warnings, 40 steps. */
function oversizedEntry(): Entry {
  const base = shippedKnowledge().lookup('docker-run');
  if (!base) throw new Error('docker-run is missing from the knowledge');
  return {
    ...base,
    id: OVERSIZED_ID,
    title: 'とても長いタイトルの見出し '.repeat(20),
    aliases: [],
    keywords: [],
    forms: [],
    details: { ja: `${'長い説明の一文です。'.repeat(60)}\n`.repeat(30), en: 'Long.' },
    options: Array.from({ length: 45 }, (_, index) => ({ long: `--option-${index}`, ja: 'オプションの説明です。'.repeat(250), en: 'An option.' })),
    examples: Array.from({ length: 30 }, (_, index) => ({ code: `docker run --option-${index} ${'x'.repeat(400)}`, ja: `例 ${index}` })),
    warnings: Array.from({ length: 40 }, () => ({ ja: '注意してください。'.repeat(30) })),
    steps: Array.from({ length: 40 }, (_, index) => ({ ja: `手順 ${index} の説明です。`, code: `echo step ${index}` })),
  };
}

function entry(id: string): Entry {
  const found = shippedKnowledge().lookup(id);
  if (!found) throw new Error(`${id} is missing from the knowledge`);
  return found;
}

function messageOf(body: Record<string, unknown>): SlackMessageBody {
  return body as SlackMessageBody;
}

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ mode: 'http', extraEntries: [oversizedEntry()] });
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await harness.close();
  expect(blockedConnections).toEqual([]);
  expect(harness.logs.raw).not.toContain(BOT_TOKEN);
  expect(harness.logs.raw).not.toContain(SIGNING_SECRET);
});

describe('slack http slash commands', () => {
  it('answers /cmd docker commit with its card', async () => {
    const { ack, reply } = await runCommand(harness, '/cmd', 'docker commit');
    const message = messageOf(reply.body);
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(message.response_type).toBe('in_channel');
    expect(headerText(message)).toBe(slackEscaped(entry('docker-commit').title));
    expect(visibleTexts(message).join('\n')).toContain(slackEscaped(entry('docker-commit').summary.ja));
    expect(buttons(message).every((button) => button.action_id.startsWith('card:'))).toBe(true);
    expectValidMessage(message);
  });

  it('finds the card for a typo', async () => {
    const { reply } = await runCommand(harness, '/cmd', 'docker comit');
    const message = messageOf(reply.body);
    const card = headerText(message) === entry('docker-commit').title;
    const offered = buttons(message).some((button) => button.action_id === 'card:docker-commit');
    expect(card || offered).toBe(true);
    expectValidMessage(message);
  });

  it('finds docker rm for a Japanese task', async () => {
    const { reply } = await runCommand(harness, '/cmd', 'コンテナを削除');
    const message = messageOf(reply.body);
    const card = headerText(message) === entry('docker-rm').title;
    const offered = buttons(message)[0]?.action_id === 'card:docker-rm';
    expect(card || offered).toBe(true);
  });

  it('answers no match privately', async () => {
    const { reply } = await runCommand(harness, '/cmd', 'zzqqxx-nothing-matches');
    const message = messageOf(reply.body);
    expect(message.response_type).toBe('ephemeral');
    expect(headerText(message)).toBe(t('ja', 'lookup.notFoundTitle'));
    expectValidMessage(message);
  });

  it('offers did-you-mean buttons for a weak match', async () => {
    const query = 'container stop now';
    const expected = await harness.core.handle({
      command: 'cmd',
      options: { query },
      user: { id: 'U0LEARNER', isAdmin: false },
      place: { platform: 'slack', groupId: harness.fake.identity.teamId, channelId: 'C0GENERAL' },
      locale: 'ja',
    });
    expect(expected.title, `"${query}" no longer gives did-you-mean; pick a weaker query`).toBe(t('ja', 'lookup.didYouMeanTitle'));

    const { reply } = await runCommand(harness, '/cmd', query);
    const message = messageOf(reply.body);
    expect(headerText(message)).toBe(t('ja', 'lookup.didYouMeanTitle'));
    expect(message.response_type).toBe('ephemeral');
    expect(buttons(message).map((button) => button.action_id)).toEqual(expected.actions.flat().map((action) => action.id));
  });

  it('shows a related card privately on a button click', async () => {
    const { reply } = await runCommand(harness, '/cmd', 'docker commit');
    const related = buttons(messageOf(reply.body))[0];
    expect(related).toBeDefined();

    const click = await clickButton(harness, related?.action_id ?? '');
    const message = messageOf(click.reply.body);
    const relatedId = (related?.action_id ?? '').replace('card:', '');
    expect(click.ack.status).toBe(200);
    expect(message.response_type).toBe('ephemeral');
    expect(message.replace_original).toBe(false);
    expect(headerText(message)).toBe(slackEscaped(entry(relatedId).title));
    expectValidMessage(message);
  });

  it('escapes channel and user mentions in the reply', async () => {
    const spy = vi.spyOn(harness.core, 'handle');
    // Slack sends typed `<` and `>` escaped; the raw form is what markup would look like.
    const shownTexts: string[] = [];
    for (const text of ['&lt;!channel&gt; docker &lt;@U123&gt; &lt;!here&gt;', '<!channel> docker <@U123>']) {
      const { reply } = await runCommand(harness, '/search', text);
      const texts = visibleTexts(messageOf(reply.body));
      for (const displayed of texts) expect(displayed).not.toMatch(/<[!@#]/);
      expectValidMessage(messageOf(reply.body));
      shownTexts.push(texts.join('\n'));
    }

    expect(shownTexts[0]).toContain('&lt;!channel&gt; docker &lt;@U123&gt;');

    const firstQuery = (spy.mock.calls[0]?.[0] as Request | undefined)?.options.query;
    expect(firstQuery).toBe('<!channel> docker <@U123> <!here>');
  });

  it('unescapes the query before the search', async () => {
    const spy = vi.spyOn(harness.core, 'handle');
    const { reply } = await runCommand(harness, '/search', 'ls -la | grep x &amp;&amp; echo ok &gt; out.txt');
    const request = spy.mock.calls[0]?.[0] as Request | undefined;
    expect(request?.options.query).toBe('ls -la | grep x && echo ok > out.txt');

    const displayed = visibleTexts(messageOf(reply.body)).join('\n');
    expect(displayed).toContain('&amp;&amp; echo ok &gt; out.txt');
    expect(displayed).not.toContain('&amp;amp;');
  });

  it('keeps an oversized card within the limits', async () => {
    const { reply } = await runCommand(harness, '/cmd', OVERSIZED_ID);
    const message = messageOf(reply.body);
    expectValidMessage(message);
    expect(blocksOf(message).length).toBe(50);
    expect(headerText(message)?.length).toBe(150);
    expect(headerText(message)?.endsWith('…')).toBe(true);
    expect(visibleTexts(message)).toContain(t('ja', 'card.truncated', { id: OVERSIZED_ID }));
    expect(buttons(message).length).toBeGreaterThan(0);
  });

  it('answers an unknown command with a private error', async () => {
    const { reply } = await runCommand(harness, '/nosuchcommand', 'x');
    const message = messageOf(reply.body);
    expect(message.response_type).toBe('ephemeral');
    expect(visibleTexts(message)).toContain(t('ja', 'core.unknownCommand', { command: 'nosuchcommand' }));
  });

  it('runs a command through /shiori', async () => {
    const { reply } = await runCommand(harness, '/shiori', 'cmd docker commit');
    expect(headerText(messageOf(reply.body))).toBe(slackEscaped(entry('docker-commit').title));
  });
});

describe('slack http /shiori settings', () => {
  const team = 'T0ENGLISH';

  it('shows help for /shiori and /shiori help', async () => {
    for (const text of ['', 'help']) {
      const { reply } = await runCommand(harness, '/shiori', text, { team });
      expect(headerText(messageOf(reply.body))).toBe(t('ja', 'help.title'));
      expect(messageOf(reply.body).response_type).toBe('ephemeral');
    }
  });

  it('rejects an invalid language', async () => {
    harness.fake.admins.add('U0ADMIN');
    const { reply } = await runCommand(harness, '/shiori', 'lang fr', { team, user: 'U0ADMIN' });
    expect(visibleTexts(messageOf(reply.body))).toContain(t('ja', 'shiori.langInvalid', { value: 'fr' }));
    expect(messageOf(reply.body).response_type).toBe('ephemeral');
  });

  it('lets only admins change the language', async () => {
    const { reply } = await runCommand(harness, '/shiori', 'lang en', { team, user: 'U0MEMBER' });
    expect(visibleTexts(messageOf(reply.body))).toContain(t('ja', 'shiori.adminOnly'));
    expect(await harness.store.getSetting('slack', team, 'lang')).toBeUndefined();
  });

  it('answers in English after /shiori lang en', async () => {
    harness.fake.admins.add('U0ADMIN');
    const set = await runCommand(harness, '/shiori', 'lang en', { team, user: 'U0ADMIN' });
    expect(visibleTexts(messageOf(set.reply.body))).toContain(t('en', 'shiori.langSet', { lang: t('en', 'shiori.langName.en') }));
    expect(await harness.store.getSetting('slack', team, 'lang')).toBe('en');

    const displayed = await runCommand(harness, '/shiori', 'lang', { team });
    expect(visibleTexts(messageOf(displayed.reply.body))).toContain(t('en', 'shiori.langCurrent', { lang: t('en', 'shiori.langName.en') }));

    const { reply } = await runCommand(harness, '/cmd', 'docker commit', { team });
    expect(visibleTexts(messageOf(reply.body)).join('\n')).toContain(slackEscaped(entry('docker-commit').summary.en));
    const other = await runCommand(harness, '/cmd', 'docker commit');
    expect(visibleTexts(messageOf(other.reply.body)).join('\n')).toContain(slackEscaped(entry('docker-commit').summary.ja));
  });

  it('accepts admins from SLACK_ADMIN_USERS', async () => {
    const { reply } = await runCommand(harness, '/shiori', 'lang ja', { team: 'T0CONFIGURED', user: 'U0CONFADMIN' });
    expect(visibleTexts(messageOf(reply.body))).toContain(t('ja', 'shiori.langSet', { lang: t('ja', 'shiori.langName.ja') }));
  });
});

describe('slack http events', () => {
  it('answers a mention in the channel', async () => {
    const response = await postEvent(harness, { type: 'app_mention', user: 'U0LEARNER', text: '<@UBOT> docker commit', channel: 'C0MENTION', ts: '1700000100.000100' }, 'Ev0MENTION');
    expect(response.status).toBe(200);

    const call = await harness.fake.waitForCall('chat.postMessage', (posted) => posted.params.channel === 'C0MENTION');
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(headerText(messageOf(call.params))).toBe(slackEscaped(entry('docker-commit').title));
    expectValidMessage(messageOf(call.params));
  });

  it('escapes mentions echoed from a mention', async () => {
    await postEvent(harness, { type: 'app_mention', user: 'U0LEARNER', text: '<@UBOT> <!channel> zzqqxx <@U123>', channel: 'C0INJECT', ts: '1700000100.000200' }, 'Ev0INJECT');
    const call = await harness.fake.waitForCall('chat.postEphemeral', (posted) => posted.params.channel === 'C0INJECT');
    expect(call.params.user).toBe('U0LEARNER');
    for (const displayed of visibleTexts(messageOf(call.params))) expect(displayed).not.toMatch(/<[!@#]/);
  });

  it('answers a direct message with chat.postMessage', async () => {
    await postEvent(harness, { type: 'message', channel_type: 'im', channel: 'D0LEARNER', user: 'U0LEARNER', text: 'docker commit', ts: '1700000100.000300' }, 'Ev0DIRECT');
    const call = await harness.fake.waitForCall('chat.postMessage', (posted) => posted.params.channel === 'D0LEARNER');
    expect(headerText(messageOf(call.params))).toBe(slackEscaped(entry('docker-commit').title));
  });

  it('ignores bot messages and message subtypes', async () => {
    const ignored = { type: 'message', channel_type: 'im', channel: 'D0IGNORED', text: 'docker commit', ts: '1700000100.000400' };
    await postEvent(harness, { ...ignored, user: 'U0OTHERBOT', bot_id: 'B0OTHER' }, 'Ev0BOT');
    await postEvent(harness, { ...ignored, user: 'U0LEARNER', subtype: 'message_changed' }, 'Ev0CHANGED');
    await postEvent(harness, { ...ignored, channel_type: 'channel', user: 'U0LEARNER' }, 'Ev0CHANNEL');

    // Ignored events return before any await, so a later event's reply comes after them.
    await postEvent(harness, { type: 'message', channel_type: 'im', channel: 'D0MARKER', user: 'U0LEARNER', text: 'docker ps', ts: '1700000100.000500' }, 'Ev0MARKER');
    await harness.fake.waitForCall('chat.postMessage', (posted) => posted.params.channel === 'D0MARKER');
    expect(harness.fake.calls.filter((call) => call.params.channel === 'D0IGNORED')).toEqual([]);
  });

  it('answers a redelivered event once', async () => {
    const event = { type: 'app_mention', user: 'U0LEARNER', text: '<@UBOT> docker commit', channel: 'C0RETRY', ts: '1700000100.000600' };
    expect((await postEvent(harness, event, 'Ev0RETRY')).status).toBe(200);
    await harness.fake.waitForCall('chat.postMessage', (posted) => posted.params.channel === 'C0RETRY');

    expect((await postEvent(harness, event, 'Ev0RETRY', 1)).status).toBe(200);
    const dropped = await harness.logs.waitFor('dropped a redelivered Slack event', (line) => line.event === 'Ev0RETRY');
    expect(dropped.retry).toBe(1);
    expect(harness.fake.calls.filter((call) => call.params.channel === 'C0RETRY')).toHaveLength(1);
  });

  it('welcomes a joining member once when welcomes are on', async () => {
    await writeWelcomeSetting(harness.store, 'slack', harness.fake.identity.teamId, { enabled: true, target: 'direct' }, new Date());
    const user = { id: 'U0NEWBIE', name: 'newbie', real_name: 'New Bie', is_bot: false, profile: { display_name: 'newbie' } };
    await postEvent(harness, { type: 'team_join', user, event_ts: '1700000100.000800' }, 'Ev0JOIN');
    const call = await harness.fake.waitForCall('chat.postMessage', (posted) => posted.params.channel === 'DU0NEWBIE');
    expect(headerText(messageOf(call.params))).toBe(t('ja', 'onboarding.welcome.title'));
    expectValidMessage(messageOf(call.params));

    // Joining again is a new event, but the member was already greeted.
    await postEvent(harness, { type: 'team_join', user, event_ts: '1700000100.000900' }, 'Ev0REJOIN');
    await harness.logs.waitFor('handled a member join', (line) => line.user === 'U0NEWBIE' && line.welcome === 'none');
    expect(harness.fake.calls.filter((posted) => posted.params.channel === 'DU0NEWBIE')).toHaveLength(1);
  });

  it('publishes the App Home tab', async () => {
    await postEvent(harness, { type: 'app_home_opened', user: 'U0HOME', channel: 'D0HOME', tab: 'home', event_ts: '1700000100.000700' }, 'Ev0HOME');
    const call = await harness.fake.waitForCall('views.publish', (published) => published.params.user_id === 'U0HOME');
    const view = call.params.view as { type: string } & SlackMessageBody;
    expect(view.type).toBe('home');
    // The member's learning paths come first and the help page after them.
    const headers = blocksOf(view).filter((block) => block.type === 'header').map((block) => block.text?.text);
    expect(headers).toEqual([t('ja', 'onboarding.home.title'), t('ja', 'help.title')]);
    expectValidMessage({ ...view, text: 'home' }, 100);
  });
});

describe('slack http requests that must not run', () => {
  it('rejects a bad signature and a stale timestamp', async () => {
    const spy = vi.spyOn(harness.core, 'handle');
    const responseId = freshResponseId('forged');
    const body = slashCommandForm(slashCommandFields(harness, '/cmd', 'docker commit', responseId));

    const forged = await sendSigned(harness.eventsUrl, 'wrong-secret', body, { contentType: 'application/x-www-form-urlencoded' });
    expect(forged.status).toBe(401);
    const stale = await sendSigned(harness.eventsUrl, SIGNING_SECRET, body, {
      contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(stale.status).toBe(401);

    expect(spy).not.toHaveBeenCalled();
    await runCommand(harness, '/cmd', 'docker ps');
    expect(harness.fake.responses.filter((post) => post.id === responseId)).toEqual([]);
  });
});

describe('slack publisher', () => {
  it('posts, updates and sends direct messages', async () => {
    const reply = await harness.core.handle({
      command: 'cmd',
      options: { query: 'docker commit' },
      user: { id: 'scheduler', isAdmin: true },
      place: { platform: 'slack', groupId: harness.fake.identity.teamId, channelId: 'C0QUIZ' },
      locale: 'ja',
    });

    const ref = await harness.handle.publisher.post('C0QUIZ', reply);
    expect(ref.channelId).toBe('C0QUIZ');
    expect(ref.messageId).not.toBe('');

    await harness.handle.publisher.update(ref, { ...reply, title: 'updated' });
    const update = await harness.fake.waitForCall('chat.update', (call) => call.params.ts === ref.messageId);
    expect(headerText(messageOf(update.params))).toBe('updated');

    const direct = await harness.handle.publisher.sendDirect('U0NEWCOMER', reply);
    expect(direct.channelId).toBe('DU0NEWCOMER');
  });
});
