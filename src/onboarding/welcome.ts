import { t, type Locale } from '../i18n/index.js';
import type { CoreContext } from '../core/definition.js';
import { createReply, toRows, type Action, type Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import type { Store } from '../store/index.js';
import { isCarriableGroupId, onboardActionId } from './actions.js';
import { shippedPaths, type PathCatalog } from './catalog.js';

/** Destination of a welcome: the member's direct messages or a channel. */
export type WelcomeTarget = { kind: 'direct'; userId: string } | { kind: 'channel'; channelId: string };

/** A group's welcome setting, off unless an admin turned it on. */
export type WelcomeSetting = { enabled: false } | { enabled: true; target: 'direct' } | { enabled: true; target: 'channel'; channelId: string };

/** Settings key, whose value is `off`, `dm` or `channel:<id>`. */
const SETTING_KEY = 'onboarding.welcome';

/** Start buttons in a welcome: one row. */
const MAX_WELCOME_BUTTONS = 5;

export async function readWelcomeSetting(store: Store, platform: string, groupId: string): Promise<WelcomeSetting> {
  const value = await store.getSetting(platform, groupId, SETTING_KEY);
  if (value === 'dm') return { enabled: true, target: 'direct' };
  if (value?.startsWith('channel:')) return { enabled: true, target: 'channel', channelId: value.slice('channel:'.length) };
  return { enabled: false };
}

export async function writeWelcomeSetting(store: Store, platform: string, groupId: string, setting: WelcomeSetting, now: Date): Promise<void> {
  let value = 'off';
  if (setting.enabled && setting.target === 'direct') value = 'dm';
  if (setting.enabled && setting.target === 'channel') value = `channel:${setting.channelId}`;
  await store.setSetting(platform, groupId, SETTING_KEY, value, now);
}

/**
 * Builds the short greeting for a new member with a button to start each path (`onboard:start:<pathId>`).
 * `carriedGroupId` makes the buttons name the group, which a welcome sent as a direct message needs.
 */
export function welcomeReply(locale: Locale, paths: PathCatalog, options: { memberName?: string; carriedGroupId?: string } = {}): Reply {
  const { memberName, carriedGroupId } = options;
  const choices = paths.paths.slice(0, MAX_WELCOME_BUTTONS);
  const actions: Action[] = choices.map((learningPath, index) => ({
    id: onboardActionId({ verb: 'start', pathId: learningPath.id }, carriedGroupId),
    label: t(locale, 'onboarding.button.start', { path: learningPath.title[locale] }),
    style: index === 0 ? 'primary' : 'secondary',
  }));
  const items = choices.map((learningPath) => t(locale, 'onboarding.welcome.pathItem', { path: learningPath.title[locale], steps: learningPath.steps.length }));

  return createReply(locale, {
    title: t(locale, 'onboarding.welcome.title'),
    summary: memberName ? t(locale, 'onboarding.welcome.greetingNamed', { name: memberName }) : t(locale, 'onboarding.welcome.greeting'),
    blocks: [{ type: 'list', items }],
    actions: toRows(actions),
    footer: t(locale, 'onboarding.welcome.footer'),
  });
}

/** A member joined a Discord guild or Slack workspace, as the adapter reports it. */
export interface JoinEvent {
  platform: Platform;
  groupId: string;
  userId: string;
  userName?: string;
  /** Language of the greeting: the guild's preferred locale or the workspace setting. */
  locale: Locale;
}

/** The welcome to send for a join, with its destination. */
export interface WelcomeDecision {
  target: WelcomeTarget;
  reply: Reply;
}

/**
 * Records a join and decides whether and where to greet the member.
 *
 * Contract for adapters (Discord `guildMemberAdd`, Slack `team_join`): call this once per join event
 * of a human member (skip bots), with the adapter's `core.context`. When it returns a decision, send
 * `reply` with the platform's Publisher: `sendDirect(target.userId, reply)` for `direct`,
 * `post(target.channelId, reply)` for `channel`. It returns undefined when welcomes are off for the
 * group or this member was already greeted. A member is greeted at most once per group: a redelivered
 * event, or the member joining again later, returns undefined. The greeting is claimed in the store
 * before it is returned, so a send that fails is not retried.
 */
export async function welcomeOnJoin(context: CoreContext, event: JoinEvent, paths: PathCatalog = shippedPaths()): Promise<WelcomeDecision | undefined> {
  const now = context.now().toISOString();
  const key = { platform: event.platform, group_id: event.groupId, user_id: event.userId };
  const setting = await readWelcomeSetting(context.store, event.platform, event.groupId);

  const claimed = await context.store.db.transaction().execute(async (transaction) => {
    await transaction
      .insertInto('onboarding_joins')
      .values({ ...key, joined_at: now, deliveries: 1, welcomed_at: null })
      .onConflict((conflict) => conflict.columns(['platform', 'group_id', 'user_id']).doUpdateSet((update) => ({ deliveries: update.eb('onboarding_joins.deliveries', '+', 1) })))
      .execute();
    if (!setting.enabled) return false;

    const result = await transaction
      .updateTable('onboarding_joins')
      .set({ welcomed_at: now })
      .where('platform', '=', key.platform)
      .where('group_id', '=', key.group_id)
      .where('user_id', '=', key.user_id)
      .where('welcomed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });

  context.logger.debug({ platform: event.platform, group: event.groupId, user: event.userId, enabled: setting.enabled, claimed }, 'member joined');
  if (!setting.enabled || !claimed) return undefined;

  const direct = setting.target === 'direct';
  const carriedGroupId = direct && isCarriableGroupId(event.groupId) ? event.groupId : undefined;
  const reply = welcomeReply(event.locale, paths, { memberName: event.userName, carriedGroupId });
  const target: WelcomeTarget = direct ? { kind: 'direct', userId: event.userId } : { kind: 'channel', channelId: setting.channelId };
  return { target, reply };
}
