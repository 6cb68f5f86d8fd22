import type { ActionHandler, CommandDefinition } from '../definition.js';
import { cardAction } from './card-action.js';
import { cmdCommand } from './cmd.js';
import { conceptCommand } from './concept.js';
import { explainCommand } from './explain.js';
import { onboardAction, onboardCommand } from './onboard.js';
import { quizAction, quizCommand } from './quiz.js';
import { searchCommand } from './search.js';
import { shioriCommand } from './shiori.js';
import { topicsCommand } from './topics.js';

/** Every user command except help, which the core adds because it lists the others. */
export const COMMANDS: readonly CommandDefinition[] = [cmdCommand, conceptCommand, searchCommand, topicsCommand, shioriCommand, onboardCommand, quizCommand, explainCommand];

/** Every button handler, by action id prefix. */
export const ACTION_HANDLERS: readonly ActionHandler[] = [cardAction, onboardAction, quizAction];
