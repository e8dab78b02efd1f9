import type { Ctx } from '../context.js';
import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { ManagerAccount } from '../../schemas/review.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import { presentBeneficiary } from '../beneficiaries/rules.js';
import { loadFlow } from '../forms/access.js';
import { presentCompany } from '../forms/present-form.js';
import { amlCheckOf, readScreening, statusSetAt, type ScreeningOfCompany } from './aml-check.js';

/** iDenfy's AmlCheckV3 data of one subject; a subject never screened is NOT_CHECKED. */
function amlV3(screening: ScreeningOfCompany, subjectId: string, check: ReturnType<typeof amlCheckOf>) {
  return {
    id: check?.id ?? subjectId,
    overallStatus: check?.overallStatus ?? 'NOT_CHECKED',
    statusSetBy: null,
    statusSetAt: statusSetAt(screening, subjectId),
    adverseMedia: null,
    amlCheck: check?.amlCheck ?? null,
  };
}

/**
 * iDenfy's CompanyReviewWebhook for a company that was just reviewed. `statusChangedBy` is
 * null: iDenfy's ManagerAccountOld needs a username, and OpenKYB managers have none yet.
 */
export async function companyReviewPayload(db: Db, ctx: Pick<Ctx, 'keys'>, company: CompanyRow & { info: string }, _manager: ManagerAccount | null) {
  const flow = await loadFlow(db, company);
  const info = presentCompany(company, flow);
  const screening = await readScreening(db, ctx, company.id);
  const beneficiaries = (await beneficiaryRows(db, ctx, company.id)).map((row) => presentBeneficiary(row, flow));
  const companyStatus = screening.subjects.get(company.id)?.status ?? 'NOT_CHECKED';
  return {
    id: company.id,
    companyName: info.companyName,
    registrationNumber: info.registrationNumber,
    approvalStatus: company.approval_status,
    denyReason: company.deny_reason,
    statusChangedBy: null,
    soleProprietor: company.sole_proprietor === 1,
    clientId: company.client_id,
    externalRef: company.external_ref,
    relatedClientScanRefs: null,
    amlCheck: amlV3(
      screening,
      company.id,
      amlCheckOf(screening, company.id, { clientId: company.client_id, person: null, company: { companyName: info.companyName, country: info.country } }),
    ),
    companyCheck: null,
    shareholderCheck: [],
    negativeNewsCheck: [],
    beneficiaries: beneficiaries.map((b) => {
      const person = b.info.infoType === 'INDIVIDUAL' ? b.info : null;
      const check = amlCheckOf(screening, b.id, {
        clientId: company.client_id,
        person: person ? { fullName: `${person.name} ${person.surname}`.trim(), nationality: null, dateOfBirth: null } : null,
        company: b.info.infoType === 'COMPANY' ? { companyName: b.info.companyName, country: b.info.country } : null,
      });
      const status = screening.subjects.get(b.id)?.status ?? 'NOT_CHECKED';
      return {
        id: b.id,
        amlCheck: amlV3(screening, b.id, check),
        beneficiaryCheck: null,
        negativeNewsCheck: null,
        scanRef: null,
        amlComment: null,
        pepsCheckStatus: 'NOT_CHECKED',
        pepsStatusSetBy: null,
        pepsStatusSetAt: null,
        sanctionsCheckStatus: status,
        sanctionsStatusSetBy: null,
        sanctionsStatusSetAt: statusSetAt(screening, b.id),
        negativeNewsComment: null,
        negativeNewsStatus: 'NOT_CHECKED',
        newsStatusSetBy: null,
        newsStatusSetAt: null,
      };
    }),
    amlComment: null,
    sanctionsCheckStatus: companyStatus,
    sanctionsStatusSetBy: null,
    sanctionsStatusSetAt: statusSetAt(screening, company.id),
    negativeNewsComment: null,
    negativeNewsStatus: 'NOT_CHECKED',
    newsStatusSetBy: null,
    newsStatusSetAt: null,
  };
}
