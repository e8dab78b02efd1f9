import type { CompanyRow } from '../../db/tables.js';
import type { CompanyRegister } from '../../schemas/company-register.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import type { KybComments } from '../../schemas/review.js';
import { getCompanyRegister } from '../company-register/get-company-register.js';
import type { PartnerCtx } from '../context.js';
import { loadFlow, loadForm, type FormCtx } from '../forms/access.js';
import type { StoredCompanyInfo } from '../forms/company-info.js';
import { displayName, loadOwnership, type LoadedOwnership } from '../ownership/get-ownership.js';
import { listComments } from '../review/list-comments.js';
import { getCompanyScreening, type CompanyScreeningView } from '../screening/read-screening.js';

/**
 * One company's case as the dossier reads it. The company is loaded (and its tenant checked)
 * once; what only some sections need is loaded when the first of them asks, once.
 */
export interface DossierCase {
  ctx: PartnerCtx;
  /** The same context as a partner acting on the form, for the form's own read functions. */
  formCtx: FormCtx;
  company: CompanyRow & { info: string };
  info: StoredCompanyInfo;
  flow: KybFormUnifiedFlow | null;
  ownership(): Promise<LoadedOwnership>;
  screening(): Promise<CompanyScreeningView>;
  /** The latest register check, as the reviewer reads it (GET /v1/companies/{id}/register/). */
  register(): Promise<CompanyRegister>;
  comments(): Promise<KybComments[]>;
  /** A beneficiary's display name by id (the id itself for one that no longer exists). */
  beneficiaryName(id: string): Promise<string>;
}

/** Another partner's company, or one without a form yet, is "not found". */
export async function loadDossierCase(ctx: PartnerCtx, companyId: string): Promise<DossierCase> {
  const formCtx: FormCtx = { ...ctx, access: { partnerId: ctx.partnerId, companyId, actor: { kind: 'partner', keyId: ctx.keyId ?? 'server' } } };
  const company = await loadForm(ctx.db, formCtx);
  const flow = await loadFlow(ctx.db, company);
  let ownership: Promise<LoadedOwnership> | undefined;
  let names: Promise<Map<string, string>> | undefined;
  let screening: Promise<CompanyScreeningView> | undefined;
  let register: Promise<CompanyRegister> | undefined;
  const dossier: DossierCase = {
    ctx,
    formCtx,
    company,
    flow,
    info: JSON.parse(company.info) as StoredCompanyInfo,
    ownership: () => (ownership ??= loadOwnership(ctx.db, ctx, company)),
    screening: () => (screening ??= getCompanyScreening({ ctx, companyId })),
    register: () => (register ??= getCompanyRegister({ ctx, companyId })),
    comments: () => listComments({ ctx, companyId }),
    beneficiaryName: async (id) => {
      names ??= dossier.ownership().then((loaded) => new Map(loaded.beneficiaries.map((b) => [b.id, displayName(b)])));
      return (await names).get(id) ?? id;
    },
  };
  return dossier;
}
