import { createInterface } from 'node:readline';
import { Store } from '../../../src/store/index.js';
import { FakeClock, fixtureKnowledge, scheduler } from './harness.js';
import { RecordingPublisher } from './recording-publisher.js';

// Child process of the two-process race. It prints READY and waits for GO on standard input. Then it
// runs a scheduler tick at NOW and at the same time on each of the next DAYS - 1 days, and prints
// how many posts it sent.

const [file, now, days = '1'] = process.argv.slice(2);
if (!file || !now) throw new Error('usage: tick-child FILE NOW [DAYS]');

fixtureKnowledge();
const store = await Store.open(file);
const publisher = new RecordingPublisher();
const clock = new FakeClock(now);
const quiz = scheduler(store, clock, publisher);
process.stdout.write('READY\n');

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'GO') continue;
  for (let day = 0; day < Number(days); day++) {
    await quiz.tick();
    clock.advance(24 * 60 * 60 * 1000);
  }
  process.stdout.write(`POSTS ${publisher.posts.length}\n`);
  break;
}
await store.close();
