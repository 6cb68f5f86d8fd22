import { describe, expect, it } from 'vitest';
import { interpretValue } from '../../src/explain/values.js';
import { t } from '../../src/i18n/index.js';

const PORT = '[IP:]HOST_PORT:CONTAINER_PORT[/PROTOCOL]';
const MOUNT = 'HOST_PATH_OR_VOLUME:CONTAINER_PATH[:OPTIONS]';

function read(placeholder: string, text: string, expands = false): string[] {
  return interpretValue(placeholder, { text, expands }, 'ja');
}

describe('value interpreters', () => {
  it('reads HOST:CONTAINER ports', () => {
    expect(read(PORT, '5000:5000')).toEqual([t('ja', 'explain.value.portAll', { host: '5000', container: '5000', protocol: 'TCP' })]);
  });

  it('reads a port bound to an address', () => {
    expect(read(PORT, '127.0.0.1:8080:80')).toEqual([t('ja', 'explain.value.portAddress', { ip: '127.0.0.1', host: '8080', container: '80', protocol: 'TCP' })]);
  });

  it('reads an IPv6 address and a protocol', () => {
    expect(read(PORT, '[::1]:53:53/udp')).toEqual([t('ja', 'explain.value.portAddress', { ip: '::1', host: '53', container: '53', protocol: 'UDP' })]);
  });

  it('reads a container port alone', () => {
    expect(read(PORT, '80')).toEqual([t('ja', 'explain.value.portRandom', { container: '80', protocol: 'TCP' })]);
    expect(read(PORT, '127.0.0.1::80')).toEqual([t('ja', 'explain.value.portRandomAddress', { ip: '127.0.0.1', container: '80', protocol: 'TCP' })]);
  });

  it('reads port ranges', () => {
    expect(read(PORT, '8000-8010:8000-8010')[0]).toBe(t('ja', 'explain.value.portAll', { host: '8000-8010', container: '8000-8010', protocol: 'TCP' }));
  });

  it('rejects a malformed port', () => {
    expect(read(PORT, 'web:80')).toEqual([t('ja', 'explain.value.portInvalid', { value: 'web:80' })]);
  });

  it('reads a bind mount of the current folder', () => {
    expect(read(MOUNT, '$(pwd):/app', true)).toEqual([t('ja', 'explain.value.bindMountCurrent', { text: '$(pwd)', target: '/app' })]);
    expect(read(MOUNT, '$PWD:/app', true)).toEqual([t('ja', 'explain.value.bindMountCurrent', { text: '$PWD', target: '/app' })]);
  });

  it('reads a bind mount of a path with options', () => {
    expect(read(MOUNT, '/srv/data:/data:ro')).toEqual([
      `${t('ja', 'explain.value.bindMount', { source: '/srv/data', target: '/data' })} ${t('ja', 'explain.value.mountOptions', { options: t('ja', 'explain.value.readOnly') })}`,
    ]);
  });

  it('reads a named and an anonymous volume', () => {
    expect(read(MOUNT, 'dbdata:/var/lib/mysql')).toEqual([t('ja', 'explain.value.namedVolume', { source: 'dbdata', target: '/var/lib/mysql' })]);
    expect(read(MOUNT, '/data')).toEqual([t('ja', 'explain.value.anonymousVolume', { target: '/data' })]);
  });

  it('reads KEY=VALUE', () => {
    expect(read('KEY=VALUE', 'MODE=dev=1')).toEqual([t('ja', 'explain.value.keyValue', { key: 'MODE', value: 'dev=1' })]);
    expect(read('<key>=<value>', 'a=b')).toEqual([t('ja', 'explain.value.keyValue', { key: 'a', value: 'b' })]);
    expect(read('KEY=VALUE', 'KEY')).toEqual([]);
  });

  it('reads image names', () => {
    expect(read('NAME[:TAG]', 'flask_app')).toEqual([t('ja', 'explain.value.imageLatest', { name: 'flask_app' })]);
    expect(read('IMAGE', 'registry:5000/team/app:1.2')).toEqual([t('ja', 'explain.value.imageTag', { name: 'registry:5000/team/app', tag: '1.2' })]);
    expect(read('IMAGE', 'alpine@sha256:abc')).toEqual([t('ja', 'explain.value.imageDigest', { name: 'alpine', digest: 'sha256:abc' })]);
    expect(read('IMAGE', '5d0da3dc9764')).toEqual([t('ja', 'explain.value.imageId')]);
  });

  it('reads container ids and names', () => {
    expect(read('CONTAINER', '3f2a1b')).toEqual([t('ja', 'explain.value.containerId')]);
    expect(read('CONTAINER', 'web')).toEqual([t('ja', 'explain.value.containerName')]);
  });

  it('describes folders and expansions in any value', () => {
    expect(read('PATH', '.')).toEqual([t('ja', 'explain.value.dot')]);
    expect(read('[dir]', '..')).toEqual([t('ja', 'explain.value.dotDot')]);
    expect(read('FILE', '$HOME/x', true)).toEqual([t('ja', 'explain.value.variable', { text: '$HOME', name: 'HOME' })]);
    expect(read('FILE', '$(date +%F).log', true)).toEqual([t('ja', 'explain.value.commandSubstitution', { text: '$(date +%F)', command: 'date +%F' })]);
  });

  it('leaves single-quoted dollars alone', () => {
    expect(read('FILE', '$HOME', false)).toEqual([]);
  });

  it('leaves unknown formats alone', () => {
    expect(read('SECONDS', '10')).toEqual([]);
  });
});
