import type { ClientSystemRequest, CompanyInfoRequest } from '../../schemas/company.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertValid, type FieldErrors } from '../errors.js';
import { assertEditable, loadFlow, loadForm, type FormCtx } from './access.js';
import { applyCompanyInfo, type StoredCompanyInfo } from './company-info.js';
import { presentClientSystem, presentCompany } from './present-form.js';
import { companySearchColumns } from '../review/search-text.js';

/** PUT replaces the company info; PATCH merges the fields it names (DRF-style partial update). */
export async function updateForm(
  { ctx, input, merge }: { ctx: FormCtx; input: { company?: Partial<CompanyInfoRequest>; clientSystem?: ClientSystemRequest }; merge: boolean },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadForm(trx, ctx.access);
    assertEditable(company, ctx.access);
    const flow = await loadFlow(trx, company);
    const errors: FieldErrors = {};
    const current = JSON.parse(company.info) as StoredCompanyInfo;
    const info = input.company ? applyCompanyInfo(current, input.company, { merge, flow, actor: ctx.access.actor, path: 'company' }, errors) : current;
    assertValid(errors);
    const clientSystem = input.clientSystem === undefined
      ? company.client_system
      : JSON.stringify(merge ? { ...JSON.parse(company.client_system ?? '{}'), ...input.clientSystem } : input.clientSystem);
    const now = ctx.clock.now();
    const next = { ...company, info: JSON.stringify(info), client_system: clientSystem, updated_at: now };
    await trx.updateTable('companies').set({ info: next.info, client_system: next.client_system, updated_at: now, ...companySearchColumns(info) }).where('id', '=', company.id).execute();
    const changed = Object.keys(input.company ?? {});
    await recordAudit(trx, { ...ctx.access, action: 'FORM_UPDATED', details: { fields: changed }, now });
    return { company: presentCompany(next, flow), clientSystem: presentClientSystem(next) };
  });
}
