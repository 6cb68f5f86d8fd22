import { t, type Locale } from '../i18n/index.js';
import type { CoreContext } from '../core/definition.js';
import { UserError } from '../core/errors.js';
import type { Block, Reply } from '../core/reply.js';
import type { Request } from '../core/request.js';
import { shippedPaths, type PathCatalog } from './catalog.js';
import { currentStepIndex, type Member, type Progress } from './member.js';
import { ProgressStore } from './progress.js';
import type { LearningPath } from './schema.js';
import { currentPath, homeView } from './views/home.js';
import { finishedView, stepView, type ViewOptions } from './views/step.js';

/** The services, member and view settings that onboarding handlers use for one request. */
export interface Onboarding {
  context: CoreContext;
  paths: PathCatalog;
  progress: ProgressStore;
  member: Member;
  view: ViewOptions;
}

/**
 * Builds the onboarding state of a request. `carriedGroupId`, from a button of a welcome DM, replaces
 * the request's group, and the views built from it carry it on in their buttons.
 */
export function onboardingFor(context: CoreContext, request: Request, carriedGroupId?: string, paths: PathCatalog = shippedPaths()): Onboarding {
  const member: Member = { platform: request.place.platform, groupId: carriedGroupId ?? request.place.groupId, userId: request.user.id };
  if (request.user.name !== undefined) member.name = request.user.name;

  const view: ViewOptions = { locale: request.locale, knowledge: context.knowledge, paths };
  if (carriedGroupId !== undefined) view.carriedGroupId = carriedGroupId;
  return { context, paths, progress: new ProgressStore(context.store), member, view };
}

/**
 * Returns the path with id `id`, or with that title in either language as the shell user may type it,
 * or raises a user error listing the paths that exist.
 */
export function requirePath(onboarding: Onboarding, id: unknown): LearningPath {
  const text = typeof id === 'string' ? id.trim() : '';
  if (text === '') throw new UserError('onboarding.missingPath', { paths: onboarding.paths.ids.join(', ') });

  const folded = text.normalize('NFKC').toLowerCase();
  const learningPath =
    onboarding.paths.get(text) ?? onboarding.paths.paths.find((candidate) => [candidate.title.ja, candidate.title.en].some((title) => title.normalize('NFKC').toLowerCase() === folded));
  if (!learningPath) throw new UserError('onboarding.unknownPath', { path: text.slice(0, 40), paths: onboarding.paths.ids.join(', ') });
  return learningPath;
}

/** Picks the path to suggest after `finished`: its `next` unless already done, else the first path not done. */
export function suggestNext(finished: LearningPath, progress: readonly Progress[], paths: PathCatalog): LearningPath | undefined {
  const done = new Set(progress.filter((item) => item.completedAt).map((item) => item.pathId));
  done.add(finished.id);
  const preferred = finished.next === undefined ? undefined : paths.get(finished.next);
  if (preferred && !done.has(preferred.id)) return preferred;
  return paths.paths.find((learningPath) => !done.has(learningPath.id));
}

/**
 * Builds a member's overview of every path outside any command, as Slack's App Home needs: call it on
 * `app_home_opened` with the workspace as the group. Its buttons work like those of `/onboard`.
 */
export async function memberHome(context: CoreContext, member: Member, locale: Locale, paths: PathCatalog = shippedPaths()): Promise<Reply> {
  const progress = await new ProgressStore(context.store).list(member);
  return homeView(progress, { locale, knowledge: context.knowledge, paths });
}

/** Shows the member's overview of every path. */
export async function showHome(onboarding: Onboarding, notice?: string): Promise<Reply> {
  return homeView(await onboarding.progress.list(onboarding.member), onboarding.view, notice);
}

/** Shows the member's position in a path: the current step, or the finished view. */
async function showPosition(onboarding: Onboarding, learningPath: LearningPath, progress: Progress, lead: Block[] = []): Promise<Reply> {
  const index = currentStepIndex(progress, learningPath);
  if (index < learningPath.steps.length) return stepView(learningPath, index, onboarding.view, { lead });

  const all = await onboarding.progress.list(onboarding.member);
  return finishedView(learningPath, suggestNext(learningPath, all, onboarding.paths), onboarding.view, lead);
}

/** Starts a path, resumes it when in progress, or restarts it when finished, and shows the step. */
export async function startPath(onboarding: Onboarding, pathId: unknown): Promise<Reply> {
  const learningPath = requirePath(onboarding, pathId);
  const { progress, state } = await onboarding.progress.start(onboarding.member, learningPath, onboarding.context.now());

  const { locale } = onboarding.view;
  const lead: Block[] = state === 'started' ? [] : [{ type: 'note', text: t(locale, state === 'resumed' ? 'onboarding.start.resumed' : 'onboarding.start.restarted') }];
  return showPosition(onboarding, learningPath, progress, lead);
}

/**
 * Shows the current step of `pathId`, or of the path the member worked on last when it is omitted.
 * A path not started yet is started.
 */
export async function continuePath(onboarding: Onboarding, pathId?: string): Promise<Reply> {
  if (pathId === undefined) {
    const current = currentPath(await onboarding.progress.list(onboarding.member), onboarding);
    if (!current) return showHome(onboarding, t(onboarding.view.locale, 'onboarding.next.none'));
    return continuePath(onboarding, current.id);
  }

  const learningPath = requirePath(onboarding, pathId);
  const progress = await onboarding.progress.get(onboarding.member, learningPath.id);
  if (!progress) return startPath(onboarding, learningPath.id);

  await onboarding.progress.touch(onboarding.member, learningPath.id, onboarding.context.now());
  return showPosition(onboarding, learningPath, progress);
}

/**
 * Grades an answer to a step's check question. The answer is committed before the feedback is built:
 * a right one advances and shows the next step, a wrong one stays on the step and explains.
 */
export async function answerStep(onboarding: Onboarding, pathId: string, stepId: string, choice: number): Promise<Reply> {
  const { locale } = onboarding.view;
  const learningPath = requirePath(onboarding, pathId);
  const step = learningPath.steps.find((candidate) => candidate.id === stepId);
  const chosen = step?.check.choices[choice];
  if (!step || !chosen) throw new UserError('core.unknownAction');

  const outcome = await onboarding.progress.answer(onboarding.member, learningPath, stepId, choice, onboarding.context.now());
  if (outcome.kind === 'notStarted') throw new UserError('onboarding.answer.notStarted', { path: learningPath.title[locale] });
  if (outcome.kind === 'stale') return showPosition(onboarding, learningPath, outcome.progress, [{ type: 'note', text: t(locale, 'onboarding.answer.stale') }]);

  const explanation = step.check.explanation[locale];
  if (!outcome.correct) {
    const text = `${t(locale, 'onboarding.answer.wrongChoice', { choice: chosen[locale] })}\n${explanation}`;
    const index = currentStepIndex(outcome.progress, learningPath);
    const lead: Block[] = [{ type: 'warning', heading: t(locale, 'onboarding.answer.wrong'), text }];
    return stepView(learningPath, index, onboarding.view, { lead, tone: 'warning', compact: true });
  }

  const lead: Block[] = [{ type: 'text', heading: t(locale, 'onboarding.answer.correct'), text: explanation }];
  const index = currentStepIndex(outcome.progress, learningPath);
  if (index < learningPath.steps.length) return stepView(learningPath, index, onboarding.view, { lead, tone: 'success' });

  const all = await onboarding.progress.list(onboarding.member);
  return finishedView(learningPath, suggestNext(learningPath, all, onboarding.paths), onboarding.view, lead);
}
