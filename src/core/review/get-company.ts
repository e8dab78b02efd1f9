import { openCompanyRow } from '../forms/company-row.js';
import { loadDocumentRows } from '../documents/present-document.js';
import type { CompanyRow } from '../../db/tables.js';
import type { CompanyMeta } from '../../schemas/review.js';
import { answersDisplay } from '../answers/answers-display.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import { presentBeneficiary } from '../beneficiaries/rules.js';
import type { PartnerCtx } from '../context.js';
import { presentDocuments } from '../documents/present-document.js';
import { notFound } from '../errors.js';
import { loadFlow } from '../forms/access.js';
import { presentCompany } from '../forms/present-form.js';
import { amlCheckOf, monitoringOf, pepsStatusOf, pepsStatusSetAt, readScreening, statusSetAt, type ScreeningOfCompany } from './aml-check.js';
import { presentAuditLogs } from './audit-logs.js';
import { listComments } from './list-comments.js';
import { loadReviewCompany } from './load-company.js';
import { managersById } from './managers.js';
import { recordAudit } from '../audit/record-audit.js';
import { hasRole } from '../managers/roles.js';
import { presentLifecycleMeta } from './present-lifecycle.js';
import { loadRegisterCheck } from '../company-register/register-check.js';
import { presentDataMatching, presentGovRegistersDocument } from '../company-register/present-register.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The whole dossier of one of the partner's companies, in iDenfy's CompanyDetail shape. Parts
 * no OpenKYB service fills yet (address, website and name audits, EIN) are null; risk is null
 * until a risk model scores the company.
 */
export async function getCompany({ ctx, id }: { ctx: PartnerCtx; id: string }) {
  const company = await openCompanyRow(ctx.db, ctx, await loadReviewCompany(ctx.db, ctx.partnerId, id));
  if (company.info === null) throw notFound('Company');
  // A manager opening a case's personal data is itself an audit entry, written (durably) before
  // anything is shown: no entry, no data. Key pairs are the partner's own systems.
  if (ctx.manager) {
    const actor = { kind: 'manager' as const, managerId: ctx.manager.id };
    await recordAudit(ctx.db, {
      partnerId: ctx.partnerId,
      companyId: id,
      actor,
      action: 'company.viewed',
      details: { managerId: ctx.manager.id },
      now: ctx.clock.now(),
    });
  }
  // The audit trail is for auditors and up; a viewer sees the case without it.
  const readsAudit = !ctx.manager || hasRole(ctx.manager.role, 'auditor');
  const withInfo = company as CompanyRow & { info: string };
  const flow = await loadFlow(ctx.db, company);
  const [documentRows, beneficiaries, screening, managers, auditLogs, comments, questionnaires, register] = await Promise.all([
    loadDocumentRows(ctx.db, ctx, id),
    beneficiaryRows(ctx.db, ctx, id),
    readScreening(ctx.db, ctx, id),
    managersById(ctx.db, ctx.partnerId, [company.assigned_to, company.status_changed_by]),
    readsAudit ? presentAuditLogs(ctx.db, ctx.partnerId, id) : { logs: [], logsCount: 0 },
    listComments({ ctx, companyId: id }),
    answersDisplay({ ctx: { ...ctx, access: { partnerId: ctx.partnerId, companyId: id, actor: { kind: 'partner', keyId: '' } } } }),
    loadRegisterCheck(ctx.db, ctx, id),
  ]);
  const documents = (await presentDocuments(ctx.db, ctx, documentRows)).map((doc, i) => ({
    created: iso(documentRows[i]!.created_at)!,
    type: doc.type,
    file: doc.file,
    beneficiaryId: documentRows[i]!.beneficiary_id,
  }));
  const info = presentCompany(withInfo, flow);
  return {
    id,
    company: info,
    meta: presentCompanyMeta(company, screening, managers),
    documents: documents.filter((d) => d.beneficiaryId === null).map(({ beneficiaryId: _b, ...doc }) => doc),
    beneficiaries: beneficiaries.map((row) => {
      const beneficiary = presentBeneficiary(row, flow);
      const person = beneficiary.info.infoType === 'INDIVIDUAL' ? beneficiary.info : null;
      const organisation = beneficiary.info.infoType === 'COMPANY' ? beneficiary.info : null;
      return {
        ...beneficiary,
        meta: beneficiaryMeta(screening, row.id, row.scan_ref, row.info_type === 'INDIVIDUAL'),
        documents: documents.filter((d) => d.beneficiaryId === row.id).map(({ beneficiaryId: _b, ...doc }) => doc),
        amlCheck: amlCheckOf(screening, row.id, {
          clientId: company.client_id,
          person: person
            ? { fullName: `${person.name} ${person.surname}`.trim(), nationality: textOf(person, 'nationality'), dateOfBirth: textOf(person, 'dateOfBirth') }
            : null,
          company: organisation ? { companyName: organisation.companyName, country: organisation.country } : null,
        }),
        amlMonitoringUser: monitoringOf(screening, row.id),
      };
    }),
    questionnaires,
    comments,
    auditLogs,
    addressAudit: null,
    websiteAudit: null,
    companyNameAudit: null,
    dataMatchings: register ? [presentDataMatching(register)].filter((m) => m !== null) : [],
    einVerification: null,
    // The register profile of the case's automation (core/company-register); credit bureaus, ordered documents and SOS reports are not tied to a case.
    govChecks: {
      creditBureauDocuments: [],
      govRegistersDocuments: register ? [presentGovRegistersDocument(ctx, register, info)].filter((d) => d !== null) : [],
      govOrderedDocuments: [],
      sosFilingDocuments: [],
    },
    amlCheck: amlCheckOf(screening, id, { clientId: company.client_id, person: null, company: { companyName: info.companyName, country: info.country } }),
    amlChecks: [],
    amlMonitoringUsers: null,
    riskAssessment: null,
  };
}

const textOf = (info: object, key: string) => {
  const value = (info as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
};

function presentCompanyMeta(company: CompanyRow, screening: ScreeningOfCompany, managers: Map<number, CompanyMeta['assignedTo'] & object>): CompanyMeta {
  const manager = (id: number | null) => (id === null ? null : (managers.get(id) ?? null));
  return {
    created: iso(company.created_at)!,
    status: company.status as CompanyMeta['status'],
    statusChangedAt: iso(company.status_changed_at),
    statusChangedBy: manager(company.status_changed_by),
    assignedTo: manager(company.assigned_to),
    reviewLevel: null,
    initialSubmissionTime: iso(company.initial_submission_time),
    submissionTime: iso(company.submission_time),
    soleProprietor: company.sole_proprietor === 1,
    matchedBlacklists: null,
    blacklistStatuses: null,
    automationFlags: null,
    // informationRequested, expirationStatus, automationRanAt and automationStatuses (the register step's outcome among them).
    ...presentLifecycleMeta(company),
    ipProxyRiskLevel: null,
    fraudProbLevel: null,
    sanctionsCheckStatus: (screening.subjects.get(company.id)?.status ?? 'NOT_CHECKED') as CompanyMeta['sanctionsCheckStatus'],
    sanctionsStatusSetAt: statusSetAt(screening, company.id),
    sanctionsStatusSetBy: null,
    amlComment: null,
    negativeNewsStatus: 'NOT_CHECKED',
    newsStatusSetAt: null,
    newsStatusSetBy: null,
    negativeNewsComment: null,
    approvalStatus: company.approval_status as CompanyMeta['approvalStatus'],
    approvalStatusChangedAt: iso(company.approval_status_changed_at),
    denyReason: company.deny_reason,
  };
}

function beneficiaryMeta(screening: ScreeningOfCompany, beneficiaryId: string, scanRef: string | null, isPerson: boolean) {
  return {
    identifier: null,
    clientId: null,
    finalStatus: null,
    sessionExpiration: null,
    identificationHistory: scanRef ? [{ scanRef, finalStatus: null }] : [],
    // PEP hits come from PEP data imported as a list (FollowTheMoney); iDenfy checks individuals only.
    pepsCheckStatus: isPerson ? pepsStatusOf(screening, beneficiaryId) : 'NOT_CHECKED',
    pepsStatusSetAt: isPerson ? pepsStatusSetAt(screening, beneficiaryId) : null,
    pepsStatusSetBy: null,
    sanctionsCheckStatus: screening.subjects.get(beneficiaryId)?.status ?? 'NOT_CHECKED',
    sanctionsStatusSetAt: statusSetAt(screening, beneficiaryId),
    sanctionsStatusSetBy: null,
    amlComment: null,
    negativeNewsStatus: 'NOT_CHECKED',
    negativeNewsComment: null,
    newsStatusSetBy: null,
    newsStatusSetAt: null,
  };
}
