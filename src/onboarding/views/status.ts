import { t } from '../../i18n/index.js';
import { createReply, type Action, type Reply } from '../../core/reply.js';
import { onboardActionId } from '../actions.js';
import { progressBar, timeAgo } from '../format.js';
import { currentStepIndex, wrongAnswerKey, type Progress } from '../member.js';
import type { LearningPath } from '../schema.js';
import type { ViewOptions } from './step.js';

/** Marks of a step in the status list: finished, current and still ahead. */
const DONE = '✓';
const CURRENT = '▶';
const AHEAD = '・';

/**
 * Builds the detail of one path for a member: each step marked done, current or ahead, the wrong
 * answers on the current step, when they started and when they last worked on it.
 */
export function statusView(learningPath: LearningPath, progress: Progress, wrongAnswers: ReadonlyMap<string, number>, options: ViewOptions, now: Date): Reply {
  const { locale, carriedGroupId } = options;
  const total = learningPath.steps.length;
  const index = currentStepIndex(progress, learningPath);
  let wrongTotal = 0;

  const items = learningPath.steps.map((step, number) => {
    const wrong = wrongAnswers.get(wrongAnswerKey(progress.userId, learningPath.id, step.id)) ?? 0;
    wrongTotal += wrong;
    let mark = AHEAD;
    if (number < index) mark = DONE;
    if (number === index) mark = CURRENT;
    const misses = number === index && wrong > 0 ? ` ${t(locale, 'onboarding.status.misses', { count: wrong })}` : '';
    return `${mark} ${number + 1}. ${step.title[locale]}${misses}`;
  });

  const fields = [
    { name: t(locale, 'onboarding.status.started'), value: timeAgo(progress.startedAt, now, locale) },
    { name: t(locale, 'onboarding.status.lastActivity'), value: timeAgo(progress.updatedAt, now, locale) },
    { name: t(locale, 'onboarding.status.wrongAnswers'), value: String(wrongTotal) },
  ];

  const finished = index >= total;
  const action: Action = finished
    ? { id: onboardActionId({ verb: 'start', pathId: learningPath.id }, carriedGroupId), label: t(locale, 'onboarding.button.restart'), style: 'secondary' }
    : { id: onboardActionId({ verb: 'next', pathId: learningPath.id }, carriedGroupId), label: t(locale, 'onboarding.button.continue', { path: learningPath.title[locale] }), style: 'primary' };

  return createReply(locale, {
    title: t(locale, 'onboarding.status.title', { path: learningPath.title[locale] }),
    summary: `${progressBar(index, total)} ${Math.min(index, total)}/${total}${finished ? ` ・ ${t(locale, 'onboarding.home.finished')}` : ''}`,
    // A text block rather than a list, because renderers add their own bullet before list items.
    blocks: [
      { type: 'text', text: items.join('\n') },
      { type: 'fields', fields },
    ],
    actions: [[action]],
    ephemeral: true,
    tone: finished ? 'success' : 'info',
  });
}
