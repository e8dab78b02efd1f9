import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (node:crypto), a fresh 16-byte salt each, in the string
 * `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url), so the cost can rise later without breaking
 * stored hashes. N=2^16, r=8, p=2 is one of OWASP's equivalent recommended settings (64 MiB).
 */
const COST = { N: 2 ** 16, r: 8, p: 2 };
const KEY_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether the password matches the stored hash. A null hash (an unknown account, or one whose
 * password was never set) is checked against a throwaway hash, so every failure costs the same.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parse(stored) : null;
  const target = parsed ?? { cost: COST, salt: DUMMY_SALT, key: DUMMY_KEY };
  const key = await derive(password, target.salt, target.cost);
  return parsed !== null && key.length === target.key.length && timingSafeEqual(key, target.key);
}

const DUMMY_SALT = randomBytes(16);
const DUMMY_KEY = randomBytes(KEY_BYTES);

function parse(stored: string): { cost: { N: number; r: number; p: number }; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}
