import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, idenfySignature, isReservedHeader, signedHeaders, signingKeyProblem, standardSignature } from './signatures.js';

describe('webhook signatures', () => {
  it('computes Idenfy-Signature as lowercase hex HMAC-SHA256 of the raw body (RFC 4231-style vector)', () => {
    expect(idenfySignature('key', 'The quick brown fox jumps over the lazy dog')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('matches the Standard Webhooks reference example for a whsec_ key (base64-decoded bytes)', () => {
    expect(standardSignature('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('uses a partner-given key without the whsec_ prefix as UTF-8 bytes for both signatures', () => {
    const key = 'partner-secret-ünïcode';
    const body = '{"a":"é"}';
    expect(idenfySignature(key, body)).toBe(createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex'));
    expect(standardSignature(key, 'msg_1', 10, body)).toBe(`v1,${createHmac('sha256', key).update(`msg_1.10.${body}`).digest('base64')}`);
  });

  it('generates whsec_ keys of 32 random bytes, which it accepts back', () => {
    const key = generateSigningKey();
    expect(key).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(key.slice(6), 'base64')).toHaveLength(32);
    expect(signingKeyProblem(key)).toBeNull();
    expect(generateSigningKey()).not.toBe(key);
  });

  it('refuses whsec_ keys that are not base64 of 24 to 64 bytes, and accepts any other string', () => {
    expect(signingKeyProblem('whsec_not*base64!')).toMatch(/base64/);
    expect(signingKeyProblem(`whsec_${Buffer.alloc(16).toString('base64')}`)).toMatch(/24 to 64/);
    expect(signingKeyProblem('a-plain-key-of-any-shape')).toBeNull();
  });

  it('sets the event type, both signatures and a stable message id, all from the same body', () => {
    const headers = signedHeaders({ signingKey: 'k'.repeat(20), eventType: 'COMPANY_SUBMIT', messageId: 'msg_x', timestampSeconds: 1700000000, body: '{}' });
    expect(headers).toEqual({
      'content-type': 'application/json',
      'idenfy-event-type': 'COMPANY_SUBMIT',
      'idenfy-signature': idenfySignature('k'.repeat(20), '{}'),
      'webhook-id': 'msg_x',
      'webhook-timestamp': '1700000000',
      'webhook-signature': standardSignature('k'.repeat(20), 'msg_x', 1700000000, '{}'),
    });
  });

  it('reserves the headers OpenKYB sets, in any case', () => {
    for (const name of ['Content-Type', 'IDENFY-SIGNATURE', 'Idenfy-Event-Type', 'webhook-id', 'Webhook-Timestamp', 'Host', 'Content-Length', 'User-Agent']) {
      expect(isReservedHeader(name), name).toBe(true);
    }
    expect(isReservedHeader('Authorization')).toBe(false);
    expect(isReservedHeader('X-Api-Key')).toBe(false);
  });
});
