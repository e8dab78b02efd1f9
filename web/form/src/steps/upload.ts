/** The API's limit on a decoded document. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * The file type by its first bytes, as the server decides it: a renamed file is caught here,
 * before a 10 MB upload is spent on it. Null when the type is not accepted.
 */
export function sniffType(bytes: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (ascii(0, 4) === 'GIF8') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return ascii(8, 12).startsWith('he') ? 'image/heic' : 'image/heif';
  return null;
}

/** Base64 in chunks: spreading a 10 MB array into one call would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Whether a browser can show the file as an image (HEIC mostly cannot). */
export function isPreviewable(mimeOrName: string | null | undefined): boolean {
  return /^image\/(jpeg|png|gif|webp)$|\.(jpe?g|png|gif|webp)$/i.test(mimeOrName ?? '');
}

export type FileCheck = { ok: true; bytes: Uint8Array; mime: string } | { ok: false; problem: 'tooLarge' | 'badType' };

export async function checkFile(file: File): Promise<FileCheck> {
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, problem: 'tooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = sniffType(bytes);
  return mime ? { ok: true, bytes, mime } : { ok: false, problem: 'badType' };
}
