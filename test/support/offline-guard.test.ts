import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { blockedConnections } from './offline-guard.js';

describe('offline guard', () => {
  it('rejects a connection to an outside host', () => {
    expect(() => net.connect({ host: 'discord.com', port: 443 })).toThrow(/offline guard/);
    expect(blockedConnections).toContain('discord.com');
  });

  it('rejects fetch to an outside host', async () => {
    await expect(fetch('https://slack.com/api/auth.test')).rejects.toThrow();
    expect(blockedConnections).toContain('slack.com');
  });

  it('allows the loopback address', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
