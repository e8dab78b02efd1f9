import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { KybFormMeta } from '../../schemas/company.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import type { KybStatus } from '../../shared/enums.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import { presentBeneficiary } from '../beneficiaries/rules.js';
import type { Ctx } from '../context.js';
import { openDocumentRows, presentDocuments } from '../documents/present-document.js';
import { presentCompanyInfo, type StoredCompanyInfo } from './company-info.js';

export function presentMeta(company: CompanyRow): KybFormMeta {
  return {
    status: company.status as KybStatus,
    approvalStatus: company.approval_status as KybFormMeta['approvalStatus'],
    submissionTime: company.submission_time === null ? null : new Date(company.submission_time).toISOString(),
    soleProprietor: company.sole_proprietor === 1,
  };
}

export function presentClientSystem(company: CompanyRow) {
  const stored = company.client_system ? (JSON.parse(company.client_system) as { ipAddress?: string | null; timeZone?: string | null }) : {};
  return { ipAddress: stored.ipAddress ?? null, timeZone: stored.timeZone ?? null };
}

export function presentCompany(company: CompanyRow & { info: string }, flow: KybFormUnifiedFlow | null) {
  return presentCompanyInfo(JSON.parse(company.info) as StoredCompanyInfo, flow);
}

/** The whole form: company, its documents, beneficiaries, client system and meta. */
export async function presentForm(db: Db, ctx: Ctx, company: CompanyRow & { info: string }, flow: KybFormUnifiedFlow | null) {
  const documents = await db
    .selectFrom('documents')
    .selectAll()
    .where('company_id', '=', company.id)
    .where('beneficiary_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const beneficiaries = await beneficiaryRows(db, ctx, company.id);
  return {
    id: company.id,
    company: presentCompany(company, flow),
    documents: await presentDocuments(db, ctx, await openDocumentRows(db, ctx, documents)),
    beneficiaries: beneficiaries.map((row) => presentBeneficiary(row, flow)),
    clientSystem: presentClientSystem(company),
    meta: presentMeta(company),
  };
}
