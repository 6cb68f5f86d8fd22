/** Action id prefix of every onboarding button. */
export const ONBOARD_ACTION = 'onboard';

/** Discord's `custom_id` limit, the tighter one: Slack's `action_id` allows 255 characters. */
export const MAX_ACTION_ID_LENGTH = 100;

/** Action of an onboarding button. Progress itself lives in the store, never in the id. */
export type OnboardAction =
  | { verb: 'home' }
  | { verb: 'start'; pathId: string }
  | { verb: 'next'; pathId: string }
  | { verb: 'answer'; pathId: string; stepId: string; choice: number };

/** A parsed action id. `groupId` is set when the button carries the guild or workspace it belongs to. */
export interface ParsedAction {
  action: OnboardAction;
  groupId?: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const GROUP_ID = /^[A-Za-z0-9_-]{1,24}$/;
const GROUP_MARK = '@';

/**
 * Builds the action id of a button, such as `onboard:answer:container-basics:dockerfile:2`. A welcome
 * sent as a direct message adds `:@<groupId>`, because a click in a Discord DM arrives without a guild
 * and the progress must still land in the guild the member joined.
 */
export function onboardActionId(action: OnboardAction, groupId?: string): string {
  const parts: string[] = [ONBOARD_ACTION, action.verb];
  if (action.verb !== 'home') parts.push(action.pathId);
  if (action.verb === 'answer') parts.push(action.stepId, String(action.choice));
  if (groupId !== undefined) parts.push(`${GROUP_MARK}${groupId}`);

  const id = parts.join(':');
  // Path and step ids are at most 24 characters by schema and group ids at most 24 here, so this holds.
  if (id.length > MAX_ACTION_ID_LENGTH) throw new Error(`onboarding action id longer than ${MAX_ACTION_ID_LENGTH} characters: ${id}`);
  return id;
}

/** Returns true when `groupId` can be carried in an action id. */
export function isCarriableGroupId(groupId: string): boolean {
  return GROUP_ID.test(groupId);
}

/** Parses the part of an action id after `onboard:`, returning undefined for a malformed id. */
export function parseOnboardAction(argument: string): ParsedAction | undefined {
  const parts = argument.split(':');
  let groupId: string | undefined;
  const last = parts[parts.length - 1];
  if (last?.startsWith(GROUP_MARK)) {
    groupId = last.slice(GROUP_MARK.length);
    parts.pop();
    if (!GROUP_ID.test(groupId)) return undefined;
  }

  const [verb, pathId, stepId, choice] = parts;
  const withGroup = (action: OnboardAction): ParsedAction => (groupId === undefined ? { action } : { action, groupId });
  if (verb === 'home' && parts.length === 1) return withGroup({ verb });
  if (pathId === undefined || !ID.test(pathId)) return undefined;
  if ((verb === 'start' || verb === 'next') && parts.length === 2) return withGroup({ verb, pathId });
  if (verb === 'answer' && parts.length === 4 && stepId !== undefined && ID.test(stepId) && /^\d$/.test(choice ?? '')) {
    return withGroup({ verb, pathId, stepId, choice: Number(choice) });
  }
  return undefined;
}
