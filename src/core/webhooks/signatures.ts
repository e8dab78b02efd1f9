import { createHmac, randomBytes } from 'node:crypto';

const WHSEC = 'whsec_';

/**
 * A new signing key in the Standard Webhooks form: "whsec_" and 32 random bytes in base64.
 * Standard Webhooks libraries take it as it is; iDenfy-style receivers use the whole string.
 */
export function generateSigningKey(): string {
  return WHSEC + randomBytes(32).toString('base64');
}

/** Why a partner-given key cannot be used, or null. A whsec_ key must carry 24 to 64 bytes. */
export function signingKeyProblem(key: string): string | null {
  if (!key.startsWith(WHSEC)) return null;
  const encoded = key.slice(WHSEC.length);
  const bytes = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || bytes.toString('base64') !== encoded) return 'a whsec_ key must be followed by base64';
  if (bytes.length < 24 || bytes.length > 64) return 'a whsec_ key must carry 24 to 64 bytes';
  return null;
}

/** iDenfy's `Idenfy-Signature`: lowercase hex HMAC-SHA256 of the raw body, keyed with the key's UTF-8 bytes. */
export function idenfySignature(signingKey: string, body: string): string {
  return createHmac('sha256', Buffer.from(signingKey, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex');
}

/**
 * Standard Webhooks' `webhook-signature`: "v1," and the base64 HMAC-SHA256 of "id.timestamp.body".
 * A whsec_ key is used as its base64-decoded bytes (as the spec's libraries do), any other key
 * as its UTF-8 bytes.
 */
export function standardSignature(signingKey: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = signingKey.startsWith(WHSEC) ? Buffer.from(signingKey.slice(WHSEC.length), 'base64') : Buffer.from(signingKey, 'utf8');
  const mac = createHmac('sha256', key)
    .update(Buffer.from(`${messageId}.${timestampSeconds}.${body}`, 'utf8'))
    .digest('base64');
  return `v1,${mac}`;
}

export interface SignedHeadersInput {
  signingKey: string;
  eventType: string;
  /** Stable across retries of one delivery: receivers deduplicate on it. */
  messageId: string;
  timestampSeconds: number;
  body: string;
}

/** The headers OpenKYB sets on every webhook request; custom headers never override them. */
export function signedHeaders(input: SignedHeadersInput): Record<string, string> {
  return {
    'content-type': 'application/json',
    'idenfy-event-type': input.eventType,
    'idenfy-signature': idenfySignature(input.signingKey, input.body),
    'webhook-id': input.messageId,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': standardSignature(input.signingKey, input.messageId, input.timestampSeconds, input.body),
  };
}

/** Header names a partner may not set: ours, and those that describe the connection or body. */
export function isReservedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED.has(lower) || lower.startsWith('idenfy-') || lower.startsWith('webhook-') || lower.startsWith('proxy-');
}

const RESERVED = new Set([
  'host',
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'user-agent',
]);
