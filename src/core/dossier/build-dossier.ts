import { PDF_CONTENT_PARTS, type PdfContentPart } from '../../schemas/dossier.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { loadDossierCase, type DossierCase } from './dossier-case.js';
import { finishPdf, field, heading, isoTime, openPdf, paragraph, title, type Pdf } from './pdf-layout.js';
import { SECTIONS } from './sections/index.js';

export interface BuildDossierInput {
  companyId: string;
  /** The parts to include; absent means all. They are rendered in the enum's order, each once. */
  content?: readonly PdfContentPart[];
  password?: string;
}

/**
 * The case of one of the partner's companies as a PDF dossier (iDenfy's "Generate company
 * PDF"). It holds personal data by design, so it is returned, never logged or stored, and
 * handing it out is an audit entry (`dossier.downloaded`, naming the manager or key pair),
 * written durably before the bytes are returned: no entry, no dossier.
 */
export async function buildDossier({ ctx, input }: { ctx: PartnerCtx; input: BuildDossierInput }): Promise<Buffer> {
  const requested = new Set(input.content ?? PDF_CONTENT_PARTS);
  const parts = PDF_CONTENT_PARTS.filter((part) => requested.has(part));
  const dossier = await loadDossierCase(ctx, input.companyId);
  const now = ctx.clock.now();
  const doc = openPdf({ createdAt: new Date(now), password: input.password });
  coverPage(doc, dossier, parts, now);
  for (const part of parts) {
    heading(doc, SECTIONS[part].title);
    await SECTIONS[part].render(doc, dossier);
  }
  const pdf = await finishPdf(doc);
  const isEncrypted = input.password !== undefined;
  await recordPartnerAudit(ctx.db, ctx, {
    companyId: input.companyId,
    action: 'dossier.downloaded',
    details: { ...(ctx.manager ? { managerId: ctx.manager.id } : {}), parts, isEncrypted },
    now,
  });
  ctx.logger.info({ companyId: input.companyId, parts: parts.length, isEncrypted }, 'dossier rendered');
  return pdf;
}

function coverPage(doc: Pdf, dossier: DossierCase, parts: readonly PdfContentPart[], now: number): void {
  title(doc, 'KYB dossier');
  field(doc, 'Company', dossier.info.companyName);
  field(doc, 'Registration number', dossier.info.registrationNumber);
  field(doc, 'Company id', dossier.company.id);
  field(doc, 'Generated at', isoTime(now));
  doc.moveDown();
  paragraph(doc, 'Contents:');
  for (const part of parts) paragraph(doc, `• ${SECTIONS[part].title}`, { indent: 10 });
}
