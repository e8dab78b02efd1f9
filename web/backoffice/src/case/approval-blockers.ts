import type { CaseDocument, CompanyDetail, CompanyRegister } from '../api/types.js';

/** AML statuses a reviewer has not settled (the server's rule, core/review/change-company-status.ts). */
export const UNRESOLVED_AML = ['FLAGS_FOUND', 'NOT_CHECKED'] as const;

export type Blocker =
  | { kind: 'notSubmitted'; status: string }
  | { kind: 'screeningRunning' }
  | { kind: 'aml'; subject: 'company' | 'beneficiary' | 'register'; id: string; name: string; status: string }
  | { kind: 'documentRejected'; id: string; type: string };

type BeneficiaryDetail = CompanyDetail['beneficiaries'][number];

export function beneficiaryName(b: BeneficiaryDetail): string {
  return b.info.infoType === 'INDIVIDUAL' ? `${b.info.name} ${b.info.surname}`.trim() : b.info.companyName;
}

const amlStatus = (meta: unknown): string => {
  const status = meta && typeof meta === 'object' ? (meta as { sanctionsCheckStatus?: unknown }).sanctionsCheckStatus : undefined;
  return typeof status === 'string' ? status : 'NOT_CHECKED';
};

/**
 * Why the case cannot be approved now, computed from the dossier the page already shows, so
 * the button is disabled (with the reasons) before anyone clicks. The server decides in the
 * end: its 409 names the same items.
 */
export function approvalBlockers(
  detail: CompanyDetail,
  isScreeningPending = false,
  documents: CaseDocument[] = [],
  registerPersons: CompanyRegister['undeclaredPersons'] = [],
): Blocker[] {
  const blockers: Blocker[] = [];
  if (detail.meta.status === 'PENDING' || detail.meta.status === 'PROCESSING') blockers.push({ kind: 'notSubmitted', status: detail.meta.status });
  if (isScreeningPending) blockers.push({ kind: 'screeningRunning' });
  const isUnresolved = (status: string) => (UNRESOLVED_AML as readonly string[]).includes(status);
  const companyStatus = detail.meta.sanctionsCheckStatus;
  if (isUnresolved(companyStatus)) blockers.push({ kind: 'aml', subject: 'company', id: detail.id, name: detail.company.companyName, status: companyStatus });
  for (const b of detail.beneficiaries) {
    const status = amlStatus(b.meta);
    if (isUnresolved(status)) blockers.push({ kind: 'aml', subject: 'beneficiary', id: b.id, name: beneficiaryName(b), status });
  }
  // Officers and owners the register names and the client did not declare are screened like beneficiaries.
  for (const person of registerPersons) {
    if (isUnresolved(person.sanctionsCheckStatus))
      blockers.push({ kind: 'aml', subject: 'register', id: person.key, name: person.name, status: person.sanctionsCheckStatus });
  }
  for (const doc of rejectedUnreplaced(documents)) blockers.push({ kind: 'documentRejected', id: doc.id, type: doc.type });
  return blockers;
}

/** Rejected documents with no newer upload of the same type for the same owner (the server's rule, assertDocumentsSettled). */
function rejectedUnreplaced(documents: CaseDocument[]): CaseDocument[] {
  return documents.filter(
    (doc) =>
      doc.decision?.decision === 'REJECTED' &&
      !documents.some((other) => other.type === doc.type && other.beneficiaryId === doc.beneficiaryId && other.created > doc.decision!.decidedAt),
  );
}

/** Denial needs only a submitted, processed case. */
export function denialBlockers(detail: CompanyDetail): Blocker[] {
  return detail.meta.status === 'PENDING' || detail.meta.status === 'PROCESSING' ? [{ kind: 'notSubmitted', status: detail.meta.status }] : [];
}
