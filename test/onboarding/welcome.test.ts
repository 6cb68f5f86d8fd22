import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { shippedPaths } from '../../src/onboarding/catalog.js';
import { ProgressStore } from '../../src/onboarding/progress.js';
import { readWelcomeSetting, welcomeOnJoin, welcomeReply, type JoinEvent } from '../../src/onboarding/welcome.js';
import { createTestCore, type TestCore } from '../support/core.js';
import { actionIds, onboard, press, rightAnswer } from './helpers.js';

const GUILD = '123456789012345678';
const join: JoinEvent = { platform: 'discord', groupId: GUILD, userId: 'newcomer', userName: 'Hana', locale: 'ja' };
const admin = { groupId: GUILD, isAdmin: true };
let harness: TestCore;

beforeEach(async () => {
  harness = await createTestCore();
});

afterEach(async () => {
  await harness.close();
});

describe('welcome on join', () => {
  it('is off by default', async () => {
    expect(await welcomeOnJoin(harness.core.context, join)).toBeUndefined();
    expect(await readWelcomeSetting(harness.store, 'discord', GUILD)).toEqual({ enabled: false });
  });

  it('records a join even when off', async () => {
    await welcomeOnJoin(harness.core.context, join);
    const rows = await harness.store.db.selectFrom('onboarding_joins').selectAll().execute();
    expect(rows).toMatchObject([{ user_id: 'newcomer', deliveries: 1, welcomed_at: null }]);
  });

  it('greets by direct message once per join', async () => {
    await onboard(harness.core, 'welcome', { state: 'on', channel: 'dm' }, admin);
    const first = await welcomeOnJoin(harness.core.context, join);
    const redelivered = await welcomeOnJoin(harness.core.context, join);

    expect(first?.target).toEqual({ kind: 'direct', userId: 'newcomer' });
    expect(first?.reply.summary).toBe(t('ja', 'onboarding.welcome.greetingNamed', { name: 'Hana' }));
    expect(redelivered).toBeUndefined();
    const rows = await harness.store.db.selectFrom('onboarding_joins').selectAll().execute();
    expect(rows[0]?.deliveries).toBe(2);
  });

  it('greets once when a join arrives twice at the same time', async () => {
    await onboard(harness.core, 'welcome', { state: 'on' }, admin);
    const decisions = await Promise.all([welcomeOnJoin(harness.core.context, join), welcomeOnJoin(harness.core.context, join)]);
    expect(decisions.filter((decision) => decision !== undefined)).toHaveLength(1);
  });

  it('greets in the configured channel', async () => {
    await onboard(harness.core, 'welcome', { state: 'on', channel: '<#555>' }, admin);
    const decision = await welcomeOnJoin(harness.core.context, join);
    expect(decision?.target).toEqual({ kind: 'channel', channelId: '555' });
    expect(decision?.reply.ephemeral).toBe(false);
  });

  it('stops greeting when switched off', async () => {
    await onboard(harness.core, 'welcome', { state: 'on' }, admin);
    await onboard(harness.core, 'welcome', { state: 'off' }, admin);
    expect(await welcomeOnJoin(harness.core.context, join)).toBeUndefined();
  });

  it('keeps the setting per guild', async () => {
    await onboard(harness.core, 'welcome', { state: 'on' }, admin);
    expect(await welcomeOnJoin(harness.core.context, { ...join, groupId: 'other-guild' })).toBeUndefined();
  });

  it('lets only admins switch it', async () => {
    const reply = await onboard(harness.core, 'welcome', { state: 'on' }, { groupId: GUILD, isAdmin: false });
    expect(reply.summary).toBe(t('ja', 'onboarding.adminOnly'));
    expect(await readWelcomeSetting(harness.store, 'discord', GUILD)).toEqual({ enabled: false });
  });

  it('shows the setting without a state', async () => {
    await onboard(harness.core, 'welcome', { state: 'on', channel: 'here' }, admin);
    const reply = await onboard(harness.core, 'welcome', {}, admin);
    expect(reply.summary).toBe(t('ja', 'onboarding.welcome.isOnChannel', { channel: 'c1' }));
  });

  it('rejects a malformed channel', async () => {
    const reply = await onboard(harness.core, 'welcome', { state: 'on', channel: 'not a channel!' }, admin);
    expect(reply.tone).toBe('error');
    expect(await readWelcomeSetting(harness.store, 'discord', GUILD)).toEqual({ enabled: false });
  });

  it('starts the path in the guild from a DM button', async () => {
    await onboard(harness.core, 'welcome', { state: 'on' }, admin);
    const decision = await welcomeOnJoin(harness.core.context, join);
    const startId = actionIds(decision!.reply)[0]!;
    expect(startId).toBe(`onboard:start:container-basics:@${GUILD}`);

    // A click in a Discord DM has no guild, so the adapter fills in some other group id.
    const dm = { userId: 'newcomer', groupId: 'dm' };
    const step = await press(harness.core, startId, dm);
    expect(actionIds(step).filter((id) => id.startsWith('onboard:')).every((id) => id.endsWith(`:@${GUILD}`))).toBe(true);
    await press(harness.core, rightAnswer(step), dm);

    const progress = await new ProgressStore(harness.store).get({ platform: 'discord', groupId: GUILD, userId: 'newcomer' }, 'container-basics');
    expect(progress?.stepIndex).toBe(1);
  });
});

describe('welcomeReply', () => {
  it('offers a start button per path', () => {
    const reply = welcomeReply('en', shippedPaths());
    expect(reply.summary).toBe(t('en', 'onboarding.welcome.greeting'));
    expect(actionIds(reply)).toEqual(shippedPaths().ids.map((id) => `onboard:start:${id}`));
  });
});
