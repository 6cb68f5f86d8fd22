import { parseArgs } from 'node:util';
import { sendSigned, slashCommandForm } from './signing.js';

// Sends one correctly signed slash command to a bot in HTTP mode, as Slack would. With the fake
// Slack running, the reply arrives at the fake's response_url and the fake prints it:
//
//   npx tsx test/adapters/slack/send-signed.ts --url http://127.0.0.1:3000/slack/events \
//     --secret secret --command /cmd --text "docker commit" \
//     --response-url http://127.0.0.1:4000/respond/demo

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000/slack/events' },
    secret: { type: 'string', default: 'secret' },
    command: { type: 'string', default: '/cmd' },
    text: { type: 'string', default: 'docker commit' },
    'response-url': { type: 'string', default: 'http://127.0.0.1:4000/respond/demo' },
    team: { type: 'string', default: 'T0FAKE' },
    channel: { type: 'string', default: 'C0DEMO' },
    user: { type: 'string', default: 'U0DEMO' },
  },
});

const body = slashCommandForm({
  command: values.command,
  text: values.text,
  team_id: values.team,
  team_domain: 'fake',
  channel_id: values.channel,
  channel_name: 'demo',
  user_id: values.user,
  user_name: 'demo',
  response_url: values['response-url'],
  trigger_id: 'trigger-demo',
  api_app_id: 'A0FAKE',
  token: 'unused',
});

const response = await sendSigned(values.url, values.secret, body, { contentType: 'application/x-www-form-urlencoded' });
process.stdout.write(`HTTP ${response.status}${response.text ? ` ${response.text}` : ''}\n`);
process.exitCode = response.status === 200 ? 0 : 1;
