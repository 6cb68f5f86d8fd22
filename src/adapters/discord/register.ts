import { DiscordAPIError } from 'discord.js';
import { ConfigError, loadConfig, loadDotEnv } from '../../config.js';
import { runRegister } from './registration.js';

// Entry point of `npm run discord:register`. The work is in registration.ts, which tests call.

async function main(): Promise<number> {
  loadDotEnv();
  const io = { print: (line: string) => process.stdout.write(`${line}\n`), printError: (line: string) => process.stderr.write(`${line}\n`) };
  try {
    return await runRegister(process.argv.slice(2), loadConfig(), io);
  } catch (error) {
    if (error instanceof ConfigError) io.printError(error.message);
    else if (error instanceof DiscordAPIError) io.printError(`Discord rejected the request (${error.status}, code ${error.code}): ${error.message}`);
    else throw error;
    return 1;
  }
}

process.exitCode = await main();
