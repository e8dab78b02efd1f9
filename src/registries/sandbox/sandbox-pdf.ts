import anyAscii from 'any-ascii';

/**
 * A one-page PDF that says what it is: a sandbox document with the given lines. The creation
 * date is fixed, so the same document is the same bytes every time (deterministic sandbox).
 */
export async function sandboxPdf(title: string, lines: readonly string[]): Promise<Buffer> {
  // pdfkit is loaded at the first sandbox document, not by every server at start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    info: { Title: anyAscii(title), Producer: 'OpenKYB sandbox register', CreationDate: new Date(Date.UTC(2026, 0, 1)) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(14).text(anyAscii(title));
  doc.font('Helvetica').fontSize(10).moveDown().text('SANDBOX DOCUMENT - not issued by any register.');
  for (const line of lines) doc.text(anyAscii(line));
  doc.end();
  return done;
}
