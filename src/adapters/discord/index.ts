import type { AdapterHandle, AdapterOptions } from '../../core/adapter.js';
import type { Config } from '../../config.js';

/** Connects to Discord. */
export async function startDiscord(_options: AdapterOptions & { config: NonNullable<Config['discord']> }): Promise<AdapterHandle> {
  throw new Error('the Discord adapter is not built yet');
}
