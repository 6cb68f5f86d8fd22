import { t } from '../i18n/index.js';
import { UserError } from '../core/errors.js';
import { createReply, type Reply } from '../core/reply.js';
import type { Request } from '../core/request.js';
import { requirePath, showHome, type Onboarding } from './flow.js';
import { currentPath } from './views/home.js';
import { statusView } from './views/status.js';
import { teamView } from './views/team.js';
import { readWelcomeSetting, writeWelcomeSetting, type WelcomeSetting } from './welcome.js';

/** Value of the reset option that resets every path. */
export const RESET_ALL = 'all';

/** Channel ids as Discord (digits) and Slack (letters and digits) write them. */
const CHANNEL_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Shows the detail of one path, or of the member's current path when `pathId` is omitted. */
export async function showStatus(onboarding: Onboarding, pathId: unknown): Promise<Reply> {
  const { member, progress, view } = onboarding;
  const all = await progress.list(member);
  const learningPath = pathId === undefined || pathId === '' ? currentPath(all, onboarding) : requirePath(onboarding, pathId);
  if (!learningPath) return showHome(onboarding, t(view.locale, 'onboarding.next.none'));

  const mine = all.find((item) => item.pathId === learningPath.id);
  if (!mine) throw new UserError('onboarding.status.notStarted', { path: learningPath.title[view.locale], id: learningPath.id });

  const wrong = await progress.wrongAnswers(member.platform, member.groupId, member.userId);
  return statusView(learningPath, mine, wrong, view, onboarding.context.now());
}

/** Deletes the member's progress in one path or, with `all`, in every path. */
export async function resetProgress(onboarding: Onboarding, pathId: unknown): Promise<Reply> {
  const { locale } = onboarding.view;
  if (pathId === undefined || pathId === '') throw new UserError('onboarding.reset.missingPath', { paths: [...onboarding.paths.ids, RESET_ALL].join(', ') });

  const all = pathId === RESET_ALL;
  const learningPath = all ? undefined : requirePath(onboarding, pathId);
  const count = await onboarding.progress.reset(onboarding.member, learningPath?.id);
  if (count === 0) return createReply(locale, { summary: t(locale, 'onboarding.reset.nothing'), ephemeral: true });

  const summary = learningPath ? t(locale, 'onboarding.reset.one', { path: learningPath.title[locale] }) : t(locale, 'onboarding.reset.all', { count });
  return createReply(locale, { title: t(locale, 'onboarding.reset.title'), summary, ephemeral: true, tone: 'success' });
}

function requireAdmin(request: Request): void {
  if (!request.user.isAdmin) throw new UserError('onboarding.adminOnly');
}

/** Shows every member's path, step and last activity to an admin. */
export async function showTeam(onboarding: Onboarding, request: Request): Promise<Reply> {
  requireAdmin(request);

  const { platform, groupId } = onboarding.member;
  const all = await onboarding.progress.group(platform, groupId);
  const wrong = await onboarding.progress.wrongAnswers(platform, groupId);
  return teamView(all, wrong, onboarding.view, onboarding.context.now());
}

/** Reads the welcome channel option: `dm`, `here` (the channel of the request), a channel id or `<#id>`. */
function welcomeTarget(raw: unknown, request: Request): WelcomeSetting {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '' || text.toLowerCase() === 'dm') return { enabled: true, target: 'direct' };
  if (text.toLowerCase() === 'here') return { enabled: true, target: 'channel', channelId: request.place.channelId };

  // Discord writes a channel mention as <#123>, Slack as <#C123|name>.
  const channelId = /^<#([^>|]+)(?:\|[^>]*)?>$/.exec(text)?.[1] ?? text;
  if (!CHANNEL_ID.test(channelId)) throw new UserError('onboarding.welcome.badChannel', { channel: text.slice(0, 40) });
  return { enabled: true, target: 'channel', channelId };
}

function describeWelcome(setting: WelcomeSetting, request: Request): string {
  const { locale } = request;
  if (!setting.enabled) return t(locale, 'onboarding.welcome.isOff');
  if (setting.target === 'direct') return t(locale, 'onboarding.welcome.isOnDirect');
  return t(locale, 'onboarding.welcome.isOnChannel', { channel: setting.channelId });
}

/** Turns the welcome on join on or off for the group (admins only), or shows it when `state` is omitted. */
export async function configureWelcome(onboarding: Onboarding, request: Request): Promise<Reply> {
  requireAdmin(request);

  const { store, now } = onboarding.context;
  const { platform, groupId } = onboarding.member;
  const { locale } = request;
  // A channel given alone means "greet there", so it switches the welcome on rather than being ignored.
  const state = (request.options.state === undefined || request.options.state === '') && request.options.channel !== undefined ? 'on' : request.options.state;
  if (state === undefined || state === '') {
    const setting = await readWelcomeSetting(store, platform, groupId);
    return createReply(locale, { title: t(locale, 'onboarding.welcome.settingTitle'), summary: describeWelcome(setting, request), ephemeral: true });
  }
  if (state !== 'on' && state !== 'off') throw new UserError('onboarding.welcome.badState', { state: String(state).slice(0, 20) });

  const setting: WelcomeSetting = state === 'off' ? { enabled: false } : welcomeTarget(request.options.channel, request);
  await writeWelcomeSetting(store, platform, groupId, setting, now());
  return createReply(locale, { title: t(locale, 'onboarding.welcome.settingTitle'), summary: describeWelcome(setting, request), ephemeral: true, tone: 'success' });
}
