import type { Core } from '../../src/core/core.js';
import type { Reply } from '../../src/core/reply.js';
import type { Request } from '../../src/core/request.js';
import type { Locale } from '../../src/i18n/index.js';
import { parseOnboardAction } from '../../src/onboarding/actions.js';
import { shippedPaths } from '../../src/onboarding/catalog.js';
import type { LearningPath } from '../../src/onboarding/schema.js';
import { request } from '../support/core.js';

/** The sender of a request and its place, by default a Discord member of guild g1. */
export interface Sender {
  userId?: string;
  name?: string;
  groupId?: string;
  platform?: Request['place']['platform'];
  isAdmin?: boolean;
  locale?: Locale;
}

function senderFields(sender: Sender): Partial<Request> {
  const user: Request['user'] = { id: sender.userId ?? 'u1', isAdmin: sender.isAdmin ?? false };
  if (sender.name !== undefined) user.name = sender.name;
  return { user, place: { platform: sender.platform ?? 'discord', groupId: sender.groupId ?? 'g1', channelId: 'c1' } };
}

/** Runs `/onboard <subcommand>` as `sender`. */
export function onboard(core: Core, subcommand: string | undefined, options: Request['options'] = {}, sender: Sender = {}): Promise<Reply> {
  const extra: Partial<Request> = senderFields(sender);
  if (subcommand !== undefined) extra.subcommand = subcommand;
  return core.handle(request('onboard', options, sender.locale ?? 'ja', extra));
}

/** Clicks the button with `actionId` as `sender`. */
export function press(core: Core, actionId: string, sender: Sender = {}): Promise<Reply> {
  return core.handle({ ...request('', {}, sender.locale ?? 'ja', senderFields(sender)), actionId });
}

/** Returns the learning path of the shipped catalog with `id`. */
export function shippedPath(id: string): LearningPath {
  const learningPath = shippedPaths().get(id);
  if (!learningPath) throw new Error(`no shipped path ${id}`);
  return learningPath;
}

/** Returns the answer buttons of a step view with whether each is the right one. */
export function answerButtons(reply: Reply): { id: string; correct: boolean }[] {
  return reply.actions.flat().flatMap((action) => {
    const parsed = parseOnboardAction(action.id.replace(/^onboard:/, ''));
    if (!action.id.startsWith('onboard:') || parsed?.action.verb !== 'answer') return [];

    const { pathId, stepId, choice } = parsed.action;
    const step = shippedPath(pathId).steps.find((candidate) => candidate.id === stepId);
    return [{ id: action.id, correct: step?.check.answer === choice }];
  });
}

export function rightAnswer(reply: Reply): string {
  const button = answerButtons(reply).find((candidate) => candidate.correct);
  if (!button) throw new Error(`reply "${reply.title}" has no right answer button`);
  return button.id;
}

export function wrongAnswer(reply: Reply): string {
  const button = answerButtons(reply).find((candidate) => !candidate.correct);
  if (!button) throw new Error(`reply "${reply.title}" has no wrong answer button`);
  return button.id;
}

/** Returns every action id of a reply. */
export function actionIds(reply: Reply): string[] {
  return reply.actions.flat().map((action) => action.id);
}
