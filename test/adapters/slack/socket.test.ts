import { blockedConnections } from '../../support/offline-guard.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.js';
import { shippedKnowledge } from '../../support/core.js';
import { buttons, expectValidMessage, headerText, type SlackMessageBody } from './block-kit.js';
import { APP_TOKEN, BOT_TOKEN, buttonClick, eventEnvelope, freshResponseId, slashCommandFields, startHarness, type Harness } from './harness.js';

let harness: Harness;

function title(id: string): string | undefined {
  return shippedKnowledge().lookup(id)?.title;
}

beforeAll(async () => {
  harness = await startHarness({ mode: 'socket' });
});

afterAll(async () => {
  await harness.close();
  expect(harness.fake.socketCount).toBe(0);
  expect(blockedConnections).toEqual([]);
  expect(harness.logs.raw).not.toContain(APP_TOKEN);
  expect(harness.logs.raw).not.toContain(BOT_TOKEN);
});

describe('slack socket mode', () => {
  it('connects with the app token', async () => {
    const open = await harness.fake.waitForCall('apps.connections.open');
    expect(open.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(harness.handle.mode).toBe('socket');
    expect(harness.handle.address).toBeUndefined();

    const connected = await harness.logs.waitFor('connected to Slack');
    expect(connected.team).toBe(harness.fake.identity.teamId);
  });

  it('acks a slash command and answers through response_url', async () => {
    const responseId = freshResponseId('socket-command');
    const ack = await harness.fake.sendEnvelope('slash_commands', slashCommandFields(harness, '/cmd', 'docker commit', responseId));
    expect(ack).toEqual({});

    const reply = (await harness.fake.waitForResponse(responseId)).body as SlackMessageBody;
    expect(reply.response_type).toBe('in_channel');
    expect(headerText(reply)).toBe(title('docker-commit'));
    expectValidMessage(reply);
  });

  it('acks a mention and posts the card', async () => {
    const event = { type: 'app_mention', user: 'U0LEARNER', text: '<@UBOT> docker commit', channel: 'C0SOCKET', ts: '1700000200.000100' };
    await harness.fake.sendEnvelope('events_api', eventEnvelope(harness, event, 'Ev0SOCKET'));

    const call = await harness.fake.waitForCall('chat.postMessage', (posted) => posted.params.channel === 'C0SOCKET');
    expect(headerText(call.params as SlackMessageBody)).toBe(title('docker-commit'));
  });

  it('answers a button click privately', async () => {
    const responseId = freshResponseId('socket-click');
    await harness.fake.sendEnvelope('interactive', buttonClick(harness, 'card:docker-run', responseId));

    const reply = (await harness.fake.waitForResponse(responseId)).body as SlackMessageBody;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.replace_original).toBe(false);
    expect(headerText(reply)).toBe(title('docker-run'));
    expect(buttons(reply).length).toBeGreaterThan(0);
  });

  it('reconnects when Slack asks it to', async () => {
    const count = (method: string): number => harness.fake.calls.filter((call) => call.method === method).length;
    const connections = (): number => harness.logs.lines.filter((line) => line.msg === 'connected to Slack').length;
    const opened = count('apps.connections.open');
    harness.fake.requestReconnect();

    await harness.logs.waitFor('Slack connection closed; reconnecting');
    // The Socket Mode client waits its ping timeout (5 s) before it reconnects.
    await harness.logs.waitFor('reconnecting to Slack', () => true, 10_000);
    await harness.logs.waitFor('connected to Slack', () => connections() >= 2, 10_000);
    expect(count('apps.connections.open')).toBe(opened + 1);

    const responseId = freshResponseId('socket-after-reconnect');
    await harness.fake.sendEnvelope('slash_commands', slashCommandFields(harness, '/cmd', 'docker ps', responseId));
    expect(headerText((await harness.fake.waitForResponse(responseId)).body as SlackMessageBody)).toBe(title('docker-ps'));
  });

  it('answers an unknown button with a private error', async () => {
    const responseId = freshResponseId('socket-unknown');
    await harness.fake.sendEnvelope('interactive', buttonClick(harness, 'nosuchprefix:x', responseId));

    const reply = (await harness.fake.waitForResponse(responseId)).body as SlackMessageBody;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks?.some((block) => block.text?.text === t('ja', 'core.unknownAction'))).toBe(true);
  });
});
