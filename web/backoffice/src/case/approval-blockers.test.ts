import { describe, expect, it } from 'vitest';
import type { CompanyDetail } from '../api/types.js';
import { approvalBlockers, denialBlockers } from './approval-blockers.js';

/** The parts of a CompanyDetail the rule reads; the rest of the dossier does not matter to it. */
function detail(
  status: string,
  companyAml: string,
  beneficiaries: Array<{ id: string; aml?: string; person?: [string, string]; company?: string }>,
): CompanyDetail {
  return {
    id: 'c1',
    company: { companyName: 'Acme Ltd' },
    meta: { status, sanctionsCheckStatus: companyAml },
    beneficiaries: beneficiaries.map((b) => ({
      id: b.id,
      info: b.company ? { infoType: 'COMPANY', companyName: b.company } : { infoType: 'INDIVIDUAL', name: b.person![0], surname: b.person![1] },
      meta: b.aml === undefined ? null : { sanctionsCheckStatus: b.aml },
    })),
  } as unknown as CompanyDetail;
}

describe('approval blockers', () => {
  it('allows approval when every AML status is settled', () => {
    const d = detail('NEED_TO_REVIEW', 'NO_FLAGS', [
      { id: 'b1', aml: 'FALSE_POSITIVE', person: ['Ada', 'Lovelace'] },
      { id: 'b2', aml: 'TRUE_POSITIVE', company: 'Holding SA' },
    ]);
    expect(approvalBlockers(d)).toEqual([]);
  });

  it('names each subject with open flags or no check, a beneficiary never screened included', () => {
    const d = detail('NEED_TO_REVIEW', 'FLAGS_FOUND', [
      { id: 'b1', aml: 'NO_FLAGS', person: ['Ada', 'Lovelace'] },
      { id: 'b2', aml: 'NOT_CHECKED', company: 'Holding SA' },
      { id: 'b3', person: ['Grace', 'Hopper'] },
    ]);
    expect(approvalBlockers(d)).toEqual([
      { kind: 'aml', subject: 'company', id: 'c1', name: 'Acme Ltd', status: 'FLAGS_FOUND' },
      { kind: 'aml', subject: 'beneficiary', id: 'b2', name: 'Holding SA', status: 'NOT_CHECKED' },
      { kind: 'aml', subject: 'beneficiary', id: 'b3', name: 'Grace Hopper', status: 'NOT_CHECKED' },
    ]);
  });

  it('refuses a case still being filled in or processed, and while a screening runs', () => {
    expect(approvalBlockers(detail('PROCESSING', 'NO_FLAGS', []), true)).toEqual([
      { kind: 'notSubmitted', status: 'PROCESSING' },
      { kind: 'screeningRunning' },
    ]);
    expect(denialBlockers(detail('PENDING', 'NO_FLAGS', []))).toEqual([{ kind: 'notSubmitted', status: 'PENDING' }]);
    expect(denialBlockers(detail('NEED_TO_REVIEW', 'FLAGS_FOUND', []))).toEqual([]);
  });
});
