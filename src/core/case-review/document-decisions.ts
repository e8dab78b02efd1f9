import type { Db } from '../../db/database.js';
import type { DocumentReviewRow } from '../../db/tables.js';
import type { DocumentDecision, DocumentDecisionRequest, DocumentDecisionResult } from '../../schemas/case-review.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../errors.js';
import { loadReviewCompany, type ReviewCtx } from '../review/load-company.js';
import { addToInfoRequestIn } from '../review/add-to-info-request.js';
import { requestInfoIn } from '../review/request-info.js';
import { actorKey, presentActorKey } from './policy.js';

/**
 * A reviewer's decision on one document. ACCEPTED is recorded; REJECTED records the reason and,
 * in the same transaction, sends the form back to the client through the request for
 * information with the document's item open (a company document by its type, a beneficiary's
 * by the beneficiary) and the reason as the message, so the client uploads a new one. While
 * the client already holds a request, the document's item and the reason are added to it
 * (`addedToInfoRequest`) instead: the client's link stays the one it has.
 */
export async function decideDocument({
  ctx,
  input,
}: {
  ctx: ReviewCtx;
  input: DocumentDecisionRequest & { companyId: string; documentId: string };
}): Promise<DocumentDecisionResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadReviewCompany(trx, ctx.partnerId, input.companyId);
    const document = await trx
      .selectFrom('documents')
      .select(['id', 'type', 'beneficiary_id'])
      .where('id', '=', input.documentId)
      .where('company_id', '=', company.id)
      .executeTakeFirst();
    if (!document) throw notFound('Document');
    if (company.status === 'COMPLETED') throw conflict('The review is completed; set the status back to NEED_TO_REVIEW to decide on documents.');
    const now = ctx.clock.now();
    const row: DocumentReviewRow = {
      document_id: document.id,
      partner_id: ctx.partnerId,
      company_id: company.id,
      decision: input.decision,
      reason: input.decision === 'REJECTED' ? input.reason : null,
      decided_by: actorKey(ctx.actor),
      decided_at: now,
    };
    await trx.deleteFrom('document_reviews').where('document_id', '=', document.id).execute();
    await trx.insertInto('document_reviews').values(row).execute();
    const item = document.beneficiary_id ? `beneficiaries.${document.beneficiary_id}` : `documents.${document.type}`;
    const rejection = input.decision === 'REJECTED' ? { items: [item], message: input.reason } : null;
    const addedToInfoRequest = rejection ? await addToInfoRequestIn(trx, ctx, company, rejection) : null;
    const infoRequest =
      rejection && !addedToInfoRequest
        ? await requestInfoIn(trx, ctx, {
            companyId: company.id,
            ...rejection,
            ...(input.decision === 'REJECTED' && input.lifetime ? { lifetime: input.lifetime } : {}),
          })
        : null;
    // The reason is free text written to the client: the audit keeps the decision only.
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId: company.id,
      actor: ctx.actor,
      action: 'DOCUMENT_DECIDED',
      now,
      details: { documentId: document.id, type: document.type, decision: input.decision, managerId: ctx.managerId },
    });
    return { decision: presentDocumentDecision(row), infoRequest, addedToInfoRequest };
  });
}

export function presentDocumentDecision(row: DocumentReviewRow): DocumentDecision {
  return {
    documentId: row.document_id,
    decision: row.decision as DocumentDecision['decision'],
    reason: row.reason,
    decidedBy: presentActorKey(row.decided_by),
    decidedAt: new Date(Number(row.decided_at)).toISOString(),
  };
}

export async function listDocumentDecisions({ ctx, companyId }: { ctx: ReviewCtx; companyId: string }): Promise<DocumentDecision[]> {
  await loadReviewCompany(ctx.db, ctx.partnerId, companyId);
  const rows = await ctx.db
    .selectFrom('document_reviews')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('decided_at')
    .orderBy('document_id')
    .execute();
  return rows.map(presentDocumentDecision);
}

/**
 * Approval waits while a rejected document stands unreplaced: no newer document of the same
 * type (for the same beneficiary) was uploaded since the rejection.
 */
export async function assertDocumentsSettled(db: Db, companyId: string): Promise<void> {
  const rejected = await db
    .selectFrom('document_reviews as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select(['d.id', 'd.type', 'd.beneficiary_id', 'r.decided_at'])
    .where('r.company_id', '=', companyId)
    .where('r.decision', '=', 'REJECTED')
    .execute();
  const open: string[] = [];
  for (const doc of rejected) {
    const newer = await db
      .selectFrom('documents')
      .select('id')
      .where('company_id', '=', companyId)
      .where('type', '=', doc.type)
      .where('created_at', '>', doc.decided_at)
      .$call((q) => (doc.beneficiary_id === null ? q.where('beneficiary_id', 'is', null) : q.where('beneficiary_id', '=', doc.beneficiary_id)))
      .executeTakeFirst();
    if (!newer) open.push(`document ${doc.id} (${doc.type}) was rejected and not replaced`);
  }
  if (open.length > 0) throw conflict(`The company cannot be approved while documents are rejected: ${open.join('; ')}.`);
}
