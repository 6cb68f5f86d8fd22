import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { entry, explain, option, part } from './support.js';

describe('explainLine', () => {
  it('numbers parts in line order', () => {
    const explanation = explain('docker run -d -p 5000:5000 flask_app');
    expect(explanation.parts.map((found) => [found.number, found.text])).toEqual([
      [1, 'docker run'],
      [2, '-d'],
      [3, '-p 5000:5000'],
      [4, 'flask_app'],
    ]);
    expect(explanation.complete).toBe(true);
  });

  it('explains the study notes bind mount', () => {
    const meaning = part(explain('docker run -d -p 5000:5000 -v $(pwd):/app flask_app'), '-v $(pwd):/app').meaning;
    expect(meaning).toBe(`${option('docker-run', '-v').ja} ${t('ja', 'explain.value.bindMountCurrent', { text: '$(pwd)', target: '/app' })}`);
  });

  it('explains an environment variable', () => {
    expect(part(explain('docker run -e KEY=VALUE nginx'), '-e KEY=VALUE').meaning).toContain(t('ja', 'explain.value.keyValue', { key: 'KEY', value: 'VALUE' }));
  });

  it('names positional arguments', () => {
    const explanation = explain('docker commit 3f2a1b my_ubuntu:v1');
    const [container, repository] = entry('docker-commit').arguments;
    expect(part(explanation, '3f2a1b').meaning).toContain(`${container?.name}: ${container?.ja}`);
    expect(part(explanation, 'my_ubuntu:v1').meaning).toContain(`${repository?.name}: ${repository?.ja}`);
  });

  it('reads the rest after IMAGE as the container command', () => {
    const explanation = explain('docker run -d centos sleep 50');
    const [, command, args] = entry('docker-run').arguments;
    expect(part(explanation, 'sleep').meaning).toBe(`${command?.name}: ${command?.ja}`);
    expect(part(explanation, '50').meaning).toBe(`${args?.name}: ${args?.ja}`);
    expect(explanation.complete).toBe(true);
  });

  it('explains a known container command by its entry', () => {
    const explanation = explain('docker run --rm ubuntu ls -la');
    expect(explanation.commands.map((command) => command.entryId)).toEqual(['docker-run', 'ls']);
    expect(part(explanation, '-la').entryId).toBe('ls');
  });

  it('explains each command of a list', () => {
    const explanation = explain('docker stop web && docker rm web || echo failed; docker ps');
    expect(explanation.commands.map((command) => command.entryId)).toEqual(['docker-stop', 'docker-rm', 'docker-ps']);
    expect(part(explanation, '&&').meaning).toBe(t('ja', 'explain.operator.and'));
    expect(part(explanation, '||').meaning).toBe(t('ja', 'explain.operator.or'));
    expect(part(explanation, ';').meaning).toBe(t('ja', 'explain.operator.sequence'));
    expect(part(explanation, 'echo').problem?.code).toBe('unknown-command');
  });

  it('explains a pipe and redirections', () => {
    const explanation = explain('docker logs web 2>&1 | tee out.txt > /dev/null');
    expect(part(explanation, '|').meaning).toBe(t('ja', 'explain.operator.pipe'));
    expect(part(explanation, '2>&1').meaning).toBe(t('ja', 'explain.redirect.duplicate', { stream: t('ja', 'explain.stream.error'), target: t('ja', 'explain.stream.output') }));
    expect(part(explanation, '> /dev/null').meaning).toBe(t('ja', 'explain.redirect.write', { stream: t('ja', 'explain.stream.output'), target: '/dev/null' }));
  });

  it('explains a comment', () => {
    expect(part(explain('docker ps # running only'), '# running only').meaning).toBe(t('ja', 'explain.part.comment'));
  });

  it('explains RUN with a shell command line', () => {
    const explanation = explain('RUN apt-get update -y && apt-get install -y python3-pip python-dev');
    expect(explanation.commands.map((command) => command.entryId)).toEqual(['dockerfile-run', 'apt-get-update', 'apt-get-install']);
    expect(part(explanation, '&&').problem).toBeUndefined();
    expect(explanation.complete).toBe(true);
  });

  it('explains an unknown command in RUN by its argument', () => {
    const explanation = explain('RUN echo hi');
    const [command] = entry('dockerfile-run').arguments;
    expect(part(explanation, 'echo').meaning).toBe(`${command?.name}: ${command?.ja}`);
    expect(explanation.complete).toBe(true);
  });

  it('reads the exec form as JSON', () => {
    const explanation = explain('ENTRYPOINT ["python3"]');
    expect(explanation.commands.map((command) => command.entryId)).toEqual(['dockerfile-entrypoint', 'python3']);
    expect(part(explanation, '"python3"').entryId).toBe('python3');
  });

  it('reads exec form items as arguments', () => {
    const explanation = explain('CMD ["app.py", "--debug"]');
    const [executable, params] = entry('dockerfile-cmd').arguments;
    expect(part(explanation, '"app.py"').meaning).toBe(`${executable?.name}: ${executable?.ja}`);
    expect(part(explanation, '"--debug"').meaning).toBe(`${params?.name}: ${params?.ja}`);
  });

  it('warns about an exec form that is not JSON', () => {
    const explanation = explain("CMD ['python3', 'app.py']");
    expect(explanation.notes.map((note) => note.text)).toContain(t('ja', 'explain.note.execFormInvalid', { instruction: 'CMD' }));
  });

  it('explains instruction options', () => {
    const explanation = explain('COPY --chown=app:app . /app');
    expect(part(explanation, '--chown=app:app').meaning).toBe(option('dockerfile-copy', '--chown').ja);
    expect(part(explanation, '.').meaning).toContain(t('ja', 'explain.value.dot'));
  });

  it('explains each line of a pasted Dockerfile', () => {
    const explanation = explain('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .');
    expect(explanation.commands.map((command) => command.entryId)).toEqual(['dockerfile-from', 'dockerfile-workdir', 'dockerfile-copy']);
    expect(explanation.complete).toBe(true);
  });

  it('reports a missing argument', () => {
    expect(explain('docker run').notes).toEqual([{ code: 'missing-argument', text: t('ja', 'explain.note.missingArgument', { command: 'docker run', argument: 'IMAGE' }) }]);
  });

  it('flags an argument the syntax lacks', () => {
    expect(part(explain('systemctl reboot httpd'), 'httpd').problem?.code).toBe('unexpected-argument');
  });

  it('answers in English', () => {
    const explanation = explain('docker run -it -p 127.0.0.1:8080:80 nginx', 'en');
    expect(explanation.locale).toBe('en');
    expect(part(explanation, 'docker run').meaning).toBe(entry('docker-run').summary.en);
    expect(part(explanation, '-it').meaning).toBe(`-i: ${option('docker-run', '-i').en} -t: ${option('docker-run', '-t').en}`);
    expect(part(explanation, '-p 127.0.0.1:8080:80').meaning).toContain(t('en', 'explain.value.portAddress', { ip: '127.0.0.1', host: '8080', container: '80', protocol: 'TCP' }));
  });

  it('reports problems in English', () => {
    expect(part(explain('kubectl apply', 'en'), 'kubectl').problem?.text).toBe(t('en', 'explain.problem.unknownCommand', { command: 'kubectl' }));
  });
});
