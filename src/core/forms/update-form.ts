import type { ClientSystemRequest, CompanyInfoRequest } from '../../schemas/company.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertValid, fieldErrors } from '../errors.js';
import { parseRecordJson } from '../../shared/records.js';
import { assertItemsOpen, changedCompanyItems } from '../review/open-items.js';
import { editForm, loadFlow, type FormCtx } from './access.js';
import { applyCompanyInfo, type StoredCompanyInfo } from './company-info.js';
import { sealClientSystem, sealCompanyInfo } from './company-row.js';
import { presentClientSystem, presentCompany } from './present-form.js';
import { companySearchColumns } from '../review/search-text.js';
import { refuseLockedChanges, registerLocks } from '../gov-sessions/gov-session.js';

/** PUT replaces the company info; PATCH merges the fields it names (DRF-style partial update). */
export async function updateForm({
  ctx,
  input,
  merge,
}: {
  ctx: FormCtx;
  input: { company?: Partial<CompanyInfoRequest>; clientSystem?: ClientSystemRequest };
  merge: boolean;
}) {
  return editForm(ctx, async (trx, company) => {
    const flow = await loadFlow(trx, company);
    const errors = fieldErrors();
    const current = parseRecordJson<StoredCompanyInfo>(company.info);
    const info = input.company ? applyCompanyInfo(current, input.company, { merge, flow, actor: ctx.access.actor, path: 'company' }, errors) : current;
    refuseLockedChanges((await registerLocks(trx, ctx.access)).companyFields, current, info, 'company', errors);
    assertValid(errors);
    assertItemsOpen(company, ctx.access, changedCompanyItems(current, info));
    const clientSystem =
      input.clientSystem === undefined
        ? company.client_system
        : JSON.stringify(merge ? { ...JSON.parse(company.client_system ?? '{}'), ...input.clientSystem } : input.clientSystem);
    const now = ctx.clock.now();
    const next = { ...company, info: JSON.stringify(info), client_system: clientSystem, updated_at: now };
    await trx
      .updateTable('companies')
      .set({
        info: await sealCompanyInfo(trx, ctx, company.id, info),
        client_system: await sealClientSystem(trx, ctx, company.id, clientSystem),
        updated_at: now,
        ...companySearchColumns(info),
      })
      .where('id', '=', company.id)
      .execute();
    const changed = Object.keys(input.company ?? {});
    await recordAudit(trx, { ...ctx.access, action: 'FORM_UPDATED', details: { fields: changed }, now });
    return { company: presentCompany(next, flow), clientSystem: presentClientSystem(next) };
  });
}
