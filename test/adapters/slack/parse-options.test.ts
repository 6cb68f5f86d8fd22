import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandText, type CommandLookup } from '../../../src/adapters/slack/parse.js';
import { createTestCore, type TestCore } from '../../support/core.js';

// Text options typed as `name:value` take the words after them, as Discord's option box does.

let testCore: TestCore;
const lookup: CommandLookup = (name) => testCore.core.command(name);

beforeAll(async () => {
  testCore = await createTestCore();
});

afterAll(async () => {
  await testCore.close();
});

describe('slack option words', () => {
  it('continue a text option over later words', () => {
    expect(parseCommandText('explain', 'line:docker run -d -p 5000:5000 -v $(pwd):/app flask_app', lookup).options).toEqual({
      line: 'docker run -d -p 5000:5000 -v $(pwd):/app flask_app',
    });
    expect(parseCommandText('search', 'query:docker commit', lookup).options).toEqual({ query: 'docker commit' });
  });

  it('start a text option after an empty name:', () => {
    expect(parseCommandText('explain', 'line： systemctl get-default', lookup).options).toEqual({ line: 'systemctl get-default' });
  });

  it('end a text option at the next option word', () => {
    expect(parseCommandText('search', 'query:docker commit private:true', lookup).options).toEqual({ query: 'docker commit', private: true });
    expect(parseCommandText('quiz', 'schedule time:09:00 close:90m topics:docker, systemd', lookup)).toEqual({
      command: 'quiz',
      subcommand: 'schedule',
      options: { time: '09:00', close: '90m', topics: 'docker, systemd' },
    });
  });

  it('leave options with choices to one word', () => {
    expect(parseCommandText('onboard', 'welcome state:on channel:here', lookup).options).toEqual({ state: 'on', channel: 'here' });
    expect(parseCommandText('quiz', 'practice topic:docker extra words', lookup).options).toEqual({ topic: 'docker' });
  });
});
