import { t } from '../../i18n/index.js';
import { createReply, toRows, type Action, type Block, type Reply } from '../../core/reply.js';
import { onboardActionId } from '../actions.js';
import { progressBar } from '../format.js';
import { currentStepIndex, type Progress } from '../member.js';
import type { LearningPath } from '../schema.js';
import type { ViewOptions } from './step.js';

/** Returns the path a member works on: the in-progress path they touched last. */
export function currentPath(progress: readonly Progress[], options: Pick<ViewOptions, 'paths'>): LearningPath | undefined {
  const latest = [...progress]
    .filter((item) => !item.completedAt && options.paths.get(item.pathId))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  return latest ? options.paths.get(latest.pathId) : undefined;
}

/** Builds one path's block of the overview: its bar and the member's current step. */
function pathBlock(learningPath: LearningPath, progress: Progress | undefined, isCurrent: boolean, options: ViewOptions): Block {
  const { locale } = options;
  const total = learningPath.steps.length;
  const heading = isCurrent ? `▶ ${learningPath.title[locale]}` : learningPath.title[locale];
  if (!progress) {
    return { type: 'text', heading, text: `${progressBar(0, total)} 0/${total} ・ ${t(locale, 'onboarding.home.notStarted')}\n${learningPath.summary[locale]}` };
  }

  const index = currentStepIndex(progress, learningPath);
  const step = learningPath.steps[index];
  const state = step ? t(locale, 'onboarding.home.currentStep', { step: step.title[locale] }) : t(locale, 'onboarding.home.finished');
  return { type: 'text', heading, text: `${progressBar(index, total)} ${index}/${total} ・ ${state}` };
}

/**
 * Builds a member's overview: every path with a bar such as ■■■□□□, the current step and a button to
 * start or continue. It takes one block per path, so even a member on every path stays far below
 * Slack's 100-block App Home limit. Slack renders it as the App Home, Discord as a private reply.
 */
export function homeView(progress: readonly Progress[], options: ViewOptions, notice?: string): Reply {
  const { locale, carriedGroupId } = options;
  const byPath = new Map(progress.map((item) => [item.pathId, item]));
  const current = currentPath(progress, options);
  const blocks: Block[] = [];
  const actions: Action[] = [];
  let finished = 0;

  for (const learningPath of options.paths.paths) {
    const mine = byPath.get(learningPath.id);
    blocks.push(pathBlock(learningPath, mine, learningPath === current, options));
    if (mine?.completedAt) {
      finished++;
      continue;
    }

    const verb = mine ? 'next' : 'start';
    const label = t(locale, mine ? 'onboarding.button.continue' : 'onboarding.button.start', { path: learningPath.title[locale] });
    actions.push({ id: onboardActionId({ verb, pathId: learningPath.id }, carriedGroupId), label, style: learningPath === current ? 'primary' : 'secondary' });
  }

  return createReply(locale, {
    title: t(locale, 'onboarding.home.title'),
    summary: notice ?? t(locale, 'onboarding.home.summary', { finished, total: options.paths.paths.length }),
    blocks,
    actions: toRows(actions),
    footer: t(locale, 'onboarding.home.footer'),
    ephemeral: true,
  });
}
