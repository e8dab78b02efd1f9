import type { CaseDocument } from '../../schemas/case-review.js';
import type { PartnerCtx } from '../context.js';
import { openDocumentRows, presentDocuments } from '../documents/present-document.js';
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
    ctx.db
      .selectFrom('documents')
      .selectAll()
      .where('company_id', '=', companyId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
      .then((found) => openDocumentRows(ctx.db, ctx, found)),
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
