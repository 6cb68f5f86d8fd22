import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/explain/forms.js';
import { t } from '../../src/i18n/index.js';
import { entry, explain, option, part } from './support.js';

describe('command matching', () => {
  it('takes the longest form', () => {
    const explanation = explain('docker container commit 3f2a1b my_image');
    expect(explanation.commands.map((command) => command.entryId)).toEqual(['docker-commit']);
    expect(part(explanation, 'docker container commit').kind).toBe('command');
  });

  it('names the canonical form of an alias form', () => {
    const meaning = part(explain('docker container commit 3f2a1b'), 'docker container commit').meaning;
    expect(meaning).toContain(t('ja', 'explain.part.sameAs', { title: 'docker commit' }));
    expect(meaning).toContain(entry('docker-commit').summary.ja);
  });

  it('matches a hyphenated subcommand', () => {
    const explanation = explain('systemctl set-default multi-user.target');
    expect(explanation.commands[0]?.entryId).toBe('systemctl-set-default');
    expect(part(explanation, 'multi-user.target').kind).toBe('argument');
  });

  it('prefers a subcommand over its parent', () => {
    expect(explain('systemctl status docker').commands[0]?.entryId).toBe('systemctl-status');
  });

  it('reads global options before the subcommand', () => {
    const explanation = explain('docker --debug ps -a');
    expect(explanation.commands.map((command) => command.entryId)).toEqual(['docker-ps']);
    expect(part(explanation, '--debug').meaning).toBe(option('docker', '--debug').ja);
    expect(part(explanation, 'ps').entryId).toBe('docker-ps');
    expect(explanation.complete).toBe(true);
  });

  it('reads a global option value', () => {
    const explanation = explain('virsh -c qemu:///system list --all');
    expect(explanation.commands[0]?.entryId).toBe('virsh-list');
    expect(part(explanation, '-c qemu:///system').meaning).toContain(option('virsh', '-c').ja);
    expect(explanation.complete).toBe(true);
  });

  it('reads options before a subcommand without a parent entry', () => {
    const explanation = explain('yum -y install httpd');
    expect(explanation.commands[0]?.entryId).toBe('yum-install');
    expect(part(explanation, '-y').meaning).toBe(option('yum-install', '-y').ja);
    expect(explanation.complete).toBe(true);
  });

  it('explains sudo as a prefix', () => {
    const explanation = explain('sudo docker ps');
    expect(part(explanation, 'sudo')).toMatchObject({ kind: 'prefix', meaning: t('ja', 'explain.prefix.sudo') });
    expect(explanation.commands[0]?.entryId).toBe('docker-ps');
  });

  it('explains a variable assignment', () => {
    const explanation = explain('DOCKER_BUILDKIT=1 docker build .');
    expect(part(explanation, 'DOCKER_BUILDKIT=1').meaning).toBe(t('ja', 'explain.part.assignment', { name: 'DOCKER_BUILDKIT', value: '1' }));
    expect(explanation.commands[0]?.entryId).toBe('docker-build');
  });

  it('matches a Dockerfile instruction in upper case only', () => {
    expect(explain('FROM ubuntu:24.04').commands[0]?.entryId).toBe('dockerfile-from');
    expect(explain('from flask import Flask').parts[0]?.problem?.code).toBe('unknown-command');
  });

  it('corrects a known misspelling', () => {
    const explanation = explain('virth list');
    expect(explanation.commands[0]).toMatchObject({ entryId: 'virsh-list', corrected: 'virsh list' });
    expect(explanation.notes.map((note) => note.text)).toContain(t('ja', 'explain.note.correction', { typed: 'virth list', intended: 'virsh list' }));
    expect(explanation.complete).toBe(true);
  });

  it('corrects a misspelt subcommand', () => {
    expect(explain('virsh dommstate vm1').commands[0]).toMatchObject({ entryId: 'virsh-domstate', corrected: 'virsh domstate' });
    expect(explain('systemctl getdefault').commands[0]).toMatchObject({ entryId: 'systemctl-get-default', corrected: 'systemctl get-default' });
  });

  it('corrects upper case in a command', () => {
    expect(explain('Docker ps').commands[0]).toMatchObject({ entryId: 'docker-ps', corrected: 'docker ps' });
  });

  it('does not treat a real alias as a misspelling', () => {
    expect(explain('docker container ls').commands[0]?.corrected).toBeUndefined();
  });

  it('names an unknown subcommand', () => {
    const explanation = explain('docker frobnicate now');
    expect(part(explanation, 'frobnicate').problem).toEqual({ code: 'unknown-subcommand', text: t('ja', 'explain.problem.unknownSubcommand', { command: 'docker', word: 'frobnicate' }) });
    expect(part(explanation, 'now').problem?.code).toBe('argument-of-unknown');
  });

  it('names the known words of an unknown subcommand', () => {
    const explanation = explain('docker compose down -v');
    expect(part(explanation, 'compose down').problem?.text).toBe(t('ja', 'explain.problem.unknownSubcommand', { command: 'docker', word: 'compose down' }));
    expect(part(explanation, '-v').problem?.code).toBe('argument-of-unknown');
  });

  it('does not guess a near subcommand', () => {
    expect(part(explain('docker stpo web'), 'stpo').problem?.code).toBe('unknown-subcommand');
  });

  it('names an unknown command', () => {
    const explanation = explain('kubectl get pods');
    expect(part(explanation, 'kubectl').problem).toEqual({ code: 'unknown-command', text: t('ja', 'explain.problem.unknownCommand', { command: 'kubectl' }) });
    expect(explanation.commands).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts edits and swaps', () => {
    expect(editDistance('virth', 'virsh')).toBe(1);
    expect(editDistance('biuld', 'build')).toBe(1);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
