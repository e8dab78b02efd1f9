import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { recordFlaggedBeneficiary, recordScreening, submittedCompany } from '../../../../../test/companies.js';
import { base64, pdfDocument } from '../../../../../test/files.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../../../test/harness.js';
import { signedInManager } from '../../../../../test/managers.js';
import { auditEntries, countRows } from '../../../../../test/rows.js';
import { createEndpoint } from '../../../../../test/webhooks.js';

const approve = { status: 'COMPLETED', reviewInfo: { approvalStatus: 'APPROVED' } };
const deny = { status: 'COMPLETED', reviewInfo: { approvalStatus: 'DENIED', denyReason: 'Unclear ownership' } };

async function companyRow(h: Harness, id: string) {
  return h.database.db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function reviewEvents(h: Harness, partner: TestPartner) {
  return h.database.db
    .selectFrom('webhook_events')
    .select('body')
    .where('partner_id', '=', partner.partnerId)
    .where('event_type', '=', 'COMPANY_REVIEW')
    .execute();
}

/** A submitted case with one flagged (unresolved) hit, a COMPANY_REVIEW endpoint, and four-eyes on the case's risk level. */
async function fourEyesCase(h: Harness) {
  const partner = await h.partner();
  const s = await submittedCompany(h, { partner });
  await recordFlaggedBeneficiary(h, s);
  await createEndpoint(h, partner, 'http://127.0.0.1:9/review', { eventTypes: ['COMPANY_REVIEW'] });
  const level = (await companyRow(h, s.companyId)).risk_level;
  expect(level).not.toBeNull();
  const policy = await api(h).call('PATCH', '/v1/review-policy/', partner.auth, { fourEyesRiskLevels: [level] });
  expect(policy.status).toBe(200);
  const first = await signedInManager(h, partner, 'reviewer');
  const second = await signedInManager(h, partner, 'reviewer');
  return { s, partner, first, second };
}

describeEachDialect('four-eyes approval', (h) => {
  const status = (id: string, body: unknown, headers: Record<string, string>) =>
    api(h()).call('POST', `/kyb/companies/${id}/change-status/`, null, body, headers);
  const decision = (id: string, headers: Record<string, string>) => api(h()).call('GET', `/v1/companies/${id}/decision/`, null, undefined, headers);
  const hitOf = async (c: { s: { companyId: string; partner: TestPartner } }) =>
    (await h().database.db.selectFrom('screening_hits').select('id').where('company_id', '=', c.s.companyId).executeTakeFirstOrThrow()).id;

  it('holds an approval until a second reviewer confirms it; only then the status changes and COMPANY_REVIEW is queued', async () => {
    const c = await fourEyesCase(h());
    const id = c.s.companyId;
    // Too early: the hit is unresolved.
    const early = await status(id, approve, c.first.write);
    expect(early.status).toBe(409);
    expect(early.json.message).toContain('AML statuses are unresolved');
    expect((await api(h()).call('POST', `/v1/screening/hits/${await hitOf(c)}/resolve/`, null, { resolution: 'FALSE_POSITIVE' }, c.first.write)).status).toBe(
      200,
    );

    const proposed = await status(id, approve, c.first.write);
    expect(proposed.status).toBe(202);
    expect(proposed.json).toEqual({ status: 'NEED_TO_REVIEW' });
    expect(await companyRow(h(), id)).toMatchObject({ status: 'NEED_TO_REVIEW', approval_status: null });
    expect(await reviewEvents(h(), c.partner)).toHaveLength(0);
    expect((await decision(id, c.first.read)).json).toMatchObject({
      fourEyesRequired: true,
      pending: { approvalStatus: 'APPROVED', proposedBy: { kind: 'manager', managerId: c.first.id }, isVoided: false, isOwnProposal: true },
    });
    expect((await decision(id, c.second.read)).json.pending.isOwnProposal).toBe(false);

    // Nobody confirms their own; a different decision cannot slip past the pending one. Neither changes anything.
    const audits = await countRows(h(), 'audit_logs');
    const own = await status(id, approve, c.first.write);
    expect(own.status).toBe(409);
    expect(own.json.message).toContain('nobody confirms their own');
    const other = await status(id, deny, c.second.write);
    expect(other.status).toBe(409);
    expect(other.json.message).toContain('A decision to approve awaits confirmation');
    expect(await countRows(h(), 'audit_logs')).toBe(audits);

    const confirmed = await status(id, approve, c.second.write);
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toEqual({ status: 'COMPLETED', reviewInfo: { approvalStatus: 'APPROVED', denyReason: null } });
    expect(await companyRow(h(), id)).toMatchObject({ status: 'COMPLETED', approval_status: 'APPROVED', status_changed_by: c.second.id });
    const events = await reviewEvents(h(), c.partner);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.body)).toMatchObject({ id, approvalStatus: 'APPROVED' });
    expect((await decision(id, c.second.read)).json.pending).toBeNull();
    const [proposal] = await auditEntries(h(), id, 'DECISION_PROPOSED');
    const [confirmation] = await auditEntries(h(), id, 'DECISION_CONFIRMED');
    expect(proposal).toMatchObject({ actor_type: 'manager', actor_id: String(c.first.id) });
    expect(JSON.parse(confirmation!.details)).toMatchObject({ approvalStatus: 'APPROVED', proposedBy: `manager:${c.first.id}` });
  });

  it("voids a pending decision when the case's evidence changes: the next decision is a fresh proposal", async () => {
    const c = await fourEyesCase(h());
    const id = c.s.companyId;
    const hit = await hitOf(c);
    expect((await api(h()).call('POST', `/v1/screening/hits/${hit}/resolve/`, c.partner.auth, { resolution: 'FALSE_POSITIVE' })).status).toBe(200);
    expect((await status(id, approve, c.first.write)).status).toBe(202);
    // New evidence: the hit is now judged a true match.
    expect((await api(h()).call('POST', `/v1/screening/hits/${hit}/resolve/`, c.partner.auth, { resolution: 'TRUE_POSITIVE' })).status).toBe(200);
    expect((await decision(id, c.second.read)).json.pending).toMatchObject({ isVoided: true });

    // The second reviewer's approval cannot confirm the void proposal: it becomes the new one.
    const replaced = await status(id, approve, c.second.write);
    expect(replaced.status).toBe(202);
    expect(await reviewEvents(h(), c.partner)).toHaveLength(0);
    expect((await decision(id, c.second.read)).json.pending).toMatchObject({ isVoided: false, isOwnProposal: true, proposedBy: { managerId: c.second.id } });
    expect((await status(id, approve, c.first.write)).status).toBe(200);
    expect(await reviewEvents(h(), c.partner)).toHaveLength(1);
    expect(await auditEntries(h(), id, 'DECISION_PROPOSED')).toHaveLength(2);
  });

  it('lets a pending decision be withdrawn, and decides at once where the policy asks for no second reviewer', async () => {
    const c = await fourEyesCase(h());
    const id = c.s.companyId;
    expect((await status(id, deny, c.first.write)).status).toBe(202);
    expect((await api(h()).call('DELETE', `/v1/companies/${id}/decision/`, null, undefined, c.second.write)).status).toBe(204);
    expect((await decision(id, c.first.read)).json.pending).toBeNull();
    expect((await api(h()).call('DELETE', `/v1/companies/${id}/decision/`, null, undefined, c.second.write)).status).toBe(409);

    expect((await api(h()).call('PATCH', '/v1/review-policy/', c.partner.auth, { fourEyesRiskLevels: [] })).json.fourEyesRiskLevels).toEqual([]);
    expect((await decision(id, c.first.read)).json).toEqual({ fourEyesRequired: false, deadline: null, pending: null });
    expect((await status(id, deny, c.first.write)).status).toBe(200);
    expect(await companyRow(h(), id)).toMatchObject({ status: 'COMPLETED', approval_status: 'DENIED' });
  });

  it('refuses a bad policy, a policy change by a reviewer, and another partner’s case', async () => {
    const c = await fourEyesCase(h());
    const before = await api(h()).call('GET', '/v1/review-policy/', c.partner.auth);
    for (const body of [{ fourEyesRiskLevels: ['SEVERE'] }, { deadlineHours: { HIGH: 0 } }, { autoAssign: 'yes' }, { other: 1 }]) {
      const bad = await api(h()).call('PATCH', '/v1/review-policy/', c.partner.auth, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api(h()).call('PATCH', '/v1/review-policy/', null, { autoAssign: true }, c.first.write)).status).toBe(403);
    expect((await api(h()).call('GET', '/v1/review-policy/', c.partner.auth)).json).toEqual(before.json);
    const other = await h().partner('Other');
    expect((await api(h()).call('GET', `/v1/companies/${c.s.companyId}/decision/`, other.auth)).status).toBe(404);
    expect((await api(h()).call('DELETE', `/v1/companies/${c.s.companyId}/decision/`, other.auth)).status).toBe(404);
  });
});

describeEachDialect('per-document decisions', (h) => {
  /** A submitted case (no four-eyes) with one company document uploaded by the partner. */
  async function caseWithDocument() {
    const s = await submittedCompany(h());
    const doc = await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.partner.auth, {
      type: 'INCORPORATION_CERT',
      file: base64(pdfDocument()),
    });
    expect(doc.status).toBe(201);
    const reviewer = await signedInManager(h(), s.partner, 'reviewer');
    return { s, documentId: doc.json.id as string, reviewer };
  }
  const screenedClear = (s: { companyId: string; beneficiaryId: string; partner: TestPartner }) =>
    recordScreening(h(), s.partner.partnerId, s.companyId, { [s.companyId]: 'NO_FLAGS', [s.beneficiaryId]: 'NO_FLAGS' });
  const decide = (c: { s: { companyId: string } }, documentId: string, body: unknown, headers: Record<string, string>) =>
    api(h()).call('PUT', `/v1/companies/${c.s.companyId}/documents/${documentId}/decision/`, null, body, headers);

  it('turns a rejection into a request for a new upload, and keeps approval closed until the document is replaced or accepted', async () => {
    const c = await caseWithDocument();
    const id = c.s.companyId;
    const rejected = await decide(c, c.documentId, { decision: 'REJECTED', reason: 'The certificate is cut off; upload all pages.' }, c.reviewer.write);
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.json.decision).toMatchObject({
      documentId: c.documentId,
      decision: 'REJECTED',
      reason: 'The certificate is cut off; upload all pages.',
      decidedBy: { kind: 'manager', managerId: c.reviewer.id },
    });
    expect(rejected.json.infoRequest).toMatchObject({
      status: 'REQUESTED',
      items: ['documents.INCORPORATION_CERT'],
      message: 'The certificate is cut off; upload all pages.',
    });
    expect(await companyRow(h(), id)).toMatchObject({ status: 'PENDING' });
    const [entry] = await auditEntries(h(), id, 'DOCUMENT_DECIDED');
    expect(JSON.parse(entry!.details)).toEqual({ documentId: c.documentId, type: 'INCORPORATION_CERT', decision: 'REJECTED', managerId: c.reviewer.id });
    expect(entry!.details).not.toContain('cut off');

    // The client re-submits without a new upload: approval is refused, naming the document.
    const client = `Bearer ${rejected.json.infoRequest.tokenString}`;
    expect((await api(h()).call('POST', `/kyb/forms/${id}/submit/`, client)).status).toBe(200);
    await screenedClear(c.s);
    const refused = await api(h()).call('POST', `/kyb/companies/${id}/change-status/`, null, approve, c.reviewer.write);
    expect(refused.status).toBe(409);
    expect(refused.json.message).toContain(`document ${c.documentId} (INCORPORATION_CERT) was rejected and not replaced`);

    // Accepted on a second look: approval opens.
    expect((await decide(c, c.documentId, { decision: 'ACCEPTED' }, c.reviewer.write)).json).toMatchObject({
      decision: { decision: 'ACCEPTED', reason: null },
      infoRequest: null,
    });
    const list = await api(h()).call('GET', `/v1/companies/${id}/document-decisions/`, null, undefined, c.reviewer.read);
    expect(list.json).toEqual([expect.objectContaining({ documentId: c.documentId, decision: 'ACCEPTED' })]);
    expect((await api(h()).call('POST', `/kyb/companies/${id}/change-status/`, null, approve, c.reviewer.write)).status).toBe(200);
  });

  it('adds a rejection made while the client holds a request to that request: same link, both items open, both reasons shown', async () => {
    const c = await caseWithDocument();
    const id = c.s.companyId;
    const second = await api(h()).call('POST', `/kyb/forms/${id}/documents/`, c.s.partner.auth, {
      type: 'INCORPORATION_ARTICLES',
      file: base64(pdfDocument()),
    });
    expect(second.status).toBe(201);
    const first = await decide(c, c.documentId, { decision: 'REJECTED', reason: 'The certificate is cut off.', lifetime: 600 }, c.reviewer.write);
    expect(first.json.addedToInfoRequest).toBeNull();
    const tokens = await countRows(h(), 'kyb_tokens');

    const widened = await decide(c, second.json.id, { decision: 'REJECTED', reason: 'The articles are unsigned.' }, c.reviewer.write);
    expect(widened.status, widened.text).toBe(200);
    expect(widened.json.infoRequest).toBeNull();
    expect(widened.json.addedToInfoRequest).toEqual({
      items: ['documents.INCORPORATION_CERT', 'documents.INCORPORATION_ARTICLES'],
      message: 'The certificate is cut off.\n\nThe articles are unsigned.',
      requestedAt: expect.any(String),
    });
    expect(await countRows(h(), 'kyb_tokens')).toBe(tokens);
    expect(await companyRow(h(), id)).toMatchObject({ status: 'PENDING' });
    const [entry] = await auditEntries(h(), id, 'INFO_REQUEST_EXTENDED');
    expect(JSON.parse(entry!.details)).toMatchObject({ added: ['documents.INCORPORATION_ARTICLES'] });
    expect(entry!.details).not.toContain('unsigned');

    // The client's link is the first one; it now shows both reasons and may replace both documents.
    const client = `Bearer ${first.json.infoRequest.tokenString}`;
    const session = await api(h()).call('GET', '/v1/session/', client);
    expect(session.json.infoRequest).toMatchObject({ message: widened.json.addedToInfoRequest.message, items: widened.json.addedToInfoRequest.items });
    for (const type of ['INCORPORATION_CERT', 'INCORPORATION_ARTICLES']) {
      const upload = await api(h()).call('POST', `/kyb/forms/${id}/documents/`, client, { type, file: base64(pdfDocument('New')) });
      expect(upload.status, type).toBe(201);
    }

    // Once the client's link has run out, a rejection sends a new request instead.
    h().clock.advance(601_000);
    const renewed = await decide(c, second.json.id, { decision: 'REJECTED', reason: 'Still unsigned.' }, c.reviewer.write);
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.json.addedToInfoRequest).toBeNull();
    expect(renewed.json.infoRequest).toMatchObject({ items: ['documents.INCORPORATION_ARTICLES'], message: 'Still unsigned.' });
  });

  it('opens approval once a rejected document is replaced by a newer upload', async () => {
    const c = await caseWithDocument();
    const id = c.s.companyId;
    const rejected = await decide(c, c.documentId, { decision: 'REJECTED', reason: 'Expired.' }, c.reviewer.write);
    const client = `Bearer ${rejected.json.infoRequest.tokenString}`;
    h().clock.advance(60_000);
    expect(
      (await api(h()).call('POST', `/kyb/forms/${id}/documents/`, client, { type: 'INCORPORATION_CERT', file: base64(pdfDocument('New certificate')) })).status,
    ).toBe(201);
    expect((await api(h()).call('POST', `/kyb/forms/${id}/submit/`, client)).status).toBe(200);
    await screenedClear(c.s);
    expect((await api(h()).call('POST', `/kyb/companies/${id}/change-status/`, null, approve, c.reviewer.write)).status).toBe(200);
  });

  it('lists the documents of a case with their ids, signed links and decisions, to a viewer too, and to no other partner', async () => {
    const c = await caseWithDocument();
    const id = c.s.companyId;
    const viewer = await signedInManager(h(), c.s.partner, 'viewer');
    const documents = (read: Record<string, string>) => api(h()).call('GET', `/v1/companies/${id}/documents/`, null, undefined, read);
    const before = await documents(viewer.read);
    expect(before.status, before.text).toBe(200);
    const mine = before.json.find((d: { id: string }) => d.id === c.documentId);
    expect(mine).toMatchObject({ type: 'INCORPORATION_CERT', beneficiaryId: null, decision: null });
    expect(mine.file).toMatch(/^http.+\/files\//);
    expect((await decide(c, c.documentId, { decision: 'REJECTED', reason: 'Blurred.' }, c.reviewer.write)).status).toBe(200);
    const after = await documents(c.reviewer.read);
    expect(after.json.find((d: { id: string }) => d.id === c.documentId).decision).toMatchObject({
      documentId: c.documentId,
      decision: 'REJECTED',
      reason: 'Blurred.',
      decidedBy: { kind: 'manager', managerId: c.reviewer.id },
    });
    const other = await h().partner('Other');
    expect((await api(h()).call('GET', `/v1/companies/${id}/documents/`, other.auth)).status).toBe(404);
  });

  it('refuses a rejection without a reason, a viewer, and another partner, changing nothing', async () => {
    const c = await caseWithDocument();
    const rows = await countRows(h(), 'document_reviews');
    for (const body of [{ decision: 'REJECTED' }, { decision: 'REJECTED', reason: '' }, { decision: 'MAYBE' }, { decision: 'ACCEPTED', reason: 'x' }]) {
      expect((await decide(c, c.documentId, body, c.reviewer.write)).status, JSON.stringify(body)).toBe(400);
    }
    const viewer = await signedInManager(h(), c.s.partner, 'viewer');
    expect((await decide(c, c.documentId, { decision: 'ACCEPTED' }, viewer.write)).status).toBe(403);
    const other = await h().partner('Other');
    expect(
      (await api(h()).call('PUT', `/v1/companies/${c.s.companyId}/documents/${c.documentId}/decision/`, other.auth, { decision: 'ACCEPTED' })).status,
    ).toBe(404);
    expect((await decide(c, '00000000-0000-4000-8000-000000000000', { decision: 'ACCEPTED' }, c.reviewer.write)).status).toBe(404);
    expect(await countRows(h(), 'document_reviews')).toBe(rows);
    expect(await companyRow(h(), c.s.companyId)).toMatchObject({ status: 'NEED_TO_REVIEW' });
  });
});
