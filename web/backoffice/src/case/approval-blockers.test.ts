import { describe, expect, it } from 'vitest';
import type { CaseDocument, CompanyDetail, CompanyRegister } from '../api/types.js';
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

  it("names the register's undeclared persons whose screening is open, as the server does", () => {
    const person = (key: string, name: string, status: string) =>
      ({ key, name, sanctionsCheckStatus: status }) as unknown as CompanyRegister['undeclaredPersons'][number];
    const d = detail('NEED_TO_REVIEW', 'NO_FLAGS', []);
    expect(approvalBlockers(d, false, [], [person('r1', 'Victor Hidden', 'FLAGS_FOUND'), person('r2', 'Tom Example', 'NO_FLAGS')])).toEqual([
      { kind: 'aml', subject: 'register', id: 'r1', name: 'Victor Hidden', status: 'FLAGS_FOUND' },
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

  it('refuses while a rejected document has no newer upload of the same type for the same owner', () => {
    const doc = (id: string, type: string, created: string, rejectedAt?: string, beneficiaryId: string | null = null): CaseDocument => ({
      id,
      type,
      beneficiaryId,
      file: `/files/${id}`,
      created,
      decision: rejectedAt
        ? { documentId: id, decision: 'REJECTED', reason: 'Blurred', decidedBy: { kind: 'manager', managerId: 1 }, decidedAt: rejectedAt }
        : null,
    });
    const d = detail('NEED_TO_REVIEW', 'NO_FLAGS', []);
    const rejected = doc('d1', 'INCORPORATION_CERT', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z');
    expect(approvalBlockers(d, false, [rejected])).toEqual([{ kind: 'documentRejected', id: 'd1', type: 'INCORPORATION_CERT' }]);
    // Another type, or the same type of a beneficiary, does not replace it.
    expect(
      approvalBlockers(d, false, [
        rejected,
        doc('d2', 'TAX_CERT', '2026-01-03T00:00:00.000Z'),
        doc('d3', 'INCORPORATION_CERT', '2026-01-03T00:00:00.000Z', undefined, 'b1'),
      ]),
    ).toHaveLength(1);
    expect(approvalBlockers(d, false, [rejected, doc('d4', 'INCORPORATION_CERT', '2026-01-03T00:00:00.000Z')])).toEqual([]);
  });
});
