import { t, type Locale } from '../../i18n/index.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import type { Entry } from '../../knowledge/schema.js';
import { CARD_ACTION, entryTitle } from '../../core/cards.js';
import { createReply, toRows, type Action, type Block, type Reply, type Tone } from '../../core/reply.js';
import { onboardActionId } from '../actions.js';
import type { PathCatalog } from '../catalog.js';
import { progressBar } from '../format.js';
import type { LearningPath } from '../schema.js';

/** Locale, services and button settings shared by every onboarding view. */
export interface ViewOptions {
  locale: Locale;
  knowledge: KnowledgeBase;
  paths: PathCatalog;
  /** Group id that every onboarding button carries, set when clicks may arrive without one (welcome DMs). */
  carriedGroupId?: string;
}

/** Returns the entries a step points to, skipping ids the knowledge lacks (lint reports those). */
export function stepEntries(learningPath: LearningPath, index: number, knowledge: KnowledgeBase): Entry[] {
  const ids = learningPath.steps[index]?.entries ?? [];
  return ids.map((id) => knowledge.lookup(id)).filter((entry): entry is Entry => entry !== undefined);
}

/** Optional parts of a step view: leading blocks, tone and a compact form. */
export interface StepViewExtras {
  /** Blocks shown first, such as feedback on the previous answer. */
  lead?: Block[];
  tone?: Tone;
  /** Leaves out the entries' summaries (their card buttons stay), as a retry after a wrong answer does. */
  compact?: boolean;
}

/**
 * Builds the view of one step: the goal, each entry's title and summary with a button to its card, and
 * the check question with one button per choice.
 */
export function stepView(learningPath: LearningPath, index: number, options: ViewOptions, extras: StepViewExtras = {}): Reply {
  const { lead = [], tone = 'info', compact = false } = extras;
  const { locale, carriedGroupId } = options;
  const step = learningPath.steps[index];
  if (!step) throw new Error(`path ${learningPath.id} has no step ${index}`);

  const total = learningPath.steps.length;
  const entries = stepEntries(learningPath, index, options.knowledge);
  const blocks: Block[] = [...lead];
  if (!compact) for (const entry of entries) blocks.push({ type: 'text', heading: entryTitle(entry, locale), text: entry.summary[locale] });
  blocks.push({ type: 'text', heading: t(locale, 'onboarding.step.check'), text: step.check.question[locale] });

  const answers: Action[] = step.check.choices.map((choice, number) => ({
    id: onboardActionId({ verb: 'answer', pathId: learningPath.id, stepId: step.id, choice: number }, carriedGroupId),
    label: choice[locale],
    style: 'primary',
  }));
  const cards: Action[] = entries.map((entry) => ({ id: `${CARD_ACTION}:${entry.id}`, label: entryTitle(entry, locale), style: 'secondary' }));

  return createReply(locale, {
    title: t(locale, 'onboarding.step.title', { path: learningPath.title[locale], number: index + 1, total, step: step.title[locale] }),
    summary: step.goal[locale],
    blocks,
    // Answers come first, so in the shell typing 1 to 4 picks a choice.
    actions: [answers, ...toRows(cards)],
    footer: t(locale, 'onboarding.step.footer', { bar: progressBar(index, total), done: index, total }),
    ephemeral: true,
    tone,
  });
}

/** Builds the view shown when a path is finished, suggesting `next` when there is one. */
export function finishedView(learningPath: LearningPath, next: LearningPath | undefined, options: ViewOptions, lead: Block[] = []): Reply {
  const { locale, carriedGroupId } = options;
  const blocks: Block[] = [...lead];
  const actions: Action[] = [];
  if (next) {
    blocks.push({ type: 'text', heading: t(locale, 'onboarding.finished.next'), text: `${next.title[locale]}: ${next.summary[locale]}` });
    actions.push({ id: onboardActionId({ verb: 'start', pathId: next.id }, carriedGroupId), label: t(locale, 'onboarding.button.start', { path: next.title[locale] }), style: 'primary' });
  }
  actions.push({ id: onboardActionId({ verb: 'home' }, carriedGroupId), label: t(locale, 'onboarding.button.home'), style: 'secondary' });

  const total = learningPath.steps.length;
  return createReply(locale, {
    title: t(locale, 'onboarding.finished.title', { path: learningPath.title[locale] }),
    summary: t(locale, next ? 'onboarding.finished.summary' : 'onboarding.finished.allDone', { total }),
    blocks,
    actions: toRows(actions),
    footer: `${progressBar(total, total)} ${total}/${total}`,
    ephemeral: true,
    tone: 'success',
  });
}
