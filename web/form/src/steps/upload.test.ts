import { describe, expect, it } from 'vitest';
import { isPreviewable, sniffType, toBase64 } from './upload.js';

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffType', () => {
  it('recognises every accepted type by its magic bytes', () => {
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(bytes([0x89], 'PNG', [13, 10, 26, 10]))).toBe('image/png');
    expect(sniffType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(bytes('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(bytes([0, 0, 0, 24], 'ftypheic'))).toBe('image/heic');
    expect(sniffType(bytes([0, 0, 0, 24], 'ftypmif1'))).toBe('image/heif');
  });

  it('refuses a text file renamed to .pdf and an MP4', () => {
    expect(sniffType(bytes('hello, this is not a PDF'))).toBeNull();
    expect(sniffType(bytes([0, 0, 0, 24], 'ftypisom'))).toBeNull();
  });
});

describe('toBase64', () => {
  it('encodes in chunks the same as Node does in one go', () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('isPreviewable', () => {
  it('previews common images but not PDF or HEIC', () => {
    expect(isPreviewable('image/png')).toBe(true);
    expect(isPreviewable('scan.JPG')).toBe(true);
    expect(isPreviewable('application/pdf')).toBe(false);
    expect(isPreviewable('photo.heic')).toBe(false);
  });
});
