import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The ciphertext formats, AES-256-GCM throughout. Text: `v1:` + base64(iv | tag | ciphertext).
 * Files: the bytes `OKYB` 0x01, then iv | tag | ciphertext. The associated data names the
 * company (and, for files, the file id), so a ciphertext moved to another company, or a file
 * renamed to another id, fails authentication instead of decrypting.
 */
export const TEXT_PREFIX = 'v1:';
const FILE_MAGIC = Buffer.from([0x4f, 0x4b, 0x59, 0x42, 0x01]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** Raised when a ciphertext is malformed, tampered with, or sealed for another company or key. */
export class SealError extends Error {}

export function isSealedText(value: string): boolean {
  return value.startsWith(TEXT_PREFIX);
}

export function isSealedFile(bytes: Buffer): boolean {
  return bytes.length >= FILE_MAGIC.length && bytes.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC);
}

const textAad = (companyId: string) => `openkyb:v1:${companyId}`;
const fileAad = (companyId: string, fileId: string) => `openkyb:v1:${companyId}:file:${fileId}`;
const keyAad = (companyId: string, masterKeyId: string) => `openkyb:key:v1:${companyId}:${masterKeyId}`;

function seal(key: Buffer, aad: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, aad: string, sealed: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SealError('sealed value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('sealed value does not authenticate (tampered, or another company or key)');
  }
}

export function sealText(key: Buffer, companyId: string, plaintext: string): string {
  return TEXT_PREFIX + seal(key, textAad(companyId), Buffer.from(plaintext, 'utf8')).toString('base64');
}

export function openText(key: Buffer, companyId: string, sealed: string): string {
  if (!isSealedText(sealed)) throw new SealError('not a sealed value');
  return open(key, textAad(companyId), Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64')).toString('utf8');
}

export function sealFile(key: Buffer, companyId: string, fileId: string, bytes: Buffer): Buffer {
  return Buffer.concat([FILE_MAGIC, seal(key, fileAad(companyId, fileId), bytes)]);
}

export function openFile(key: Buffer, companyId: string, fileId: string, blob: Buffer): Buffer {
  if (!isSealedFile(blob)) throw new SealError('not a sealed file');
  return open(key, fileAad(companyId, fileId), blob.subarray(FILE_MAGIC.length));
}

/**
 * A file's id within its company: a keyed hash of its SHA-256, so equal files of one company
 * are stored once, while the same file in two companies has unrelated ids (and the id says
 * nothing about the content without the company's key).
 */
export function fileIdOf(key: Buffer, contentSha256: string): string {
  const idKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'openkyb file id v1', KEY_BYTES));
  return createHmac('sha256', idKey).update(contentSha256).digest('hex');
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function wrapKey(master: Buffer, masterKeyId: string, companyId: string, dataKey: Buffer): string {
  return TEXT_PREFIX + seal(master, keyAad(companyId, masterKeyId), dataKey).toString('base64');
}

export function unwrapKey(master: Buffer, masterKeyId: string, companyId: string, wrapped: string): Buffer {
  if (!isSealedText(wrapped)) throw new SealError('not a wrapped key');
  const key = open(master, keyAad(companyId, masterKeyId), Buffer.from(wrapped.slice(TEXT_PREFIX.length), 'base64'));
  if (key.length !== KEY_BYTES) throw new SealError('wrapped key has the wrong length');
  return key;
}

const secretAad = (label: string, masterKeyId: string) => `openkyb:secret:v1:${label}:${masterKeyId}`;

/**
 * A small server-side secret (a manager's TOTP seed) sealed directly with a master key; the
 * label (e.g. `manager:12:totp`) is bound in, so a value copied to another row fails to open.
 */
export function sealSecret(master: Buffer, masterKeyId: string, label: string, plaintext: string): string {
  return TEXT_PREFIX + seal(master, secretAad(label, masterKeyId), Buffer.from(plaintext, 'utf8')).toString('base64');
}

export function openSecret(master: Buffer, masterKeyId: string, label: string, sealed: string): string {
  if (!isSealedText(sealed)) throw new SealError('not a sealed secret');
  return open(master, secretAad(label, masterKeyId), Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64')).toString('utf8');
}
