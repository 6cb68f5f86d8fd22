import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { t } from '../../src/i18n/index.js';
import { MAX_ACTION_ID_LENGTH, onboardActionId, parseOnboardAction } from '../../src/onboarding/actions.js';
import { shippedPaths } from '../../src/onboarding/catalog.js';
import { memberHome } from '../../src/onboarding/flow.js';
import { progressBar, timeAgo } from '../../src/onboarding/format.js';
import { stepView } from '../../src/onboarding/views/step.js';
import { createTestCore, shippedKnowledge, type TestCore } from '../support/core.js';
import { actionIds, onboard, press, rightAnswer, wrongAnswer } from './helpers.js';

/** Longest group id a button may carry: a 64-bit Discord snowflake has at most 20 digits. */
const LONG_GROUP = '12345678901234567890';
const START = Date.parse('2025-04-01T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
let clock = START;
let harness: TestCore;

/** Counts what a renderer would turn into separate blocks: title, summary, body, button rows, footer. */
function renderedBlocks(reply: Reply): number {
  return Number(reply.title !== undefined) + Number(reply.summary !== undefined) + reply.blocks.length + reply.actions.length + Number(reply.footer !== undefined);
}

beforeEach(async () => {
  clock = START;
  harness = await createTestCore(() => new Date(clock));
});

afterEach(async () => {
  await harness.close();
});

describe('home view', () => {
  it('stays small for a member on every path', async () => {
    for (const learningPath of shippedPaths().paths) {
      clock += 1000;
      const step = await onboard(harness.core, 'start', { path: learningPath.id });
      await press(harness.core, rightAnswer(step));
    }

    const reply = await onboard(harness.core, 'list');
    expect(reply.blocks.length).toBeLessThanOrEqual(40);
    expect(renderedBlocks(reply)).toBeLessThanOrEqual(40);
    expect(reply.blocks).toHaveLength(shippedPaths().paths.length);
    expect(reply.actions.flat().map((action) => action.id)).toEqual(shippedPaths().ids.map((id) => `onboard:next:${id}`));
  });

  it('draws bars and marks the current path', async () => {
    const step = await onboard(harness.core, 'start', { path: 'linux-boot' });
    await press(harness.core, rightAnswer(step));
    const reply = await onboard(harness.core, undefined);

    const linux = shippedPaths().get('linux-boot')!;
    const block = reply.blocks.find((item) => item.type === 'text' && item.heading === `▶ ${linux.title.ja}`);
    expect(block?.type).toBe('text');
    expect(block?.type === 'text' ? block.text : '').toContain(`■□□□□□□□ 1/8 ・ ${t('ja', 'onboarding.home.currentStep', { step: linux.steps[1]!.title.ja })}`);
    expect(reply.summary).toBe(t('ja', 'onboarding.home.summary', { finished: 0, total: 3 }));
  });
});

describe('memberHome', () => {
  it('builds the overview outside a command', async () => {
    const step = await onboard(harness.core, 'start', { path: 'vm-management' }, { platform: 'slack', groupId: 'T1', userId: 'U1' });
    await press(harness.core, rightAnswer(step), { platform: 'slack', groupId: 'T1', userId: 'U1' });

    const reply = await memberHome(harness.core.context, { platform: 'slack', groupId: 'T1', userId: 'U1' }, 'en');
    const vm = shippedPaths().get('vm-management')!;
    const block = reply.blocks.find((item) => item.type === 'text' && item.heading === `▶ ${vm.title.en}`);
    expect(block?.type === 'text' ? block.text : '').toContain('■□□□□□□□ 1/8');
    expect(actionIds(reply)).toContain('onboard:next:vm-management');
  });
});

describe('team view', () => {
  it('is for admins only', async () => {
    const reply = await onboard(harness.core, 'team');
    expect(reply.tone).toBe('error');
    expect(reply.summary).toBe(t('ja', 'onboarding.adminOnly'));
  });

  it('shows path, step and idle time, and flags the stuck', async () => {
    const first = await onboard(harness.core, 'start', { path: 'container-basics' }, { userId: 'idle', name: 'Aki' });
    await press(harness.core, rightAnswer(first), { userId: 'idle' });
    clock += 9 * DAY;
    const other = await onboard(harness.core, 'start', { path: 'vm-management' }, { userId: 'busy' });
    await press(harness.core, wrongAnswer(other), { userId: 'busy' });
    clock += 2 * 60 * 60 * 1000;

    const reply = await onboard(harness.core, 'team', {}, { isAdmin: true });
    const list = reply.blocks[0];
    const items = list?.type === 'list' ? list.items : [];
    const container = shippedPaths().get('container-basics')!;
    expect(items[0]).toBe(`⚠ Aki (idle): ${container.title.ja} 2/8「${container.steps[1]!.title.ja}」 ・ ${timeAgo(new Date(START), new Date(clock), 'ja')}`);
    expect(items[1]).toMatch(/^busy: /);
    expect(items[1]).toContain(t('ja', 'onboarding.status.misses', { count: 1 }));
    expect(reply.summary).toBe(t('ja', 'onboarding.team.summary', { members: 2, active: 2, stuck: 1 }));
  });

  it('says so when nobody started', async () => {
    const reply = await onboard(harness.core, 'team', {}, { isAdmin: true });
    expect(reply.summary).toBe(t('ja', 'onboarding.team.empty'));
  });
});

describe('action ids', () => {
  it('stay under the limit with a carried group id', () => {
    const paths = shippedPaths();
    for (const learningPath of paths.paths) {
      learningPath.steps.forEach((_step, index) => {
        const reply = stepView(learningPath, index, { locale: 'ja', knowledge: shippedKnowledge(), paths, carriedGroupId: LONG_GROUP });
        for (const id of actionIds(reply)) expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID_LENGTH);
      });
    }
  });

  it('parse back to what was built', () => {
    const action = { verb: 'answer', pathId: 'container-basics', stepId: 'dockerfile', choice: 2 } as const;
    const id = onboardActionId(action, LONG_GROUP);
    expect(parseOnboardAction(id.slice('onboard:'.length))).toEqual({ action, groupId: LONG_GROUP });
    expect(parseOnboardAction('home')).toEqual({ action: { verb: 'home' } });
  });

  it('reject malformed ids', () => {
    for (const argument of ['', 'start', 'start:Bad_Id', 'answer:a:b:x', 'answer:a:b:12', 'next:a:@', 'home:extra', 'start:a:@has space']) {
      expect(parseOnboardAction(argument)).toBeUndefined();
    }
  });
});

describe('format', () => {
  it('draws a progress bar', () => {
    expect(progressBar(3, 6)).toBe('■■■□□□');
    expect(progressBar(9, 6)).toBe('■■■■■■');
  });

  it('formats relative time', () => {
    const now = new Date(START);
    expect(timeAgo(new Date(START - 3 * DAY), now, 'ja')).toBe('3 日前');
    expect(timeAgo(new Date(START - 2 * 60 * 60 * 1000), now, 'en')).toBe('2 hours ago');
    expect(timeAgo(new Date(START - 5000), now, 'en')).toBe('now');
  });
});
