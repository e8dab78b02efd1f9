import { emptyRecord } from '../../shared/records.js';
import { recordAudit } from '../audit/record-audit.js';
import { decrypt } from '../crypto.js';
import { releaseFiles } from '../files/stored-files.js';
import { registerCheckFiles } from '../company-register/register-check.js';
import { enqueueEvent } from '../webhooks/enqueue-event.js';
import type { Db } from '../../db/database.js';
import { eraseCompanyKey } from '../privacy/erase-company-key.js';
import { loadReviewCompany, type ReviewCtx } from './load-company.js';
import { managersById } from './managers.js';

/**
 * Erases a company for real, in one transaction: its form, answers, beneficiaries, documents
 * (and files no other company uses), screening, comments and tokens; the personal data in
 * webhook bodies about it and in the idempotency record of its token. The audit rows stay
 * (they hold ids only), plus one for the deletion, and COMPANY_DELETE is queued.
 */
export async function deleteCompany({ ctx, id }: { ctx: ReviewCtx; id: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadReviewCompany(trx, ctx.partnerId, id);
    const now = ctx.clock.now();
    const [documents, answerFiles, registerFiles] = await Promise.all([
      trx.selectFrom('documents').select('file_hash').where('company_id', '=', id).execute(),
      trx.selectFrom('answer_files').select('file_hash').where('company_id', '=', id).execute(),
      registerCheckFiles(trx, id),
    ]);
    await trx.deleteFrom('screening_hits').where('company_id', '=', id).execute();
    await trx.deleteFrom('screening_subjects').where('company_id', '=', id).execute();
    await trx.deleteFrom('documents').where('company_id', '=', id).execute();
    await trx.deleteFrom('answer_files').where('company_id', '=', id).execute();
    await trx.deleteFrom('questionnaire_answers').where('company_id', '=', id).execute();
    // Beneficiaries form a tree: cut the links, then every row goes at once.
    await trx.updateTable('beneficiaries').set({ parent_id: null }).where('company_id', '=', id).execute();
    await trx.deleteFrom('beneficiaries').where('company_id', '=', id).execute();
    await trx.deleteFrom('company_comments').where('company_id', '=', id).execute();
    await trx.deleteFrom('risk_assessments').where('company_id', '=', id).execute();
    await trx.deleteFrom('automation_runs').where('company_id', '=', id).execute();
    await trx.deleteFrom('company_register_checks').where('company_id', '=', id).execute();
    await trx.deleteFrom('gov_sessions').where('company_id', '=', id).execute();
    for (const table of ['pending_decisions', 'document_reviews', 'submission_snapshots'] as const)
      await trx.deleteFrom(table).where('company_id', '=', id).execute();
    // A deleted token no longer authenticates: the session ends with the company.
    await trx.deleteFrom('kyb_tokens').where('company_id', '=', id).execute();
    await eraseIdempotencyRecords(trx, ctx.pepper, ctx.partnerId, id);
    await eraseWebhookBodies(trx, ctx.partnerId, id);
    await trx.deleteFrom('companies').where('id', '=', id).execute();
    await releaseFiles(trx, ctx, [...[...documents, ...answerFiles].map((f) => f.file_hash), ...registerFiles]);
    // Crypto-erasure: without its data key, any copy of the company's encrypted rows and files
    // (backups included) is unreadable.
    await eraseCompanyKey({ ctx: { ...ctx, db: trx }, companyId: id });

    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId: id,
      actor: ctx.actor,
      action: 'COMPANY_DELETED',
      details: { managerId: ctx.managerId },
      now,
    });
    const manager = ctx.managerId === null ? null : ((await managersById(trx, ctx.partnerId, [ctx.managerId])).get(ctx.managerId) ?? null);
    await enqueueEvent(trx, {
      partnerId: ctx.partnerId,
      eventType: 'COMPANY_DELETE',
      payload: { companyId: id, date: new Date(now).toISOString(), manager },
      now,
    });
  });
}

/**
 * The stored bodies of events about the company (queued or sent) keep only the company id:
 * a pending delivery still tells the receiver something happened, without the personal data.
 */
async function eraseWebhookBodies(db: Db, partnerId: string, companyId: string): Promise<void> {
  const events = await db
    .selectFrom('webhook_events')
    .select(['id', 'body'])
    .where('partner_id', '=', partnerId)
    .where('body', 'like', `%${companyId}%`)
    .execute();
  for (const event of events) {
    const body = JSON.parse(event.body) as Record<string, unknown>;
    const minimal = emptyRecord<unknown>();
    if (body.id === companyId) minimal.id = companyId;
    if (body.companyId === companyId) minimal.companyId = companyId;
    await db
      .updateTable('webhook_events')
      .set({ body: JSON.stringify(minimal) })
      .where('id', '=', event.id)
      .execute();
  }
}

/**
 * Token creation replies are kept (encrypted) for idempotent retries; the one that created
 * this company's token goes. Only the partner's records inside the retry window exist.
 */
async function eraseIdempotencyRecords(db: Db, pepper: string, partnerId: string, companyId: string): Promise<void> {
  const records = await db.selectFrom('idempotency_keys').select(['idempotency_key', 'response']).where('partner_id', '=', partnerId).execute();
  for (const record of records) {
    let body: { companyId?: unknown };
    try {
      body = JSON.parse(decrypt(pepper, `idempotency:${partnerId}:${record.idempotency_key}`, record.response)) as { companyId?: unknown };
    } catch {
      continue;
    }
    if (body.companyId !== companyId) continue;
    await db.deleteFrom('idempotency_keys').where('partner_id', '=', partnerId).where('idempotency_key', '=', record.idempotency_key).execute();
  }
}
