import type { DocumentRow } from '../../../db/tables.js';
import { sha256Hex } from '../../crypto.js';
import { openDocumentRows } from '../../documents/present-document.js';
import { findStoredFiles, readStoredFile } from '../../files/stored-files.js';
import type { DossierCase } from '../dossier-case.js';
import { ensureSpace, field, note, subheading, type Pdf } from '../pdf-layout.js';
import type { Section } from './section.js';

/** pdfkit decodes these; other images (GIF, WebP, HEIC) are listed like PDFs. */
const EMBEDDABLE = new Set(['image/png', 'image/jpeg']);
const IMAGE_BOX = 220;

/** Company documents, then each beneficiary's: images shown, other files listed with their hash. */
export const documentsSection: Section = {
  title: 'Documents',
  async render(doc, dossier) {
    const { db } = dossier.ctx;
    const stored = await db.selectFrom('documents').selectAll().where('company_id', '=', dossier.company.id).orderBy('created_at').orderBy('id').execute();
    if (stored.length === 0) return note(doc, 'No documents were uploaded.');
    const rows = await openDocumentRows(db, dossier.ctx, stored);
    const files = await findStoredFiles(
      db,
      rows.map((r) => r.file_hash),
    );
    const owners = [null, ...new Set(rows.map((r) => r.beneficiary_id).filter((id) => id !== null))];
    for (const owner of owners) {
      subheading(doc, owner === null ? `${dossier.info.companyName} (company)` : await dossier.beneficiaryName(owner));
      for (const row of rows.filter((r) => r.beneficiary_id === owner))
        await renderDocument(doc, dossier, row, files.get(row.file_hash)?.mime ?? 'application/octet-stream');
    }
  },
};

async function renderDocument(doc: Pdf, dossier: DossierCase, row: DocumentRow, mime: string): Promise<void> {
  ensureSpace(doc, 80);
  const bytes = await readStoredFile(dossier.ctx, row.file_hash);
  doc.moveDown(0.3);
  field(doc, 'Type', row.type);
  field(doc, 'File name', row.filename);
  field(doc, 'Format', mime);
  if (!bytes) return note(doc, 'The file is no longer available (erased).');
  field(doc, 'Size', `${bytes.length} bytes`);
  field(doc, 'SHA-256', sha256Hex(bytes));
  if (EMBEDDABLE.has(mime)) embedImage(doc, bytes);
}

/** Scaled into a box at the left margin; a file pdfkit cannot decode is said so, not fatal. */
function embedImage(doc: Pdf, bytes: Buffer): void {
  ensureSpace(doc, IMAGE_BOX + 10);
  doc.moveDown(0.3);
  try {
    doc.image(bytes, doc.page.margins.left, doc.y, { fit: [IMAGE_BOX, IMAGE_BOX] });
  } catch {
    return note(doc, 'The image could not be decoded.');
  }
  doc.y += IMAGE_BOX + 6;
}
