import { entryCard } from '../cards.js';
import { CARD_ACTION } from '../cards.js';
import type { ActionHandler } from '../definition.js';
import { UserError } from '../errors.js';

/** Opens the card of a related entry or a "did you mean" choice, privately to the one who clicked. */
export const cardAction: ActionHandler = {
  prefix: CARD_ACTION,
  handle(context, request, id) {
    const entry = context.knowledge.lookup(id);
    if (!entry) throw new UserError('lookup.unknownId', { id });
    return { ...entryCard(entry, context.knowledge, request.locale), ephemeral: true };
  },
};
