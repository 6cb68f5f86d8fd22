import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Action, ActionStyle } from '../../core/reply.js';
import { cut, LIMITS, type MessagePayload } from './platform.js';

// Renders a reply's actions as Discord buttons, each custom_id being the core's action id.

const BUTTON_STYLES: Record<ActionStyle, APIButtonComponentWithCustomId['style']> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/**
 * Renders button rows: at most 5 per row and 5 rows, each custom_id unique and within 100 characters.
 * A button that breaks a rule is left out and reported to `onDroppedAction`.
 */
export function renderButtons(
  rows: readonly Action[][],
  onDroppedAction?: (action: Action, reason: string) => void,
): MessagePayload['components'] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[][] = [];
  for (const row of rows) {
    const valid: APIButtonComponentWithCustomId[] = [];
    for (const action of row) {
      if (action.id.length === 0 || action.id.length > LIMITS.customId) {
        onDroppedAction?.(action, 'custom_id must be 1 to 100 characters');
        continue;
      }
      if (seen.has(action.id)) {
        onDroppedAction?.(action, 'duplicate custom_id in one message');
        continue;
      }

      seen.add(action.id);
      const label = cut(action.label.trim() || action.id, LIMITS.buttonLabel);
      valid.push({ type: ComponentType.Button, custom_id: action.id, label, style: BUTTON_STYLES[action.style ?? 'secondary'] });
    }
    for (let start = 0; start < valid.length; start += LIMITS.buttonsPerRow) buttons.push(valid.slice(start, start + LIMITS.buttonsPerRow));
  }

  for (const dropped of buttons.slice(LIMITS.rows).flat()) onDroppedAction?.({ id: dropped.custom_id, label: dropped.label ?? '' }, 'more than 5 rows of buttons');
  return buttons.slice(0, LIMITS.rows).map((components) => ({ type: ComponentType.ActionRow, components }));
}
