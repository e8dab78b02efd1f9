import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. Files are named by their SHA-256, never by anything a user sent,
 * so a name cannot traverse paths or collide, and identical files are stored once.
 */
export interface FileStorage {
  /** Stores bytes under their hash; storing an existing hash again is a no-op. */
  put(hash: string, bytes: Buffer): Promise<void>;
  /** A stream of the file, or null when it does not exist. */
  read(hash: string): Promise<Readable | null>;
  remove(hash: string): Promise<void>;
  exists(hash: string): Promise<boolean>;
  /** Writes, syncs and deletes a tiny file: rejects when the store cannot take writes (full disk, read-only). */
  probeWrite(): Promise<void>;
  /** Deletes temp files left by interrupted writes, last modified before `cutoffMs`; returns how many. */
  sweepTemp(cutoffMs: number): Promise<number>;
  /** The hashes of stored files last written (or re-stored) before `cutoffMs`. */
  listOlderThan(cutoffMs: number): Promise<string[]>;
  /** Deletes a file unless it was written (or re-stored) since `cutoffMs`; true when it was deleted. */
  removeIfOlderThan(hash: string, cutoffMs: number): Promise<boolean>;
}

/** A stored file's bytes in one buffer, or null when it does not exist. */
export async function readBytes(storage: FileStorage, hash: string): Promise<Buffer | null> {
  const stream = await storage.read(hash);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What every stored file is named by: 64 lower-case hex digits. */
export const FILE_HASH = /^[0-9a-f]{64}$/;

/** Files under `<data dir>/files/ab/cd/<hash>`, written to a temp file, fsynced and renamed. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(hash: string): string {
    if (!FILE_HASH.test(hash)) throw new Error('not a file hash');
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(hash: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(hash);
    if (await this.exists(hash)) {
      // Stored again: restart its grace period, so the sweep cannot take a file that a
      // transaction still in progress is about to refer to.
      const now = new Date();
      await utimes(target, now, now);
      return;
    }
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true, mode: 0o700 });
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
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }

  async read(hash: string): Promise<Readable | null> {
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

  async probeWrite(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const probe = path.join(this.root, `.health.${randomUUID()}.tmp`);
    const handle = await open(probe, 'wx', 0o600);
    try {
      await handle.writeFile('ok');
      await handle.sync();
    } finally {
      await handle.close();
      await rm(probe, { force: true });
    }
  }

  async sweepTemp(cutoffMs: number): Promise<number> {
    let removed = 0;
    for (const file of await this.walk()) {
      if (!file.name.endsWith('.tmp') || file.mtimeMs >= cutoffMs) continue;
      if (await unlinkQuietly(file.path)) removed += 1;
    }
    return removed;
  }

  async listOlderThan(cutoffMs: number): Promise<string[]> {
    return (await this.walk()).filter((file) => FILE_HASH.test(file.name) && file.mtimeMs < cutoffMs).map((file) => file.name);
  }

  async removeIfOlderThan(hash: string, cutoffMs: number): Promise<boolean> {
    const file = this.pathOf(hash);
    try {
      if ((await stat(file)).mtimeMs >= cutoffMs) return false;
    } catch {
      return false;
    }
    return unlinkQuietly(file);
  }

  /** Every file in the store (root and the two levels of hash folders), with its mtime. */
  private async walk(): Promise<Array<{ name: string; path: string; mtimeMs: number }>> {
    const files: Array<{ name: string; path: string; mtimeMs: number }> = [];
    const visit = async (dir: string, depth: number): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && depth < 2) await visit(full, depth + 1);
        else if (entry.isFile()) {
          try {
            files.push({ name: entry.name, path: full, mtimeMs: (await stat(full)).mtimeMs });
          } catch {
            /* gone meanwhile */
          }
        }
      }
    };
    await visit(this.root, 0);
    return files;
  }
}

async function unlinkQuietly(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch {
    return false;
  }
}
