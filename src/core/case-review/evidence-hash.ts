import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';

/**
 * A fingerprint of everything a decision rests on: the form as stored (company, beneficiaries,
 * documents, answers), its submission and status, the screening (subject statuses, hits and
 * their resolutions), the risk level and the document decisions. A proposal records it; when
 * it differs at confirmation the evidence changed and the proposal is void. Computed over the
 * stored (sealed) values, so nothing is decrypted, and no writer has to remember to void.
 */
export async function evidenceHash(db: Db, companyId: string): Promise<string> {
  const [company, beneficiaries, documents, answers, subjects, hits, reviews] = await Promise.all([
    db.selectFrom('companies').select(['info', 'status', 'submission_time', 'risk_level', 'sole_proprietor']).where('id', '=', companyId).executeTakeFirst(),
    db
      .selectFrom('beneficiaries')
      .select(['id', 'parent_id', 'info', 'beneficiary_types', 'positions', 'ownership_percentage', 'updated_at'])
      .where('company_id', '=', companyId)
      .orderBy('id')
      .execute(),
    db.selectFrom('documents').select(['id', 'type', 'file_hash', 'beneficiary_id', 'created_at']).where('company_id', '=', companyId).orderBy('id').execute(),
    db
      .selectFrom('questionnaire_answers')
      .select(['questionnaire_id', 'answers', 'updated_at'])
      .where('company_id', '=', companyId)
      .orderBy('questionnaire_id')
      .execute(),
    db.selectFrom('screening_subjects').select(['subject_id', 'status']).where('company_id', '=', companyId).orderBy('subject_id').execute(),
    db.selectFrom('screening_hits').select(['id', 'resolution', 'is_current', 'is_alert']).where('company_id', '=', companyId).orderBy('id').execute(),
    db.selectFrom('document_reviews').select(['document_id', 'decision']).where('company_id', '=', companyId).orderBy('document_id').execute(),
  ]);
  const canonical = JSON.stringify([company, beneficiaries, documents, answers, subjects, hits, reviews], (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : typeof value === 'number' ? String(value) : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}
