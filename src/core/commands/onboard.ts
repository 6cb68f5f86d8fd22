import { ONBOARD_ACTION, parseOnboardAction } from '../../onboarding/actions.js';
import { shippedPaths } from '../../onboarding/catalog.js';
import { answerStep, continuePath, onboardingFor, showHome, startPath } from '../../onboarding/flow.js';
import { configureWelcome, resetProgress, RESET_ALL, showStatus, showTeam } from '../../onboarding/manage.js';
import type { ActionHandler, CommandDefinition, OptionDefinition } from '../definition.js';
import { UserError } from '../errors.js';

// The path choices are read when this module loads, so Discord can list them without autocomplete.
const pathChoices = shippedPaths().paths.map((learningPath) => ({ value: learningPath.id, label: learningPath.title }));

function pathOption(required: boolean, description: { ja: string; en: string }, extra: OptionDefinition['choices'] = []): OptionDefinition {
  return { name: 'path', nameJa: 'パス', type: 'string', description, required, choices: [...pathChoices, ...extra] };
}

export const onboardCommand: CommandDefinition = {
  name: 'onboard',
  nameJa: '学習パス',
  description: { ja: '学習パスに沿って、順番に学びます', en: 'Learn step by step along a learning path' },
  usage: '/onboard start container-basics',
  options: [],
  subcommands: [
    { name: 'list', nameJa: '一覧', description: { ja: '学習パスとあなたの進捗を表示します', en: 'Show the learning paths and your progress' }, options: [] },
    {
      name: 'start',
      nameJa: '開始',
      description: { ja: '学習パスを始めます（途中なら続きから）', en: 'Start a learning path, or resume it' },
      options: [pathOption(true, { ja: '始める学習パス', en: 'The learning path to start' })],
    },
    { name: 'next', nameJa: '次へ', description: { ja: '今のステップと確認問題を表示します', en: 'Show your current step and its check question' }, options: [] },
    {
      name: 'status',
      nameJa: '進捗',
      description: { ja: '学習パスの進み具合を詳しく表示します', en: 'Show your progress in a learning path in detail' },
      options: [pathOption(false, { ja: '表示するパス（省略すると今のパス）', en: 'The path to show; your current one when omitted' })],
    },
    {
      name: 'reset',
      nameJa: 'リセット',
      description: { ja: '学習パスの進捗を消して、最初からにします', en: 'Delete your progress in a path and start over' },
      options: [
        pathOption(true, { ja: 'リセットするパス（all ですべて）', en: 'The path to reset, or all' }, [{ value: RESET_ALL, label: { ja: 'すべてのパス', en: 'All paths' } }]),
      ],
    },
    {
      name: 'team',
      nameJa: 'チーム',
      description: { ja: 'メンバーの進捗と最終操作を表示します（管理者のみ）', en: "Show members' progress and last activity (admins only)" },
      options: [],
      adminOnly: true,
    },
    {
      name: 'welcome',
      nameJa: '歓迎',
      description: { ja: '参加したメンバーへの案内を設定します（管理者のみ）', en: 'Set the greeting for members who join (admins only)' },
      adminOnly: true,
      options: [
        {
          name: 'state',
          nameJa: '状態',
          type: 'string',
          description: { ja: 'on で送る、off で送らない（省略すると今の設定を表示）', en: 'on or off, or leave it out to show the setting' },
          choices: [
            { value: 'on', label: { ja: 'オン', en: 'On' } },
            { value: 'off', label: { ja: 'オフ', en: 'Off' } },
          ],
        },
        {
          name: 'channel',
          nameJa: 'チャンネル',
          type: 'string',
          description: { ja: '送り先: dm（既定）、here、またはチャンネル ID', en: 'Where to send it: dm (default), here, or a channel id' },
          maxLength: 100,
        },
      ],
    },
  ],
  async handle(context, request) {
    const onboarding = onboardingFor(context, request);
    switch (request.subcommand) {
      case undefined:
      case 'list':
        return showHome(onboarding);
      case 'start':
        return startPath(onboarding, request.options.path);
      case 'next':
        return continuePath(onboarding);
      case 'status':
        return showStatus(onboarding, request.options.path);
      case 'reset':
        return resetProgress(onboarding, request.options.path);
      case 'team':
        return showTeam(onboarding, request);
      case 'welcome':
        return configureWelcome(onboarding, request);
      default:
        throw new UserError('core.unknownCommand', { command: `onboard ${request.subcommand}` });
    }
  },
};

/** Handles `onboard:home`, `onboard:start:<path>`, `onboard:next:<path>` and `onboard:answer:<path>:<step>:<choice>`. */
export const onboardAction: ActionHandler = {
  prefix: ONBOARD_ACTION,
  async handle(context, request, argument) {
    const parsed = parseOnboardAction(argument);
    if (!parsed) throw new UserError('core.unknownAction');

    const onboarding = onboardingFor(context, request, parsed.groupId);
    const { action } = parsed;
    switch (action.verb) {
      case 'home':
        return showHome(onboarding);
      case 'start':
        return startPath(onboarding, action.pathId);
      case 'next':
        return continuePath(onboarding, action.pathId);
      case 'answer':
        return answerStep(onboarding, action.pathId, action.stepId, action.choice);
    }
  },
};
