import dns from 'node:dns';
import net from 'node:net';

// Imported first by every test that runs a platform client: a connection to any host but the
// loopback address fails the test instead of reaching out to a real service.

const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Connections the guard rejected, so a test can assert that none were tried. */
export const blockedConnections: string[] = [];

function hostOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    if (options.path) return undefined;
    return options.host ?? 'localhost';
  }
  if (typeof first === 'number') return typeof second === 'string' ? second : 'localhost';
  return undefined;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(Array.isArray(args[0]) ? (args[0] as unknown[]) : args);
  if (host !== undefined && !ALLOWED_HOSTS.has(host)) {
    blockedConnections.push(host);
    throw new Error(`offline guard: a test tried to connect to ${host}; only 127.0.0.1 is allowed`);
  }
  return (originalConnect as (...inner: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!ALLOWED_HOSTS.has(hostname)) {
    blockedConnections.push(hostname);
    throw new Error(`offline guard: a test tried to resolve ${hostname}; only 127.0.0.1 is allowed`);
  }
  return (originalLookup as (...inner: unknown[]) => unknown)(hostname, ...rest);
} as typeof dns.lookup;
