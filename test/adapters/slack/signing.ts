import { createHmac } from 'node:crypto';

// Slack's request signing: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing
// secret, sent in `x-slack-signature` beside `x-slack-request-timestamp` (Unix seconds).

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  /** Unix seconds; now by default. */
  timestamp?: number;
  /** Sets `x-slack-retry-num`, as Slack does when it delivers an event again. */
  retryNum?: number;
  /** Sends this signature instead of the correct one. */
  signature?: string;
}

export interface SignedResponse {
  status: number;
  text: string;
}

/** POSTs `body` to a Bolt receiver with Slack's signature headers. */
export async function sendSigned(url: string, secret: string, body: string, options: SignedRequestOptions): Promise<SignedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }

  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

/** Encodes a slash command as Slack sends it: a form with the command's fields. */
export function slashCommandForm(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Encodes an interaction (such as block_actions) as Slack sends it: a form with one JSON `payload`. */
export function interactionForm(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
