import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { decideDocument, listDocumentDecisions } from '../../../../core/case-review/document-decisions.js';
import { listCaseDocuments } from '../../../../core/case-review/list-case-documents.js';
import { getCaseChanges } from '../../../../core/case-review/get-changes.js';
import { getCaseDecision, withdrawCaseDecision } from '../../../../core/case-review/get-decision.js';
import { getReviewPolicy, updateReviewPolicy } from '../../../../core/case-review/review-policy.js';
import { exportEvidence } from '../../../../core/evidence/export-evidence.js';
import {
  CaseChanges,
  CaseDecision,
  CaseDocument,
  DocumentDecision,
  DocumentDecisionRequest,
  DocumentDecisionResult,
  DocumentIdParams,
  ReviewPolicy,
  ReviewPolicyPatch,
} from '../../../../schemas/case-review.js';
import { IdParams } from '../../../../schemas/common.js';
import { partnerCtx, type App } from '../../../context.js';
import { ADMIN, errorResponses, PARTNER, partnerRoute } from '../../../route-schemas.js';
import { companyViewRoute } from './company-view.js';

// Sent as a stream (the pack is read file by file as it goes out).
const TAR_FILE = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The evidence pack (POSIX tar)' });

/**
 * The reviewer's controls beyond iDenfy's API: the partner's review policy (four-eyes,
 * deadlines, automatic assignment), the decision awaiting a second reviewer, per-document
 * decisions, what changed since the last submission, and the evidence pack.
 */
export function caseReviewRoutes(app: App): void {
  const tags = ['Review'];
  app.get(
    '/v1/review-policy/',
    { ...PARTNER, schema: { tags, summary: "Retrieve the partner's review policy", response: { 200: ReviewPolicy, ...errorResponses(401, 429) } } },
    async (request) => getReviewPolicy({ ctx: partnerCtx(request) }),
  );
  app.patch(
    '/v1/review-policy/',
    {
      ...ADMIN,
      schema: { tags, summary: 'Change the review policy', body: ReviewPolicyPatch, response: { 200: ReviewPolicy, ...errorResponses(400, 401, 429) } },
    },
    async (request) => updateReviewPolicy({ ctx: partnerCtx(request), input: request.body }),
  );

  app.get(
    '/v1/companies/:id/decision/',
    {
      ...PARTNER,
      schema: {
        tags,
        summary: 'Whether a decision needs a second reviewer, and the one awaiting confirmation',
        params: IdParams,
        response: { 200: CaseDecision, ...errorResponses(401, 404, 429) },
      },
    },
    async (request) => getCaseDecision({ ctx: partnerCtx(request), companyId: request.params.id }),
  );
  app.delete(
    '/v1/companies/:id/decision/',
    {
      ...PARTNER,
      schema: {
        tags,
        summary: 'Withdraw the decision awaiting confirmation',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await withdrawCaseDecision({ ctx: partnerCtx(request), companyId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/companies/:id/document-decisions/',
    {
      ...PARTNER,
      schema: {
        tags,
        summary: 'The decisions on the documents of a case',
        params: IdParams,
        response: { 200: Type.Array(DocumentDecision), ...errorResponses(401, 404, 429) },
      },
    },
    async (request) => listDocumentDecisions({ ctx: partnerCtx(request), companyId: request.params.id }),
  );
  app.put(
    '/v1/companies/:id/documents/:documentId/decision/',
    {
      ...PARTNER,
      schema: {
        tags,
        summary: 'Accept a document, or reject it with a reason that asks the client for a new upload',
        params: DocumentIdParams,
        body: DocumentDecisionRequest,
        response: { 200: DocumentDecisionResult, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request) =>
      decideDocument({ ctx: partnerCtx(request), input: { ...request.body, companyId: request.params.id, documentId: request.params.documentId } }),
  );

  companyViewRoute(app, {
    name: 'documents',
    tag: 'Review',
    summary: 'The documents of a case with their ids and the decision on each',
    response: Type.Array(CaseDocument),
    read: (ctx, companyId) => listCaseDocuments({ ctx, companyId }),
  });
  companyViewRoute(app, {
    name: 'changes',
    tag: 'Review',
    summary: 'What changed between the last two submissions',
    response: CaseChanges,
    read: (ctx, companyId) => getCaseChanges({ ctx, companyId }),
  });

  app.post(
    '/v1/companies/:id/evidence-pack/',
    {
      // Personal data leaves the server: a reviewer's act, not an auditor's or a viewer's.
      ...partnerRoute('reviewer'),
      schema: {
        tags,
        summary: 'Export the evidence pack (documents, the case, its audit entries and a SHA-256 manifest)',
        params: IdParams,
        response: { 200: { description: 'The evidence pack', content: { 'application/x-tar': { schema: TAR_FILE } } }, ...errorResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const pack = await exportEvidence({ ctx: partnerCtx(request), companyId: request.params.id });
      return reply
        .type('application/x-tar')
        .header('cache-control', 'no-store')
        .header('x-manifest-sha256', pack.manifestSha256)
        .header('content-disposition', `attachment; filename="${pack.filename}"`)
        .header('content-length', pack.length)
        .send(pack.stream);
    },
  );
}
