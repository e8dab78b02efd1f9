import type { BeneficiaryCreateRequest } from '../../schemas/beneficiary.js';
import type { ClientSystemRequest, CompanyInfoRequest } from '../../schemas/company.js';
import type { DocumentCreateInput } from '../../schemas/document.js';
import { recordAudit } from '../audit/record-audit.js';
import { insertBeneficiary } from '../beneficiaries/create-beneficiary.js';
import { checkDocument, insertDocument } from '../documents/documents.js';
import { assertValid, conflict, fieldErrors, notFound } from '../errors.js';
import { loadCompany, loadFlow, type FormCtx } from './access.js';
import { applyCompanyInfo } from './company-info.js';
import { sealClientSystem, sealCompanyInfo } from './company-row.js';
import { companySearchColumns } from '../review/search-text.js';
import { presentForm } from './present-form.js';

export interface CreateFormInput {
  company: CompanyInfoRequest;
  documents?: DocumentCreateInput[];
  beneficiaries?: Omit<BeneficiaryCreateRequest, 'parent'>[];
  clientSystem?: ClientSystemRequest;
}

/**
 * Fills in the company reserved when the token was issued (the form id is that company id),
 * with optional documents and beneficiaries, all in one transaction.
 */
export async function createForm({ ctx, input }: { ctx: FormCtx; input: CreateFormInput }) {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadCompany(trx, ctx);
    // An erased case (retention) has no form, and never gets one again.
    if (company.erased_at !== null) throw notFound('Form');
    if (company.info !== null) throw conflict('The form already exists; change it with PUT or PATCH /kyb/forms/{id}/.');
    const flow = await loadFlow(trx, company);
    const errors = fieldErrors();
    const info = applyCompanyInfo(null, input.company, { merge: false, flow, actor: ctx.access.actor, path: 'company' }, errors);
    assertValid(errors);
    const now = ctx.clock.now();
    const created = { ...company, info: JSON.stringify(info), client_system: JSON.stringify(input.clientSystem ?? {}), form_created_at: now, updated_at: now };
    await trx
      .updateTable('companies')
      .set({
        info: await sealCompanyInfo(trx, ctx, company.id, info),
        client_system: await sealClientSystem(trx, ctx, company.id, created.client_system),
        form_created_at: now,
        updated_at: now,
        ...companySearchColumns(info),
      })
      .where('id', '=', company.id)
      .execute();
    // Every document is checked before any file is written: a refused request leaves no file.
    const documents = [];
    for (const [i, document] of (input.documents ?? []).entries()) {
      documents.push(await checkDocument(trx, ctx, created, { beneficiaryId: null }, document, `documents.${i}`));
    }
    for (const [i, beneficiary] of (input.beneficiaries ?? []).entries()) {
      await insertBeneficiary(trx, ctx, created, flow, beneficiary, `beneficiaries.${i}`);
    }
    for (const document of documents) await insertDocument(trx, ctx, created, document);
    await recordAudit(trx, { ...ctx.access, action: 'FORM_CREATED', now });
    return presentForm(trx, ctx, created, flow);
  });
}
