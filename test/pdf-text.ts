import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** The text poppler reads from a PDF (a file path, or bytes written to a temporary file), in reading order; throws when poppler cannot open it. */
export async function pdfText(pdf: string | Buffer, password?: string): Promise<string> {
  let file = pdf;
  if (typeof file !== 'string') {
    file = path.join(await mkdtemp(path.join(tmpdir(), 'openkyb-pdf-text-')), 'dossier.pdf');
    await writeFile(file, pdf);
  }
  const { stdout } = await promisify(execFile)('/usr/bin/pdftotext', [...(password !== undefined ? ['-upw', password] : []), '-layout', file, '-']);
  return stdout;
}
