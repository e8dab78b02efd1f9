import type { AcceptedTypes } from '../files/decode-upload.js';
import { detectFileType } from '../files/file-type.js';

/** A logo may be at most this large: it is fetched by every visitor of the hosted form. */
export const MAX_LOGO_BYTES = 512 * 1024;

/**
 * Raster images only, decided by their magic bytes: SVG is refused because it can hold
 * scripts, and GIF, HEIC and PDF are not logos a browser shows everywhere.
 */
const LOGO_MIMES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export const LOGO_TYPES: AcceptedTypes = {
  detect: (bytes) => {
    const type = detectFileType(bytes);
    return type && LOGO_MIMES.has(type.mime) ? type : null;
  },
  description: 'PNG, JPEG or WebP (SVG is refused)',
};

const EXTENSIONS = new Map([
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['image/webp', 'webp'],
]);

/** The path a logo is served at: its id and an extension for the eye (the type is stored). */
export function logoPath(hash: string, mime: string): string {
  return `/v1/theme-logos/${hash}.${EXTENSIONS.get(mime) ?? 'bin'}`;
}
