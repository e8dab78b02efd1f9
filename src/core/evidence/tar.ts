/**
 * A plain POSIX (ustar) tar writer and reader: regular files only, names under 100 bytes, no
 * compression. Enough for an evidence pack that any `tar` opens, without a dependency.
 */
const BLOCK = 512;

export interface TarEntry {
  name: string;
  data: Buffer;
}

/** The header block of one regular file. */
export function tarHeader(name: string, size: number, mtimeMs: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) >= 100) throw new Error(`tar: name too long: ${name}`);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtimeMs / 1000), 12), 136, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  // The checksum is computed with its own field as eight spaces.
  block.write(' '.repeat(8), 148, 'ascii');
  block.write(octal(checksum(block), 7) + ' ', 148, 'ascii');
  return block;
}

/** The zeros after a file's data, up to its last block's end. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The end-of-archive marker: two zero blocks. */
export const TAR_END = Buffer.alloc(BLOCK * 2);

/** The archive's length in bytes, from its files' sizes. */
export function tarLength(sizes: readonly number[]): number {
  return sizes.reduce((sum, size) => sum + BLOCK + Math.ceil(size / BLOCK) * BLOCK, TAR_END.length);
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum;
}

export function writeTar(entries: readonly TarEntry[], mtimeMs: number): Buffer {
  return Buffer.concat([
    ...entries.flatMap((entry) => [tarHeader(entry.name, entry.data.length, mtimeMs), entry.data, tarPadding(entry.data.length)]),
    TAR_END,
  ]);
}

/** Reads the regular files of a tar; throws on a damaged header (bad checksum, truncation). */
export function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return entries;
    const field = (start: number, length: number) => block.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const stored = parseInt(field(148, 8).trim(), 8);
    if (stored !== checksum(block)) throw new Error(`tar: bad header checksum at byte ${offset}`);
    const size = parseInt(field(124, 12).trim(), 8);
    const start = offset + BLOCK;
    if (!Number.isSafeInteger(size) || start + size > tar.length) throw new Error(`tar: truncated entry at byte ${offset}`);
    if (field(156, 1) === '0' || field(156, 1) === '') entries.push({ name: field(0, 100), data: Buffer.from(tar.subarray(start, start + size)) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error('tar: no end-of-archive marker');
}
