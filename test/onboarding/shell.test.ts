import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../src/adapters/shell/session.js';
import { t } from '../../src/i18n/index.js';
import { ProgressStore } from '../../src/onboarding/progress.js';
import { createTestCore, type TestCore } from '../support/core.js';
import { shippedPath } from './helpers.js';

const USER = 'local:tester';
let harness: TestCore;

beforeEach(async () => {
  harness = await createTestCore();
});

afterEach(async () => {
  await harness.close();
});

/** Runs the shell over `lines` and returns everything it wrote. */
async function converse(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));

  const finished = runShell({ core: harness.core, input, output, locale: 'ja', interactive: false, userId: USER });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await finished;
  return Buffer.concat(chunks).toString('utf8');
}

describe('onboarding in the shell', () => {
  it('reaches the end of a path by typing numbers', async () => {
    const container = shippedPath('container-basics');
    // Answer buttons come first, so the right choice is its index plus one.
    const answers = container.steps.map((step) => String(step.check.answer + 1));
    const text = await converse(['/onboard start container-basics', ...answers]);

    expect(text).toContain(t('ja', 'onboarding.finished.title', { path: container.title.ja }));
    const progress = await new ProgressStore(harness.store).get({ platform: 'shell', groupId: 'local', userId: USER }, container.id);
    expect(progress?.completedAt).toBeInstanceOf(Date);
  });

  it('keeps progress for the next session', async () => {
    const container = shippedPath('container-basics');
    await converse(['/onboard start container-basics', String(container.steps[0]!.check.answer + 1)]);
    const text = await converse(['/onboard next']);
    expect(text).toContain(`■ ${container.title.ja} 2/8`);
  });

  it('shows the overview for /onboard alone', async () => {
    const text = await converse(['/onboard']);
    expect(text).toContain(`■ ${t('ja', 'onboarding.home.title')}`);
    expect(text).toContain('[1]');
  });
});
