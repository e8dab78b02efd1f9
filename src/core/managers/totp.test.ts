import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';
import { base32Decode, base32Encode, hotp, matchTotp, totpCode } from './totp.js';

// RFC 6238 appendix B (SHA-1 seed), last six of the eight digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP (RFC 6238)', () => {
  it("matches the RFC's test vectors", () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
    expect(hotp(Buffer.from('12345678901234567890'), 0)).toBe('755224');
    expect(base32Decode(RFC_SECRET).toString()).toBe('12345678901234567890');
  });

  it('accepts one step either side, refuses two, and refuses a step already used', () => {
    const now = 1_800_000_000_000;
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now, null)).not.toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now, null)).not.toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), now, null)).toBeNull();
    const step = matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now, null);
    expect(step).not.toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, '12345', now, null)).toBeNull();
  });
});

describe('password hashes', () => {
  it('are salted scrypt strings that verify only the right password', async () => {
    const [a, b] = [await hashPassword('correct horse battery'), await hashPassword('correct horse battery')];
    expect(a).toMatch(/^scrypt\$65536\$8\$2\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', null)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$nope')).toBe(false);
  });
});
