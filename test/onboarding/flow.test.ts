import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../src/core/core.js';
import { t } from '../../src/i18n/index.js';
import { silentLogger } from '../../src/log.js';
import type { Member } from '../../src/onboarding/member.js';
import { ProgressStore } from '../../src/onboarding/progress.js';
import { Store } from '../../src/store/index.js';
import { createTestCore, shippedKnowledge, type TestCore } from '../support/core.js';
import { actionIds, onboard, press, rightAnswer, shippedPath, wrongAnswer } from './helpers.js';

const container = shippedPath('container-basics');
const memberOne: Member = { platform: 'discord', groupId: 'g1', userId: 'u1' };
let harness: TestCore;

function stepTitle(index: number, locale: 'ja' | 'en' = 'ja'): string {
  const step = container.steps[index]!;
  return t(locale, 'onboarding.step.title', { path: container.title[locale], number: index + 1, total: container.steps.length, step: step.title[locale] });
}

beforeEach(async () => {
  // A clock that moves one second per reading, so "touched last" never ties.
  let time = Date.parse('2025-04-01T09:00:00Z');
  harness = await createTestCore(() => new Date((time += 1000)));
});

afterEach(async () => {
  await harness.close();
});

describe('onboarding flow', () => {
  it('walks a whole path to the end', async () => {
    let reply = await onboard(harness.core, 'start', { path: container.id });
    for (let index = 0; index < container.steps.length; index++) {
      expect(reply.title).toBe(stepTitle(index));
      reply = await press(harness.core, rightAnswer(reply));
    }

    expect(reply.title).toBe(t('ja', 'onboarding.finished.title', { path: container.title.ja }));
    expect(reply.tone).toBe('success');
    expect(actionIds(reply)).toContain(`onboard:start:${container.next}`);
    const progress = await new ProgressStore(harness.store).get(memberOne, container.id);
    expect(progress?.completedAt).toBeInstanceOf(Date);
  });

  it('shows entries, card buttons and the question', async () => {
    const reply = await onboard(harness.core, 'start', { path: container.id });
    const firstEntry = shippedKnowledge().lookup(container.steps[0]!.entries[0]!)!;
    expect(reply.summary).toBe(container.steps[0]!.goal.ja);
    expect(reply.blocks.some((block) => block.type === 'text' && block.text === firstEntry.summary.ja)).toBe(true);
    expect(actionIds(reply)).toContain(`card:${firstEntry.id}`);
    expect(reply.blocks.at(-1)).toMatchObject({ heading: t('ja', 'onboarding.step.check'), text: container.steps[0]!.check.question.ja });
    expect(reply.ephemeral).toBe(true);
  });

  it('stays on a step after a wrong answer', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id });
    const reply = await press(harness.core, wrongAnswer(start));

    expect(reply.title).toBe(stepTitle(0));
    expect(reply.tone).toBe('warning');
    expect(reply.blocks[0]).toMatchObject({ type: 'warning', heading: t('ja', 'onboarding.answer.wrong') });
    const warning = reply.blocks[0];
    expect(warning?.type === 'warning' ? warning.text : '').toContain(container.steps[0]!.check.explanation.ja);
    const progress = await new ProgressStore(harness.store).get(memberOne, container.id);
    expect(progress?.stepIndex).toBe(0);
  });

  it('records every answer before replying', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id });
    await press(harness.core, wrongAnswer(start));
    await press(harness.core, rightAnswer(start));
    const rows = await harness.store.db.selectFrom('onboarding_answers').selectAll().orderBy('attempt').execute();
    expect(rows.map((row) => [row.attempt, row.correct])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('advances once when an answer is clicked twice', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id });
    const [first, second] = await Promise.all([press(harness.core, rightAnswer(start)), press(harness.core, rightAnswer(start))]);

    const progress = await new ProgressStore(harness.store).get(memberOne, container.id);
    expect(progress?.stepIndex).toBe(1);
    const notes = [first, second].flatMap((reply) => reply.blocks).filter((block) => block.type === 'note');
    expect(notes).toEqual([{ type: 'note', text: t('ja', 'onboarding.answer.stale') }]);
  });

  it('keeps two members apart', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id });
    await press(harness.core, rightAnswer(start));
    const other = await onboard(harness.core, 'start', { path: container.id }, { userId: 'u2' });
    expect(other.title).toBe(stepTitle(0));

    const mine = await onboard(harness.core, 'next');
    expect(mine.title).toBe(stepTitle(1));
  });

  it('keeps one member in two guilds apart', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id }, { groupId: 'g1' });
    await press(harness.core, rightAnswer(start), { groupId: 'g1' });
    const elsewhere = await onboard(harness.core, 'next', {}, { groupId: 'g2' });
    expect(elsewhere.summary).toBe(t('ja', 'onboarding.next.none'));

    const onSlack = await onboard(harness.core, 'next', {}, { platform: 'slack', groupId: 'g1' });
    expect(onSlack.summary).toBe(t('ja', 'onboarding.next.none'));
  });

  it('continues the path touched last', async () => {
    await onboard(harness.core, 'start', { path: container.id });
    await onboard(harness.core, 'start', { path: 'linux-boot' });
    const reply = await onboard(harness.core, 'next');
    expect(reply.title).toContain(shippedPath('linux-boot').title.ja);
  });

  it('resumes a started path', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id });
    await press(harness.core, rightAnswer(start));
    const again = await onboard(harness.core, 'start', { path: container.id });
    expect(again.title).toBe(stepTitle(1));
    expect(again.blocks[0]).toEqual({ type: 'note', text: t('ja', 'onboarding.start.resumed') });
  });

  it('finds a path by its title', async () => {
    const reply = await onboard(harness.core, 'start', { path: container.title.ja });
    expect(reply.title).toBe(stepTitle(0));
  });

  it('rejects an unknown path', async () => {
    const reply = await onboard(harness.core, 'start', { path: 'nope' });
    expect(reply.tone).toBe('error');
    expect(reply.summary).toContain('container-basics');
  });

  it('rejects a malformed action id', async () => {
    const reply = await press(harness.core, 'onboard:answer:container-basics');
    expect(reply.summary).toBe(t('ja', 'core.unknownAction'));
  });

  it('answers in English', async () => {
    const reply = await onboard(harness.core, 'start', { path: container.id }, { locale: 'en' });
    expect(reply.title).toBe(stepTitle(0, 'en'));
    expect(reply.actions[0]?.map((action) => action.label)).toEqual(container.steps[0]!.check.choices.map((choice) => choice.en));
  });
});

describe('status and reset', () => {
  it('marks done and current steps', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id });
    await press(harness.core, wrongAnswer(start));
    await press(harness.core, rightAnswer(start));
    const reply = await onboard(harness.core, 'status');

    const text = reply.blocks[0]?.type === 'text' ? reply.blocks[0].text : '';
    expect(text).toContain(`✓ 1. ${container.steps[0]!.title.ja}`);
    expect(text).toContain(`▶ 2. ${container.steps[1]!.title.ja}`);
    expect(reply.summary).toContain('■□□□□□□□ 1/8');
  });

  it('rejects the status of a path not started', async () => {
    const reply = await onboard(harness.core, 'status', { path: 'linux-boot' });
    expect(reply.tone).toBe('error');
  });

  it('resets one path', async () => {
    const start = await onboard(harness.core, 'start', { path: container.id });
    await press(harness.core, rightAnswer(start));
    await onboard(harness.core, 'start', { path: 'linux-boot' });

    const reply = await onboard(harness.core, 'reset', { path: container.id });
    expect(reply.summary).toBe(t('ja', 'onboarding.reset.one', { path: container.title.ja }));
    const left = await new ProgressStore(harness.store).list(memberOne);
    expect(left.map((item) => item.pathId)).toEqual(['linux-boot']);
    expect(await harness.store.db.selectFrom('onboarding_answers').selectAll().execute()).toEqual([]);
  });

  it('resets all paths', async () => {
    await onboard(harness.core, 'start', { path: container.id });
    await onboard(harness.core, 'start', { path: 'linux-boot' });
    const reply = await onboard(harness.core, 'reset', { path: 'all' });
    expect(reply.summary).toBe(t('ja', 'onboarding.reset.all', { count: 2 }));
    expect(await new ProgressStore(harness.store).list(memberOne)).toEqual([]);
  });

  it('restarts a finished path from the first step', async () => {
    let reply = await onboard(harness.core, 'start', { path: container.id });
    for (let index = 0; index < container.steps.length; index++) reply = await press(harness.core, rightAnswer(reply));
    const again = await press(harness.core, `onboard:start:${container.id}`);
    expect(again.title).toBe(stepTitle(0));
    expect(again.blocks[0]).toEqual({ type: 'note', text: t('ja', 'onboarding.start.restarted') });
    expect(await harness.store.db.selectFrom('onboarding_answers').selectAll().execute()).toEqual([]);
  });
});

describe('progress across a restart', () => {
  it('survives closing and reopening the SQLite file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'shiori-onboarding-'));
    const file = path.join(folder, 'shiori.sqlite');
    const open = async (): Promise<{ core: Core; store: Store }> => {
      const store = await Store.open(file);
      return { store, core: new Core({ knowledge: shippedKnowledge(), logger: silentLogger(), store, now: () => new Date() }) };
    };

    try {
      const first = await open();
      let reply = await onboard(first.core, 'start', { path: container.id });
      reply = await press(first.core, rightAnswer(reply));
      await press(first.core, rightAnswer(reply));
      await first.store.close();

      const second = await open();
      const resumed = await onboard(second.core, 'next');
      expect(resumed.title).toBe(stepTitle(2));
      await second.store.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
