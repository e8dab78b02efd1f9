import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KEY_BYTES } from './codec.js';

/** A key that wraps company data keys. Its id is a fingerprint stored with each wrapped key. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** The master key new keys are wrapped with, and every key that may still unwrap old ones. */
export interface MasterKeyring {
  current: MasterKey;
  byId: ReadonlyMap<string, MasterKey>;
}

/** Where master keys come from (see README: OPENKYB_MASTER_KEY_FILE, OPENKYB_PREVIOUS_*). */
export interface MasterKeySettings {
  secret: string;
  masterKeyFile?: string | null;
  previousMasterKeyFile?: string | null;
  previousSecret?: string | null;
}

export class MasterKeyError extends Error {}

function masterKey(key: Buffer): MasterKey {
  return { id: createHash('sha256').update('openkyb master key id\0').update(key).digest('hex').slice(0, 16), key };
}

/**
 * The default master key, derived from OPENKYB_SECRET with HKDF under its own label, so it is
 * independent of the keyed hashes the same secret peppers.
 */
export function masterKeyFromSecret(secret: string): MasterKey {
  return masterKey(Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'openkyb', 'openkyb master key v1', KEY_BYTES)));
}

/** A key file holds 32 random bytes as base64 or hex (what `openkyb keys generate-master` prints). */
export function masterKeyFromFile(file: string): MasterKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new MasterKeyError(`master key file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES || !/^[A-Za-z0-9+/_=-]+$/.test(text)) {
    throw new MasterKeyError(`master key file ${file}: expected 32 bytes as base64 or hex (openkyb keys generate-master)`);
  }
  return masterKey(key);
}

export function generateMasterKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * The current master key is the key file's when one is set, else the secret's. The secret's key
 * always stays able to unwrap (moving to a key file needs nothing else), and so do the
 * previous key file or secret while a rotation is under way.
 */
export function masterKeyring(settings: MasterKeySettings): MasterKeyring {
  const fromSecret = masterKeyFromSecret(settings.secret);
  const current = settings.masterKeyFile ? masterKeyFromFile(settings.masterKeyFile) : fromSecret;
  const all = [current, fromSecret];
  if (settings.previousMasterKeyFile) all.push(masterKeyFromFile(settings.previousMasterKeyFile));
  if (settings.previousSecret) all.push(masterKeyFromSecret(settings.previousSecret));
  return { current, byId: new Map(all.map((k) => [k.id, k])) };
}
