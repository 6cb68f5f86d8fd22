import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { explain, option, part } from './support.js';

describe('option reading', () => {
  it('splits combined short flags', () => {
    const meaning = part(explain('docker run -it ubuntu'), '-it').meaning;
    expect(meaning).toBe(`-i: ${option('docker-run', '-i').ja} -t: ${option('docker-run', '-t').ja}`);
  });

  it('describes a repeated flag once', () => {
    const meaning = part(explain('ls -ll'), '-ll').meaning ?? '';
    expect(meaning.split(option('ls', '-l').ja)).toHaveLength(2);
  });

  it('reads --opt=value', () => {
    const explanation = explain('docker run --name=web nginx');
    expect(part(explanation, '--name=web').meaning).toBe(option('docker-run', '--name').ja);
    expect(part(explanation, 'nginx').kind).toBe('argument');
  });

  it('reads --opt value', () => {
    const explanation = explain('docker run --name web nginx');
    expect(part(explanation, '--name web').kind).toBe('option');
    expect(part(explanation, 'nginx').kind).toBe('argument');
  });

  it('reads a value attached to a short flag', () => {
    expect(part(explain('docker run -p5000:5000 nginx'), '-p5000:5000').meaning).toContain(t('ja', 'explain.value.portAll', { host: '5000', container: '5000', protocol: 'TCP' }));
  });

  it('ends a cluster at a flag that takes a value', () => {
    const meaning = part(explain('docker run -dp 8080:80 nginx'), '-dp 8080:80').meaning;
    expect(meaning).toContain(option('docker-run', '-d').ja);
    expect(meaning).toContain(t('ja', 'explain.value.portAll', { host: '8080', container: '80', protocol: 'TCP' }));
  });

  it('ends options at --', () => {
    const explanation = explain('ls -- -l');
    expect(part(explanation, '--').meaning).toBe(t('ja', 'explain.part.endOfOptions'));
    expect(part(explanation, '-l')).toMatchObject({ kind: 'argument', entryId: 'ls' });
  });

  it('names an unknown option', () => {
    expect(part(explain('docker ps --bogus'), '--bogus').problem).toEqual({
      code: 'unknown-option',
      text: t('ja', 'explain.problem.unknownOption', { command: 'docker ps', option: '--bogus' }),
    });
  });

  it('names the unknown flag of a cluster', () => {
    const found = part(explain('docker run -itz ubuntu'), '-itz');
    expect(found.problem?.text).toBe(t('ja', 'explain.problem.unknownOption', { command: 'docker run', option: '-z' }));
    expect(found.meaning).toContain(option('docker-run', '-i').ja);
  });

  it('reports a missing value', () => {
    expect(part(explain('docker run --name'), '--name').problem?.code).toBe('missing-value');
  });

  it('reads an em dash word as a long option', () => {
    const explanation = explain('docker run —rm ubuntu');
    expect(part(explanation, '-rm').meaning).toBe(option('docker-run', '--rm').ja);
    expect(explanation.notes.map((note) => note.code)).toEqual(['character', 'long-option']);
    expect(explanation.notes[1]?.text).toBe(t('ja', 'explain.note.longOption', { typed: '—rm', option: '--rm' }));
  });

  it('reads an em dash before short flags as one dash', () => {
    const explanation = explain('docker run —it ubuntu');
    expect(part(explanation, '-it').meaning).toContain(option('docker-run', '-t').ja);
    expect(explanation.complete).toBe(true);
  });

  it('passes options after IMAGE to the container', () => {
    const explanation = explain('docker run ubuntu -it');
    expect(part(explanation, '-it')).toMatchObject({ kind: 'argument', entryId: 'docker-run' });
    expect(explanation.notes.map((note) => note.code)).toEqual(['after-command']);
  });

  it('reads options before the script of python3 only', () => {
    const explanation = explain('python3 -u app.py --port 80');
    expect(part(explanation, '-u').kind).toBe('option');
    expect(part(explanation, '--port').kind).toBe('argument');
    expect(explanation.complete).toBe(true);
  });
});
