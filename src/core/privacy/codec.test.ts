import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIdOf, newDataKey, openFile, openText, SealError, sealFile, sealText, unwrapKey, wrapKey } from './codec.js';
import { generateMasterKeyText, masterKeyFromFile, masterKeyFromSecret, MasterKeyError, masterKeyring } from './master-keys.js';

const flip = (sealed: string, at: number) => {
  const bytes = Buffer.from(sealed.slice(3), 'base64');
  bytes[at]! ^= 1;
  return `v1:${bytes.toString('base64')}`;
};

describe('the personal data codec', () => {
  const key = newDataKey();

  it('round-trips text, and never yields the same ciphertext twice', () => {
    const a = sealText(key, 'company-a', 'Rasa Petraite 1980-04-02');
    expect(a.startsWith('v1:')).toBe(true);
    expect(a).not.toContain('Rasa');
    expect(openText(key, 'company-a', a)).toBe('Rasa Petraite 1980-04-02');
    expect(sealText(key, 'company-a', 'Rasa Petraite 1980-04-02')).not.toBe(a);
  });

  it('refuses a tampered iv, tag or body', () => {
    const sealed = sealText(key, 'company-a', 'Jonas Jonaitis');
    for (const at of [0, 12, 28]) expect(() => openText(key, 'company-a', flip(sealed, at))).toThrow(SealError);
    expect(() => openText(key, 'company-a', 'v1:AAAA')).toThrow(SealError);
    expect(() => openText(key, 'company-a', 'Jonas')).toThrow(SealError);
  });

  it("refuses a ciphertext moved to another company, or opened with another company's key", () => {
    const sealed = sealText(key, 'company-a', 'Jonas Jonaitis');
    expect(() => openText(key, 'company-b', sealed)).toThrow(SealError);
    expect(() => openText(newDataKey(), 'company-a', sealed)).toThrow(SealError);
  });

  it('binds a file to its company and id', () => {
    const bytes = Buffer.from('%PDF-1.4 passport of Jonas Jonaitis');
    const id = fileIdOf(key, 'ab'.repeat(32));
    const blob = sealFile(key, 'company-a', id, bytes);
    expect(blob.includes(Buffer.from('Jonas'))).toBe(false);
    expect(openFile(key, 'company-a', id, blob)).toEqual(bytes);
    expect(() => openFile(key, 'company-b', id, blob)).toThrow(SealError);
    expect(() => openFile(key, 'company-a', fileIdOf(key, 'cd'.repeat(32)), blob)).toThrow(SealError);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openFile(key, 'company-a', id, tampered)).toThrow(SealError);
  });

  it("gives one content different file ids in different companies' keys", () => {
    expect(fileIdOf(key, 'ab'.repeat(32))).toBe(fileIdOf(key, 'ab'.repeat(32)));
    expect(fileIdOf(key, 'ab'.repeat(32))).not.toBe(fileIdOf(newDataKey(), 'ab'.repeat(32)));
  });

  it('unwraps a data key only for its company and master key', () => {
    const master = masterKeyFromSecret('s'.repeat(40));
    const wrapped = wrapKey(master.key, master.id, 'company-a', key);
    expect(unwrapKey(master.key, master.id, 'company-a', wrapped)).toEqual(key);
    expect(() => unwrapKey(master.key, master.id, 'company-b', wrapped)).toThrow(SealError);
    const other = masterKeyFromSecret('t'.repeat(40));
    expect(() => unwrapKey(other.key, other.id, 'company-a', wrapped)).toThrow(SealError);
  });
});

describe('master keys', () => {
  it('derives a stable key and id from the secret, unlike the secret itself', () => {
    const a = masterKeyFromSecret('s'.repeat(40));
    expect(masterKeyFromSecret('s'.repeat(40))).toEqual(a);
    expect(a.key.equals(Buffer.from('s'.repeat(32)))).toBe(false);
    expect(masterKeyFromSecret('t'.repeat(40)).id).not.toBe(a.id);
  });

  it('reads a generated key file, refuses a malformed one, and keeps the secret able to unwrap', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openkyb-keys-'));
    const file = path.join(dir, 'master.key');
    writeFileSync(file, generateMasterKeyText() + '\n');
    const fromFile = masterKeyFromFile(file);
    const ring = masterKeyring({ secret: 's'.repeat(40), masterKeyFile: file });
    expect(ring.current.id).toBe(fromFile.id);
    expect([...ring.byId.keys()].sort()).toEqual([fromFile.id, masterKeyFromSecret('s'.repeat(40)).id].sort());
    writeFileSync(file, 'too short');
    expect(() => masterKeyFromFile(file)).toThrow(MasterKeyError);
    expect(() => masterKeyFromFile(path.join(dir, 'missing'))).toThrow(MasterKeyError);
  });
});
