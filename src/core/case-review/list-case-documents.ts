import type { CaseDocument } from '../../schemas/case-review.js';
import type { PartnerCtx } from '../context.js';
import { loadDocumentRows, presentDocuments } from '../documents/present-document.js';
import { loadReviewCompany } from '../review/load-company.js';
import { presentDocumentDecision } from './document-decisions.js';

/**
 * Every document of a case, the company's and its beneficiaries', oldest first, each with its id
 * and the decision standing on it: what a reviewer needs to accept or reject one. iDenfy's
 * company detail carries no document ids, so this is OpenKYB's own read beside it.
 */
export async function listCaseDocuments({ ctx, companyId }: { ctx: PartnerCtx; companyId: string }): Promise<CaseDocument[]> {
  await loadReviewCompany(ctx.db, ctx.partnerId, companyId);
  const [rows, decisions] = await Promise.all([
    loadDocumentRows(ctx.db, ctx, companyId),
    ctx.db.selectFrom('document_reviews').selectAll().where('company_id', '=', companyId).execute(),
  ]);
  const decisionOf = new Map(decisions.map((row) => [row.document_id, presentDocumentDecision(row)]));
  const presented = await presentDocuments(ctx.db, ctx, rows);
  return rows.map((row, i) => ({
    id: row.id,
    type: row.type,
    beneficiaryId: row.beneficiary_id,
    file: presented[i]!.file,
    created: new Date(Number(row.created_at)).toISOString(),
    decision: decisionOf.get(row.id) ?? null,
  }));
}
