import { lockCompany, type ReviewCtx } from '../review/load-company.js';
import { conflict, notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEvent } from '../webhooks/enqueue-event.js';
import { openHitRow, presentHit, type ScreeningHitView } from './read-screening.js';
import { sealNullable } from '../privacy/seal.js';
import { subjectStatus } from './status.js';

/**
 * A reviewer's decision on an alert: TRUE_POSITIVE (it is them) or FALSE_POSITIVE (it is not).
 * The subject's status follows; the decision is remembered across re-screenings while the
 * listed entity stays unchanged, and the partner is told with COMPANY_AML_REVIEW.
 */
export async function resolveHit({
  ctx,
  hitId,
  input,
}: {
  ctx: ReviewCtx;
  hitId: string;
  input: { resolution: 'TRUE_POSITIVE' | 'FALSE_POSITIVE'; comment?: string | null };
}): Promise<ScreeningHitView> {
  return ctx.db.transaction().execute(async (trx) => {
    const selectHit = () => trx.selectFrom('screening_hits').selectAll().where('id', '=', hitId).where('partner_id', '=', ctx.partnerId).executeTakeFirst();
    const found = await selectHit();
    // The company first, as a screening locks it, then the hit read again under that lock: a
    // screening running now has either committed its results or not started writing them.
    const stored = found && (await lockCompany(trx, found.company_id)) ? await selectHit() : undefined;
    if (!stored) throw notFound('Screening hit');
    const hit = await openHitRow(trx, ctx, stored);
    if (hit.is_current !== 1) throw conflict('This hit is no longer found by the latest screening.');
    const now = ctx.clock.now();
    const resolved = {
      ...hit,
      resolution: input.resolution,
      resolution_comment: input.comment ?? null,
      resolved_by: ctx.actor.kind === 'manager' ? `manager:${ctx.actor.managerId}` : (ctx.keyId ?? null),
      resolved_at: now,
    };
    await trx
      .updateTable('screening_hits')
      .set({
        resolution: resolved.resolution,
        resolution_comment: await sealNullable(trx, ctx, hit.company_id, resolved.resolution_comment),
        resolved_by: resolved.resolved_by,
        resolved_at: now,
      })
      .where('id', '=', hitId)
      .execute();

    const subject = await trx.selectFrom('screening_subjects').selectAll().where('id', '=', hit.subject_row_id).executeTakeFirstOrThrow();
    const alerts = await trx
      .selectFrom('screening_hits')
      .select('resolution')
      .where('subject_row_id', '=', subject.id)
      .where('is_current', '=', 1)
      .where('is_alert', '=', 1)
      .execute();
    const status = subjectStatus(alerts, subject.status_reason);
    await trx.updateTable('screening_subjects').set({ status, updated_at: now }).where('id', '=', subject.id).execute();

    const company = await trx.selectFrom('companies').select(['id', 'client_id', 'external_ref']).where('id', '=', hit.company_id).executeTakeFirstOrThrow();
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId: company.id,
      actor: ctx.actor,
      action: 'SCREENING_HIT_RESOLVED',
      details: { hitId, resolution: input.resolution, subjectStatus: status },
      now,
    });
    await enqueueEvent(trx, {
      partnerId: ctx.partnerId,
      eventType: 'COMPANY_AML_REVIEW',
      now,
      // iDenfy's AmlReviewWebhook; OpenKYB has no manager accounts yet, so the set-by fields are null.
      payload: amlReviewPayload({ subject, company, status, at: new Date(now).toISOString(), comment: input.comment ?? null }),
    });
    return presentHit(resolved);
  });
}

/**
 * iDenfy's AmlReviewWebhook with every key present (null where OpenKYB has nothing to say:
 * PEP and adverse-media checks are not run separately; there are no manager accounts yet).
 */
function amlReviewPayload({
  subject,
  company,
  status,
  at,
  comment,
}: {
  subject: { subject_type: string; subject_id: string };
  company: { id: string; client_id: string; external_ref: string | null };
  status: string;
  at: string;
  comment: string | null;
}) {
  return {
    amlReviewSubjectType: subject.subject_type,
    id: subject.subject_id,
    companyId: company.id,
    clientId: company.client_id,
    externalRef: company.external_ref,
    negativeNewsStatus: null,
    pepsCheckStatus: null,
    sanctionsCheckStatus: status,
    overallStatus: status,
    newsStatusSetBy: null,
    pepsStatusSetBy: null,
    sanctionsStatusSetBy: null,
    statusSetBy: null,
    newsStatusSetAt: null,
    pepsStatusSetAt: null,
    sanctionsStatusSetAt: at,
    statusSetAt: at,
    negativeNewsComment: null,
    amlComment: comment,
  };
}
