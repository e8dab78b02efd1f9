import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import type { Ctx } from '../context.js';
import { openDocumentRows } from '../documents/present-document.js';
import { openCompanyInfo } from '../forms/company-row.js';
import { openForCompany, sealForCompany } from '../privacy/seal.js';
import { loadStoredAnswers } from '../answers/stored-answers.js';

/** What the form held at one submission: the reviewer's "what changed" compares two of these. */
export interface Snapshot {
  company: Record<string, unknown>;
  beneficiaries: { id: string; name: string; types: string[]; info: Record<string, unknown>; ownershipPercentage: number | null; parent: string | null }[];
  documents: { id: string; type: string; filename: string | null; beneficiaryId: string | null; fileHash: string }[];
  answers: Record<string, Record<string, { value: unknown }>> | null;
}

/** Taken in the submit's transaction; sealed whole with the company's key (it is the form's personal data). */
export async function takeSnapshot(trx: Db, ctx: Pick<Ctx, 'keys' | 'clock'>, company: CompanyRow & { info: string }, now: number): Promise<void> {
  const snapshot = await readSnapshot(trx, ctx, company);
  await trx
    .insertInto('submission_snapshots')
    .values({ id: randomUUID(), company_id: company.id, submitted_at: now, snapshot: await sealForCompany(trx, ctx, company.id, JSON.stringify(snapshot)) })
    .execute();
}

async function readSnapshot(db: Db, ctx: Pick<Ctx, 'keys'>, company: CompanyRow & { info: string }): Promise<Snapshot> {
  const info = JSON.parse(await openCompanyInfo(db, ctx, company.id, company.info)) as Record<string, unknown>;
  const beneficiaries = await beneficiaryRows(db, ctx, company.id);
  const documents = await openDocumentRows(
    db,
    ctx,
    await db.selectFrom('documents').selectAll().where('company_id', '=', company.id).orderBy('created_at').orderBy('id').execute(),
  );
  const answers = company.questionnaire_id ? await loadStoredAnswers(db, ctx, company.id, company.questionnaire_id) : null;
  return {
    company: info,
    beneficiaries: beneficiaries.map((b) => {
      const personal = JSON.parse(b.info) as Record<string, unknown>;
      const name =
        b.info_type === 'INDIVIDUAL' ? `${String(personal.name ?? '')} ${String(personal.surname ?? '')}`.trim() : String(personal.companyName ?? '');
      return {
        id: b.id,
        name,
        types: JSON.parse(b.beneficiary_types) as string[],
        info: personal,
        ownershipPercentage: b.ownership_percentage,
        parent: b.parent_id,
      };
    }),
    documents: documents.map((d) => ({ id: d.id, type: d.type, filename: d.filename, beneficiaryId: d.beneficiary_id, fileHash: d.file_hash })),
    answers: answers ? { ...answers } : null,
  };
}

/** The company's last two snapshots, newest first, opened. */
export async function lastSnapshots(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string): Promise<{ submittedAt: number; snapshot: Snapshot }[]> {
  const rows = await db
    .selectFrom('submission_snapshots')
    .select(['submitted_at', 'snapshot'])
    .where('company_id', '=', companyId)
    .orderBy('submitted_at', 'desc')
    .orderBy('id')
    .limit(2)
    .execute();
  return Promise.all(
    rows.map(async (row) => ({
      submittedAt: Number(row.submitted_at),
      snapshot: JSON.parse(await openForCompany(db, ctx, companyId, row.snapshot)) as Snapshot,
    })),
  );
}
