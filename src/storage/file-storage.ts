import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live. Files are named by their SHA-256, never by anything a user sent,
 * so a name cannot traverse paths or collide, and identical files are stored once.
 */
export interface FileStorage {
  /** Stores bytes under their hash; storing an existing hash again is a no-op. */
  put(hash: string, bytes: Buffer): Promise<void>;
  /** A stream of the file, or null when it does not exist. */
  read(hash: string): Promise<ReadStream | null>;
  remove(hash: string): Promise<void>;
  exists(hash: string): Promise<boolean>;
}

const HASH = /^[0-9a-f]{64}$/;

/** Files under `<data dir>/files/ab/cd/<hash>`, written to a temp file, fsynced and renamed. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error('not a file hash');
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(hash: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(hash);
    if (await this.exists(hash)) return;
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${hash}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    // The rename itself must survive a crash before we acknowledge the upload.
    const dirFd = openSync(dir, 'r');
    try { fsyncSync(dirFd); } finally { closeSync(dirFd); }
  }

  async read(hash: string): Promise<ReadStream | null> {
    return (await this.exists(hash)) ? createReadStream(this.pathOf(hash)) : null;
  }

  async remove(hash: string): Promise<void> {
    await rm(this.pathOf(hash), { force: true });
  }

  async exists(hash: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(hash))).isFile();
    } catch {
      return false;
    }
  }
}
