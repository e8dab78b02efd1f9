import { APPROVAL_STATUSES } from '../../shared/enums.js';
import { registerCheckFiles } from '../company-register/register-check.js';
import { recordAudit } from '../audit/record-audit.js';
import { releaseFiles } from '../files/stored-files.js';
import { eraseCompanyKey } from '../privacy/erase-company-key.js';
import type { Db } from '../../db/database.js';
import { runPurge, type PurgeInput, type PurgeResult, type RetentionCtx } from './purge.js';

const DEFAULT_CASE_BATCH = 100;

/**
 * Erases the personal data of decided cases (APPROVED or DENIED) whose last change is older
 * than the period, one case per transaction with its audit entry. There is no company deletion
 * verb yet, so this is the erasure (docs/decisions.md "Retention"): the company's data key is
 * destroyed (every sealed column and file becomes unreadable, backups included), its
 * beneficiaries, documents, answers, files, screening results and comments are deleted, its
 * links deactivated, and the free-text columns of the company row are cleared. The row stays as a stub (ids, status, decision,
 * dates, `erased_at`) so the audit trail still refers to something.
 *
 * A case is claimed by a conditional update of `erased_at`: of two workers, one erases it.
 */
export async function purgeDecidedCases({ ctx, input }: { ctx: RetentionCtx; input: PurgeInput }): Promise<PurgeResult> {
  return runPurge(ctx, input, {
    defaultBatchSize: DEFAULT_CASE_BATCH,
    findDue: (db, cutoff, limit) =>
      db
        .selectFrom('companies')
        .select(['id', 'partner_id'])
        .where('erased_at', 'is', null)
        .where('approval_status', 'in', [...APPROVAL_STATUSES])
        .where('updated_at', '<=', cutoff)
        .orderBy('updated_at')
        .limit(limit)
        .execute(),
    // One case per transaction: an erasure touches many rows and files.
    split: (companies) => companies.map((company) => [company]),
    async purgeGroup(trx, [company], { cutoff, now }) {
      const claimed = await trx
        .updateTable('companies')
        .set({ erased_at: now, info: null, client_system: null, deny_reason: null, info_request: null, search_text: null })
        .where('id', '=', company.id)
        .where('erased_at', 'is', null)
        .where('approval_status', 'in', [...APPROVAL_STATUSES])
        .where('updated_at', '<=', cutoff)
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) return 0;
      // Its links too: a form created through one would fill the erased case again.
      await trx.updateTable('kyb_tokens').set({ deactivated_at: now }).where('company_id', '=', company.id).where('deactivated_at', 'is', null).execute();
      const counts = await deleteCaseRows(trx, ctx, company.id);
      await eraseCompanyKey({ ctx: { db: trx, keys: ctx.keys }, companyId: company.id });
      await recordAudit(trx, {
        partnerId: company.partner_id,
        companyId: company.id,
        actor: { kind: 'system' },
        action: 'RETENTION_CASE_ERASED',
        details: { ...counts, cutoff },
        now,
      });
      return 1;
    },
  });
}

async function deleteCaseRows(trx: Db, ctx: RetentionCtx, companyId: string) {
  const [documentFiles, answerFiles, registerFiles] = await Promise.all([
    trx.selectFrom('documents').select('file_hash').where('company_id', '=', companyId).execute(),
    trx.selectFrom('answer_files').select('file_hash').where('company_id', '=', companyId).execute(),
    registerCheckFiles(trx, companyId),
  ]);
  const documents = await trx.deleteFrom('documents').where('company_id', '=', companyId).executeTakeFirst();
  await trx.deleteFrom('answer_files').where('company_id', '=', companyId).execute();
  const answers = await trx.deleteFrom('questionnaire_answers').where('company_id', '=', companyId).executeTakeFirst();
  const beneficiaries = await trx.deleteFrom('beneficiaries').where('company_id', '=', companyId).executeTakeFirst();
  const hits = await trx.deleteFrom('screening_hits').where('company_id', '=', companyId).executeTakeFirst();
  await trx.deleteFrom('screening_subjects').where('company_id', '=', companyId).execute();
  // The snapshots hold the form as submitted; reasons may name people.
  await trx.deleteFrom('submission_snapshots').where('company_id', '=', companyId).execute();
  await trx.deleteFrom('document_reviews').where('company_id', '=', companyId).execute();
  // Reviewers' comments are free text about the case and its people, stored in clear.
  await trx.deleteFrom('company_comments').where('company_id', '=', companyId).execute();
  // The register's profile names the officers and owners.
  await trx.deleteFrom('company_register_checks').where('company_id', '=', companyId).execute();
  await trx.deleteFrom('gov_sessions').where('company_id', '=', companyId).execute();
  await releaseFiles(trx, ctx, [...[...documentFiles, ...answerFiles].map((row) => row.file_hash), ...registerFiles]);
  return {
    beneficiaries: Number(beneficiaries.numDeletedRows),
    documents: Number(documents.numDeletedRows),
    questionnaireAnswers: Number(answers.numDeletedRows),
    screeningHits: Number(hits.numDeletedRows),
  };
}
