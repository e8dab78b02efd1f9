import { randomUUID } from 'node:crypto';
import { api } from './api.js';
import type { Harness, TestPartner } from './harness.js';
import { companyBody, startSession, type Session } from './kyb.js';

export const person = { infoType: 'INDIVIDUAL', name: 'Žydrūnė', surname: 'Kavaliauskaitė', dateOfBirth: '1980-02-29', nationality: 'LT' };

/** A submitted company (NEED_TO_REVIEW) with one individual beneficiary. */
export async function submittedCompany(
  h: Harness,
  options: { partner?: TestPartner; company?: Record<string, unknown> } = {},
): Promise<Session & { beneficiaryId: string }> {
  const s = await startSession(h, { flow: null, createForm: false, ...(options.partner ? { partner: options.partner } : {}) });
  const { call } = api(h);
  const form = await call('POST', '/kyb/forms/', s.bearer, { company: companyBody({ additionalInfo: {}, ...options.company }) });
  if (form.status !== 201) throw new Error(`form: ${form.text}`);
  const beneficiary = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
    beneficiaryTypes: ['UBO'],
    info: person,
    ownershipPercentage: 60,
  });
  if (beneficiary.status !== 201) throw new Error(`beneficiary: ${beneficiary.text}`);
  const submit = await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer);
  if (submit.status !== 200) throw new Error(`submit: ${submit.text}`);
  return { ...s, beneficiaryId: beneficiary.json.id };
}

/**
 * Records a finished screening as the screening worker does: one subject per id with its
 * status, optionally an alert hit on one of them.
 */
export async function recordScreening(
  h: Harness,
  partnerId: string,
  companyId: string,
  statuses: Record<string, string>,
  hit?: { subjectId: string; resolution: string | null },
): Promise<void> {
  const db = h.database.db;
  const now = h.clock.now();
  for (const [subjectId, status] of Object.entries(statuses)) {
    const rowId = randomUUID();
    await db
      .insertInto('screening_subjects')
      .values({
        id: rowId,
        partner_id: partnerId,
        company_id: companyId,
        subject_type: subjectId === companyId ? 'COMPANY' : 'BENEFICIARY',
        subject_id: subjectId,
        status,
        status_reason: null,
        list_versions: '[]',
        checked_at: now,
        updated_at: now,
      })
      .execute();
    if (hit?.subjectId === subjectId) {
      await db
        .insertInto('screening_hits')
        .values({
          id: randomUUID(),
          subject_row_id: rowId,
          company_id: companyId,
          partner_id: partnerId,
          entity_id: 'un-KPi.033',
          entity_fingerprint: 'f',
          score: 0.91,
          is_alert: 1,
          is_current: 1,
          resolution: hit.resolution,
          resolution_comment: null,
          resolved_by: null,
          resolved_at: hit.resolution ? now : null,
          first_seen_at: now,
          last_seen_at: now,
          detail: JSON.stringify({
            entityId: 'un-KPi.033',
            entityKind: 'person',
            score: 0.91,
            nameScore: 0.91,
            listedName: 'Zydrune Kavaliauskaite',
            nameKind: 'primary',
            tokenPairs: [],
            unmatchedQuery: [],
            unmatchedListed: [],
            qualifiers: [],
            isAlert: true,
          }),
        })
        .execute();
    }
  }
  await db
    .updateTable('companies')
    .set((eb) => ({ screened_at: eb.ref('screening_requested_at') }))
    .where('id', '=', companyId)
    .execute();
}

/** The screening a reviewer meets most: the company clear, its beneficiary flagged by one hit. */
export function recordFlaggedBeneficiary(
  h: Harness,
  s: Session & { beneficiaryId: string },
  status = 'FLAGS_FOUND',
  resolution: string | null = null,
): Promise<void> {
  return recordScreening(
    h,
    s.partner.partnerId,
    s.companyId,
    { [s.companyId]: 'NO_FLAGS', [s.beneficiaryId]: status },
    { subjectId: s.beneficiaryId, resolution },
  );
}

/** A submitted company of this name with one individual beneficiary per person given; its id. */
export async function submittedNamed(
  h: Harness,
  partner: TestPartner,
  names: { companyName: string; people: { name: string; surname: string; dateOfBirth?: string }[] },
): Promise<string> {
  const { call } = api(h);
  const token = await api(h).createToken(partner, { tokenType: 'FORM', clientId: 'c', externalRef: 'r', flow: null });
  const bearer = `Bearer ${token.json.tokenString}`;
  const form = await call('POST', '/kyb/forms/', bearer, { company: companyBody({ additionalInfo: {}, brandNames: [], companyName: names.companyName }) });
  if (form.status !== 201) throw new Error(`form: ${form.text}`);
  for (const person of names.people) {
    const added = await call('POST', `/kyb/forms/${token.json.companyId}/beneficiaries/`, bearer, {
      beneficiaryTypes: ['UBO'],
      info: { infoType: 'INDIVIDUAL', nationality: 'RU', ...person },
      ownershipPercentage: 30,
    });
    if (added.status !== 201) throw new Error(`beneficiary: ${added.text}`);
  }
  const submit = await call('POST', `/kyb/forms/${token.json.companyId}/submit/`, bearer);
  if (submit.status !== 200) throw new Error(`submit: ${submit.text}`);
  return token.json.companyId as string;
}
