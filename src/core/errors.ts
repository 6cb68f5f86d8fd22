import type { MessageKey, MessageParams } from '../i18n/index.js';

/**
 * An expected failure caused by the request (bad input, not found, not allowed). Adapters show its
 * catalog message to the user privately; anything else is logged and answered with a fixed apology.
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}
