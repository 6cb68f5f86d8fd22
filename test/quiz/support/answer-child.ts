import { Store } from '../../../src/store/index.js';
import { FakeClock, learnerRequest, quizCore } from './harness.js';

// Child process of the crash test: answers one post, prints ACK once the feedback is back, then
// waits to be killed.

const [file, actionId, userId, now] = process.argv.slice(2);
if (!file || !actionId || !userId || !now) throw new Error('usage: answer-child FILE ACTION_ID USER_ID NOW');

const store = await Store.open(file);
const core = quizCore(store, new FakeClock(now));
const reply = await core.handle(learnerRequest(userId, { command: '', actionId }));
process.stdout.write(`ACK ${reply.tone}\n`);
setInterval(() => undefined, 60_000);
