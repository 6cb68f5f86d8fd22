import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.js';
import { createTestCore, request, type TestCore } from '../../support/core.js';

let harness: TestCore;

beforeAll(async () => {
  harness = await createTestCore();
});

afterAll(async () => {
  await harness.close();
});

const place = { platform: 'slack' as const, groupId: 'T0SETTINGS', channelId: 'C1' };
const admin = { id: 'U0ADMIN', isAdmin: true };
const member = { id: 'U0MEMBER', isAdmin: false };

describe('/shiori', () => {
  it('shows help with the settings', async () => {
    for (const subcommand of [undefined, 'help']) {
      const reply = await harness.core.handle(request('shiori', {}, 'ja', { place, user: member, ...(subcommand ? { subcommand } : {}) }));
      expect(reply.title).toBe(t('ja', 'help.title'));
      expect(reply.ephemeral).toBe(true);
      const texts = reply.blocks.map((block) => ('text' in block ? block.text : ''));
      expect(texts).toContain(t('ja', 'shiori.settings', { lang: t('ja', 'shiori.langName.ja') }));
      const items = reply.blocks.flatMap((block) => (block.type === 'list' ? block.items : []));
      expect(items.some((item) => item.startsWith('/shiori lang en'))).toBe(true);
      expect(items.some((item) => item.startsWith('/help'))).toBe(true);
    }
  });

  it('shows the current language', async () => {
    const reply = await harness.core.handle(request('shiori', {}, 'ja', { place, user: member, subcommand: 'lang' }));
    expect(reply.summary).toBe(t('ja', 'shiori.langCurrent', { lang: t('ja', 'shiori.langName.ja') }));
  });

  it('stores a language set by an admin', async () => {
    const reply = await harness.core.handle(request('shiori', { value: 'EN' }, 'ja', { place, user: admin, subcommand: 'lang' }));
    expect(reply.locale).toBe('en');
    expect(reply.summary).toBe(t('en', 'shiori.langSet', { lang: t('en', 'shiori.langName.en') }));
    expect(await harness.store.getSetting('slack', 'T0SETTINGS', 'lang')).toBe('en');
  });

  it('rejects an unknown language', async () => {
    const reply = await harness.core.handle(request('shiori', { value: 'fr' }, 'ja', { place, user: admin, subcommand: 'lang' }));
    expect(reply.tone).toBe('error');
    expect(reply.summary).toBe(t('ja', 'shiori.langInvalid', { value: 'fr' }));
  });

  it('rejects a change by a member', async () => {
    const other = { ...place, groupId: 'T0MEMBERONLY' };
    const reply = await harness.core.handle(request('shiori', { value: 'en' }, 'ja', { place: other, user: member, subcommand: 'lang' }));
    expect(reply.summary).toBe(t('ja', 'shiori.adminOnly'));
    expect(await harness.store.getSetting('slack', 'T0MEMBERONLY', 'lang')).toBeUndefined();
  });
});
