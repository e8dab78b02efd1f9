import type { Db } from '../../db/database.js';
import type { BeneficiaryRow } from '../../db/tables.js';
import type { Beneficiary } from '../../schemas/beneficiary.js';
import { notFound } from '../errors.js';
import { loadFlow, loadForm, type FormCtx } from '../forms/access.js';
import { presentBeneficiary } from './rules.js';

export async function listBeneficiaries({ ctx }: { ctx: FormCtx }): Promise<Beneficiary[]> {
  const company = await loadForm(ctx.db, ctx.access);
  const flow = await loadFlow(ctx.db, company);
  const rows = await beneficiaryRows(ctx.db, company.id);
  return rows.map((row) => presentBeneficiary(row, flow));
}

export async function getBeneficiary({ ctx, id }: { ctx: FormCtx; id: string }): Promise<Beneficiary> {
  const company = await loadForm(ctx.db, ctx.access);
  return presentBeneficiary(await loadBeneficiary(ctx.db, company.id, id), await loadFlow(ctx.db, company));
}

export async function beneficiaryRows(db: Db, companyId: string): Promise<BeneficiaryRow[]> {
  return db.selectFrom('beneficiaries').selectAll().where('company_id', '=', companyId).orderBy('created_at').orderBy('id').execute();
}

/** A beneficiary of this company; one of another company (or partner) is "not found". */
export async function loadBeneficiary(db: Db, companyId: string, id: string): Promise<BeneficiaryRow> {
  const row = await db.selectFrom('beneficiaries').selectAll().where('id', '=', id).where('company_id', '=', companyId).executeTakeFirst();
  if (!row) throw notFound('Beneficiary');
  return row;
}
