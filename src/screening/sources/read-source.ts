import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ListImportError } from '../errors.js';

export interface SourceFile {
  path: string;
  bytes: Buffer;
  sha256: string;
}

/** Reads a list file whole; an unreadable or empty file rejects the import. */
export async function readSourceFile(source: string, path: string): Promise<SourceFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ListImportError(source, path, 'file cannot be read', { cause: error });
  }
  if (bytes.length === 0) throw new ListImportError(source, path, 'file is empty');
  return { path, bytes, sha256: sha256Hex(bytes) };
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One version hash for a source published as several files, order-sensitive by design. */
export function combinedSha256(files: SourceFile[]): string {
  return sha256Hex(files.map((file) => file.sha256).join('\n'));
}

/** Decodes UTF-8 strictly, so a file cut inside a multi-byte character is rejected. */
export function decodeUtf8(source: string, file: SourceFile): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new ListImportError(source, file.path, 'file is not valid UTF-8', { cause: error });
  }
}
