import { beforeAll, expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { describeEachDialect, type Harness } from '../../../../test/harness.js';
import { importUn, screenPending, submittedCase, unWithKatangaChanged } from '../../../../test/screening-cases.js';
import { contractErrors } from '../../../../test/contract.js';

const screening = (h: Harness, s: { companyId: string; partner: { auth: string } }) =>
  api(h).call('GET', `/v1/companies/${s.companyId}/screening/`, s.partner.auth);

describeEachDialect('screening of KYB cases', (h) => {
  beforeAll(async () => {
    await importUn(h());
    await h().screening.reload();
  });

  it('screens the company and every beneficiary at submit, flagging the listed owner with an explained hit', async () => {
    const s = await submittedCase(h());
    expect((await screening(h(), s)).json.isPending).toBe(true);
    expect(await screenPending(h())).toBeGreaterThanOrEqual(1);
    const result = (await screening(h(), s)).json;
    expect(result.isPending).toBe(false);
    const bySubject = Object.fromEntries(result.subjects.map((x: { subjectId: string }) => [x.subjectId, x]));
    expect(bySubject[s.companyId]).toMatchObject({ subjectType: 'COMPANY', status: 'NO_FLAGS', hits: [] });
    const owner = bySubject[s.ownerId];
    expect(owner).toMatchObject({ subjectType: 'BENEFICIARY', status: 'FLAGS_FOUND', statusReason: null });
    expect(owner.lists).toEqual([expect.objectContaining({ source: 'un', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    const [hit] = owner.hits;
    expect(hit).toMatchObject({ entityId: 'un:CDi.006', isAlert: true, isCurrent: true, resolution: null });
    expect(hit.match.listedName).toBe('GERMAIN KATANGA');
    expect(hit.match.tokenPairs.map((p: { query: string; listed: string }) => `${p.query}=${p.listed}`)).toEqual(
      expect.arrayContaining(['germain=germain', 'katanga=katanga']),
    );
    expect(hit.match.qualifiers).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'birth-date', outcome: 'matched' })]));
    const audit = await h().database.db.selectFrom('audit_logs').select('action').where('company_id', '=', s.companyId).execute();
    expect(audit.map((a) => a.action)).toContain('SCREENED');
  });

  it('remembers a dismissed hit across re-screening, and reopens it when the listed entity changes', async () => {
    const s = await submittedCase(h());
    await screenPending(h());
    const hit = (await screening(h(), s)).json.subjects.find((x: { subjectId: string }) => x.subjectId === s.ownerId).hits[0];
    const resolved = await api(h()).call('POST', `/v1/screening/hits/${hit.id}/resolve/`, s.partner.auth, {
      resolution: 'FALSE_POSITIVE',
      comment: 'Different person: other father name.',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ resolution: 'FALSE_POSITIVE', resolutionComment: 'Different person: other father name.' });
    const statusOf = async () => (await screening(h(), s)).json.subjects.find((x: { subjectId: string }) => x.subjectId === s.ownerId);
    expect((await statusOf()).status).toBe('FALSE_POSITIVE');
    const events = await h()
      .database.db.selectFrom('webhook_events')
      .select(['event_type', 'body'])
      .where('partner_id', '=', s.partner.partnerId)
      .where('event_type', '=', 'COMPANY_AML_REVIEW')
      .execute();
    expect(events).toHaveLength(0); // no endpoint subscribed: nothing stored

    expect((await api(h()).call('POST', `/v1/companies/${s.companyId}/screening/`, s.partner.auth)).status).toBe(202);
    await screenPending(h());
    expect(await statusOf()).toMatchObject({ status: 'FALSE_POSITIVE', hits: [expect.objectContaining({ id: hit.id, resolution: 'FALSE_POSITIVE' })] });

    // Ongoing monitoring: a new list version in which this entry changed reopens the dismissal.
    const imported = await importUn(h(), await unWithKatangaChanged());
    expect(imported.rescreen).toBe('INCREMENTAL'); // the worker queues the cases holding a hit on the changed entry
    await screenPending(h());
    expect(await statusOf()).toMatchObject({ status: 'FLAGS_FOUND', hits: [expect.objectContaining({ id: hit.id, resolution: null })] });
    await importUn(h());
    await screenPending(h());
  });

  it('drops the results of a beneficiary who is gone at the next screening, and keeps the company subject it had', async () => {
    const s = await submittedCase(h());
    await screenPending(h());
    const db = h().database.db;
    const subjectsOf = () => db.selectFrom('screening_subjects').select(['id', 'subject_id', 'status']).where('company_id', '=', s.companyId).execute();
    const hitsOf = () => db.selectFrom('screening_hits').select('id').where('company_id', '=', s.companyId).execute();
    const before = await subjectsOf();
    expect(before).toHaveLength(2);
    expect((await hitsOf()).length).toBeGreaterThan(0);
    // The listed owner is gone, as a corrected form would leave it; the case is screened again.
    await db.deleteFrom('beneficiaries').where('id', '=', s.ownerId).execute();
    h().clock.advance(1000);
    await db.updateTable('companies').set({ screening_requested_at: h().clock.now() }).where('id', '=', s.companyId).execute();
    expect(await screenPending(h())).toBeGreaterThanOrEqual(1);
    expect(await subjectsOf()).toEqual([{ ...before.find((x) => x.subject_id === s.companyId)!, status: 'NO_FLAGS' }]);
    expect(await hitsOf()).toEqual([]);
  });

  it('tells the partner of a resolution with COMPANY_AML_REVIEW', async () => {
    const s = await submittedCase(h());
    await api(h()).call('POST', '/v1/webhooks/', s.partner.auth, { url: 'http://127.0.0.1:9/aml', eventTypes: ['COMPANY_AML_REVIEW'] });
    await screenPending(h());
    const hit = (await screening(h(), s)).json.subjects.find((x: { subjectId: string }) => x.subjectId === s.ownerId).hits[0];
    await api(h()).call('POST', `/v1/screening/hits/${hit.id}/resolve/`, s.partner.auth, { resolution: 'TRUE_POSITIVE' });
    const [event] = await h()
      .database.db.selectFrom('webhook_events')
      .select('body')
      .where('partner_id', '=', s.partner.partnerId)
      .where('event_type', '=', 'COMPANY_AML_REVIEW')
      .execute();
    const payload = JSON.parse(event!.body);
    expect(payload).toMatchObject({
      amlReviewSubjectType: 'BENEFICIARY',
      id: s.ownerId,
      companyId: s.companyId,
      clientId: 'client-1',
      sanctionsCheckStatus: 'TRUE_POSITIVE',
      overallStatus: 'TRUE_POSITIVE',
    });
    expect(contractErrors('AmlReviewWebhook', payload)).toEqual([]);
    // Every key of the published schema is present (null where there is nothing to say).
    expect(Object.keys(payload)).toHaveLength(19);
  });

  it('does not flag people who only share a first name, and keeps the company NO_FLAGS', async () => {
    const s = await submittedCase(h(), { name: 'Germain', surname: 'Dubois', dateOfBirth: '1990-01-01', nationality: 'FR' });
    await screenPending(h());
    const owner = (await screening(h(), s)).json.subjects.find((x: { subjectId: string }) => x.subjectId === s.ownerId);
    expect(owner).toMatchObject({ status: 'NO_FLAGS', hits: [] });
  });

  it('searches the lists directly with explanations, and validates the query', async () => {
    const partner = await h().partner();
    const res = await api(h()).call('POST', '/v1/screening/search', partner.auth, { name: 'Katanga Germain', kind: 'person', birthDate: '1978' });
    expect(res.status).toBe(200);
    expect(res.json.lists).toEqual([expect.objectContaining({ source: 'un', entityCount: expect.any(Number) })]);
    expect(res.json.problem).toBeNull();
    expect(res.json.hits[0]).toMatchObject({ entityId: 'un:CDi.006', isAlert: true });
    const bad = await api(h()).call('POST', '/v1/screening/search', partner.auth, { name: '', kind: 'robot', birthDate: '78', limit: 500 });
    expect(Object.keys(bad.json.message).sort()).toEqual(['birthDate', 'kind', 'limit', 'name']);
    expect((await api(h()).call('GET', '/v1/screening/lists/', partner.auth)).json.lists[0].source).toBe('un');
  });

  it("keeps one partner's screening from another (404)", async () => {
    const s = await submittedCase(h());
    await screenPending(h());
    const hit = (await screening(h(), s)).json.subjects.find((x: { subjectId: string }) => x.subjectId === s.ownerId).hits[0];
    const other = await h().partner('Other');
    expect((await api(h()).call('GET', `/v1/companies/${s.companyId}/screening/`, other.auth)).status).toBe(404);
    expect((await api(h()).call('POST', `/v1/companies/${s.companyId}/screening/`, other.auth)).status).toBe(404);
    expect((await api(h()).call('POST', `/v1/screening/hits/${hit.id}/resolve/`, other.auth, { resolution: 'FALSE_POSITIVE' })).status).toBe(404);
  });

  it('reports NOT_CHECKED with the reason when a required list is missing or the lists are stale', async () => {
    const s = await submittedCase(h(), { name: 'Ona', surname: 'Petraite', dateOfBirth: '1985-05-05', nationality: 'LT' });
    await screenPending(h(), { requiredLists: ['ofac-sdn'], maxListAgeMs: h().config.screeningMaxListAgeMs });
    const company = (await screening(h(), s)).json.subjects.find((x: { subjectId: string }) => x.subjectId === s.companyId);
    expect(company).toMatchObject({ status: 'NOT_CHECKED', statusReason: 'no live ofac-sdn list' });
    await api(h()).call('POST', `/v1/companies/${s.companyId}/screening/`, s.partner.auth);
    await screenPending(h(), { requiredLists: [], maxListAgeMs: 30 * 24 * 3600_000 });
    const stale = (await screening(h(), s)).json.subjects.find((x: { subjectId: string }) => x.subjectId === s.companyId);
    expect(stale.status).toBe('NOT_CHECKED');
    expect(stale.statusReason).toMatch(/^the un list is \d+ days old$/);
  });
});
