import type { AdapterHandle, AdapterOptions } from '../../core/adapter.js';
import type { Config } from '../../config.js';

/** Connects to Slack. */
export async function startSlack(_options: AdapterOptions & { config: NonNullable<Config['slack']> }): Promise<AdapterHandle> {
  throw new Error('the Slack adapter is not built yet');
}
