import { blockedConnections } from '../../support/offline-guard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText } from '../../../src/adapters/slack/escape.js';
import { t } from '../../../src/i18n/index.js';
import { shippedPaths } from '../../../src/onboarding/catalog.js';
import { memberHome } from '../../../src/onboarding/flow.js';
import { blocksOf, buttons, expectValidMessage, headerText, visibleTexts, type AnyBlock, type SlackMessageBody } from './block-kit.js';
import type { ApiCall } from './fake-slack.js';
import { buttonClick, CONFIGURED_ADMIN, freshResponseId, postEvent, runCommand, SIGNING_SECRET, startHarness, type Harness } from './harness.js';
import { interactionForm, sendSigned } from './signing.js';

// Onboarding on Slack in HTTP mode: the welcome on team_join and the App Home tab with the member's
// learning paths and progress.

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ mode: 'http' });
});

afterAll(async () => {
  await harness?.close();
  expect(blockedConnections).toEqual([]);
});

function joinEvent(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'team_join', user: { id, name: id.toLowerCase(), real_name: `Member ${id}`, is_bot: false, profile: { display_name: '' }, ...extra }, event_ts: '1700000200.000100' };
}

function directPosts(userId: string): ApiCall[] {
  return harness.fake.calls.filter((call) => call.method === 'chat.postMessage' && call.params.channel === `D${userId}`);
}

function homeViews(userId: string): (SlackMessageBody & { type: string })[] {
  return harness.fake.calls.filter((call) => call.method === 'views.publish' && call.params.user_id === userId).map((call) => call.params.view as SlackMessageBody & { type: string });
}

/** Resolves once the adapter has decided about the join of `userId` with the given outcome. */
function joinHandled(userId: string, welcome: 'direct' | 'channel' | 'none') {
  return harness.logs.waitFor('handled a member join', (line) => line.user === userId && line.welcome === welcome);
}

describe('slack welcome on team_join', () => {
  it('sends nothing while welcomes are off', async () => {
    await postEvent(harness, joinEvent('U0QUIET'), 'Ev0QUIET');

    await joinHandled('U0QUIET', 'none');
    expect(directPosts('U0QUIET')).toEqual([]);
  });

  it('greets a member once after /onboard welcome state:on', async () => {
    const { reply } = await runCommand(harness, '/onboard', 'welcome state:on', { user: CONFIGURED_ADMIN });
    expect(visibleTexts(reply.body as SlackMessageBody)).toContain(escapeText(t('ja', 'onboarding.welcome.isOnDirect')));

    await postEvent(harness, joinEvent('U0FRESH', { profile: { display_name: 'Fresh' } }), 'Ev0FRESH');
    const call = await harness.fake.waitForCall('chat.postMessage', (posted) => posted.params.channel === 'DU0FRESH');
    const message = call.params as SlackMessageBody;
    expectValidMessage(message);
    expect(headerText(message)).toBe(escapeText(t('ja', 'onboarding.welcome.title')));
    expect(visibleTexts(message)).toContain(escapeText(t('ja', 'onboarding.welcome.greetingNamed', { name: 'Fresh' })));
    expect(buttons(message)[0]?.action_id).toBe(`onboard:start:${shippedPaths().paths[0]?.id}:@${harness.fake.identity.teamId}`);
  });

  it('answers a redelivered event once', async () => {
    await postEvent(harness, joinEvent('U0FRESH', { profile: { display_name: 'Fresh' } }), 'Ev0FRESH', 1);

    await harness.logs.waitFor('dropped a redelivered Slack event', (line) => line.event === 'Ev0FRESH');
    expect(directPosts('U0FRESH')).toHaveLength(1);
  });

  it('ignores a bot', async () => {
    await postEvent(harness, joinEvent('U0ROBOT', { is_bot: true }), 'Ev0ROBOT');

    await harness.logs.waitFor('ignored a bot joining', (line) => line.user === 'U0ROBOT');
    expect(harness.logs.lines.filter((line) => line.user === 'U0ROBOT' && line.msg === 'handled a member join')).toEqual([]);
    expect(directPosts('U0ROBOT')).toEqual([]);
  });
});

describe('slack App Home', () => {
  const member = 'U0HOMEPATH';
  const firstPath = shippedPaths().paths[0]!;

  it('shows the paths of a new member', async () => {
    await postEvent(harness, { type: 'app_home_opened', user: 'U0HOMENEW', channel: 'D0HOMENEW', tab: 'home', event_ts: '1700000200.000200' }, 'Ev0HOMENEW');
    const call = await harness.fake.waitForCall('views.publish', (published) => published.params.user_id === 'U0HOMENEW');
    const view = call.params.view as SlackMessageBody & { type: string };

    expect(view.type).toBe('home');
    expectValidMessage({ ...view, text: 'home' }, 100);
    const headers = blocksOf(view).filter((block) => block.type === 'header').map((block) => block.text?.text);
    expect(headers).toEqual([escapeText(t('ja', 'onboarding.home.title')), escapeText(t('ja', 'help.title'))]);
    expect(buttons(view).map((button) => button.action_id)).toContain(`onboard:start:${firstPath.id}`);
  });

  it('shows the progress of a member who started a path', async () => {
    const { reply } = await runCommand(harness, '/onboard', `start ${firstPath.id}`, { user: member });
    expect(headerText(reply.body as SlackMessageBody)).toBeDefined();

    await postEvent(harness, { type: 'app_home_opened', user: member, channel: 'D0HOMEPATH', tab: 'home', event_ts: '1700000200.000300' }, 'Ev0HOMEPATH');
    const call = await harness.fake.waitForCall('views.publish', (published) => published.params.user_id === member);
    const view = call.params.view as SlackMessageBody & { type: string };
    expectValidMessage({ ...view, text: 'home' }, 100);

    const expected = await memberHome(harness.core.context, { platform: 'slack', groupId: harness.fake.identity.teamId, userId: member }, 'ja');
    const started = expected.blocks.find((block) => block.type === 'text' && block.heading?.includes(firstPath.title.ja));
    if (started?.type !== 'text') throw new Error(`memberHome shows no text block for ${firstPath.id}`);
    expect(started.text).toMatch(/□+ 0\/\d+ ・ /);
    const texts = visibleTexts(view).join('\n');
    expect(texts).toContain(escapeText(started.text));
    expect(texts).toContain(escapeText(expected.summary ?? 'missing'));
    expect(buttons(view).map((button) => button.action_id)).toContain(`onboard:next:${firstPath.id}`);
  });

  it('refreshes after a click in the Home tab', async () => {
    const published = homeViews(member).length;
    const callsBefore = harness.fake.calls.length;
    const responseId = freshResponseId('home');
    const payload = buttonClick(harness, `onboard:next:${firstPath.id}`, responseId, { user: member, channel: '' });
    const fromHome = { ...payload, channel: undefined, message: undefined, response_url: undefined, container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home', blocks: [] } };
    const ack = await sendSigned(harness.eventsUrl, SIGNING_SECRET, interactionForm(fromHome), { contentType: 'application/x-www-form-urlencoded' });
    expect(ack.status).toBe(200);

    const direct = await harness.fake.waitForCall('chat.postMessage', (call) => call.params.channel === `D${member}`);
    expectValidMessage(direct.params as SlackMessageBody);
    await harness.fake.waitForCall('views.publish', (call) => call.params.user_id === member && harness.fake.calls.indexOf(call) >= callsBefore);
    expect(homeViews(member).length).toBe(published + 1);
  });

  it('fits a view for a member on every path in 100 blocks', async () => {
    const busy = 'U0BUSY';
    for (const learningPath of shippedPaths().paths) await runCommand(harness, '/onboard', `start ${learningPath.id}`, { user: busy });

    await postEvent(harness, { type: 'app_home_opened', user: busy, channel: 'D0BUSY', tab: 'home', event_ts: '1700000200.000400' }, 'Ev0BUSY');
    const call = await harness.fake.waitForCall('views.publish', (published) => published.params.user_id === busy);
    const view = call.params.view as SlackMessageBody & { type: string };
    expectValidMessage({ ...view, text: 'home' }, 100);
    const progressBlocks = blocksOf(view).filter((block: AnyBlock) => block.text?.text.includes('0/'));
    expect(progressBlocks).toHaveLength(shippedPaths().paths.length);
  });
});
