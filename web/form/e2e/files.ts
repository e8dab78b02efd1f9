import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pdfDocument, pngImage } from '../../../test/files.js';

/** The two files written to a temporary folder, as a user would pick them: a gradient "passport" and a PDF. */
export function writeTestFiles(): { png: string; pdf: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'openkyb-e2e-files-'));
  const png = path.join(dir, 'passport.png');
  const pdf = path.join(dir, 'certificate.pdf');
  writeFileSync(
    png,
    pngImage(64, 64, (x, y) => [x * 4, y * 4, 160]),
  );
  writeFileSync(pdf, pdfDocument());
  return { png, pdf };
}
