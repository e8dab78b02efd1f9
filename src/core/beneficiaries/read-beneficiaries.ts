import type { Db } from '../../db/database.js';
import type { BeneficiaryRow } from '../../db/tables.js';
import type { Beneficiary } from '../../schemas/beneficiary.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { openForCompany, sealForCompany } from '../privacy/seal.js';
import { loadFlow, loadForm, type FormCtx } from '../forms/access.js';
import { presentBeneficiary } from './rules.js';

export async function listBeneficiaries({ ctx }: { ctx: FormCtx }): Promise<Beneficiary[]> {
  const company = await loadForm(ctx.db, ctx);
  const flow = await loadFlow(ctx.db, company);
  const rows = await beneficiaryRows(ctx.db, ctx, company.id);
  return rows.map((row) => presentBeneficiary(row, flow));
}

export async function getBeneficiary({ ctx, id }: { ctx: FormCtx; id: string }): Promise<Beneficiary> {
  const company = await loadForm(ctx.db, ctx);
  return presentBeneficiary(await loadBeneficiary(ctx.db, ctx, company.id, id), await loadFlow(ctx.db, company));
}

/** The company's beneficiaries, their personal data opened. */
export async function beneficiaryRows(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string): Promise<BeneficiaryRow[]> {
  const rows = await db.selectFrom('beneficiaries').selectAll().where('company_id', '=', companyId).orderBy('created_at').orderBy('id').execute();
  return Promise.all(rows.map((row) => openBeneficiaryRow(db, ctx, row)));
}

/** The beneficiaries of several companies in one statement, still sealed, each company's in `beneficiaryRows`' order. */
export async function beneficiaryRowsOf(db: Db, companyIds: readonly string[]): Promise<Map<string, BeneficiaryRow[]>> {
  const byCompany = new Map<string, BeneficiaryRow[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return byCompany;
  const rows = await db
    .selectFrom('beneficiaries')
    .selectAll()
    .where('company_id', 'in', companyIds)
    .orderBy('company_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) byCompany.get(row.company_id)!.push(row);
  return byCompany;
}

/** Opens beneficiary rows read by `beneficiaryRowsOf` (their company's key must be readable). */
export function openBeneficiaryRows(db: Db, ctx: Pick<Ctx, 'keys'>, rows: readonly BeneficiaryRow[]): Promise<BeneficiaryRow[]> {
  return Promise.all(rows.map((row) => openBeneficiaryRow(db, ctx, row)));
}

/** A beneficiary of this company; one of another company (or partner) is "not found". */
export async function loadBeneficiary(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string, id: string): Promise<BeneficiaryRow> {
  const row = await db.selectFrom('beneficiaries').selectAll().where('id', '=', id).where('company_id', '=', companyId).executeTakeFirst();
  if (!row) throw notFound('Beneficiary');
  return openBeneficiaryRow(db, ctx, row);
}

/** Names, birth dates, addresses and identity numbers: the whole applicant JSON is sealed. */
async function openBeneficiaryRow(db: Db, ctx: Pick<Ctx, 'keys'>, row: BeneficiaryRow): Promise<BeneficiaryRow> {
  return { ...row, info: await openForCompany(db, ctx, row.company_id, row.info) };
}

export async function sealBeneficiaryInfo(db: Db, ctx: Pick<Ctx, 'keys' | 'clock'>, companyId: string, info: string): Promise<string> {
  return sealForCompany(db, ctx, companyId, info);
}
