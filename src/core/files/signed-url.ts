import type { Ctx } from '../context.js';
import { constantTimeEqualHex, keyedHash } from '../crypto.js';

export interface FileLink {
  hash: string;
  mime: string;
  filename: string | null;
}

/**
 * A link anyone holding it can download until it expires: an <img> or <a> in the hosted form
 * cannot send an Authorization header. The signature covers the file, its type, its download
 * name and the expiry.
 */
export function signedFileUrl(ctx: Ctx, file: FileLink): string {
  const expires = Math.floor(ctx.clock.now() / 1000) + ctx.files.urlTtlSeconds;
  const params = new URLSearchParams({ type: file.mime, expires: String(expires) });
  params.set('signature', sign(ctx.pepper, file, expires));
  // The name goes last, so the link ends with the file's extension: iDenfy's SOS report links
  // must end in "json" and "pdf" (SosReportDocument's patterns).
  if (file.filename) params.set('name', file.filename);
  return `${ctx.files.publicUrl}/v1/files/${file.hash}?${params.toString()}`;
}

export function verifyFileSignature(ctx: Ctx, file: FileLink, expires: number, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature) || expires * 1000 < ctx.clock.now()) return false;
  return constantTimeEqualHex(sign(ctx.pepper, file, expires), signature);
}

function sign(pepper: string, file: FileLink, expires: number): string {
  // JSON, not a joined string: a file name may contain any separator.
  return keyedHash(pepper, JSON.stringify(['file', file.hash, file.mime, file.filename, expires]));
}
