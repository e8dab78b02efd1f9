import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { submittedCompany } from '../../../../test/companies.js';
import { describeEachDialect, type Harness } from '../../../../test/harness.js';
import { withPartnerAdmin, signedInManager, signIn, tokenOf } from '../../../../test/managers.js';

/** One company's audit entries of one action, oldest first, as who did it and its details. */
function companyAudit(h: Harness, companyId: string, action: string) {
  return h.database.db
    .selectFrom('audit_logs')
    .select(['actor_type', 'actor_id', 'details'])
    .where('company_id', '=', companyId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

describeEachDialect('managers over the API, and what each role sees of a case', (h) => {
  const the = withPartnerAdmin(h, 'Managed');
  const call: ReturnType<typeof api>['call'] = (...args) => api(h()).call(...args);

  it('lets an admin create, list, change and reset managers; the set-password link works once', async () => {
    const created = await call(
      'POST',
      '/v1/managers/',
      null,
      { email: 'New@Example.com', name: 'New', surname: 'Reviewer', role: 'reviewer' },
      the.admin.write,
    );
    expect(created.status, created.text).toBe(201);
    expect(created.json.manager).toEqual({
      id: expect.any(Number),
      name: 'New',
      surname: 'Reviewer',
      email: 'new@example.com',
      role: 'reviewer',
      disabled: false,
      away: false,
      totpEnabled: false,
      lastSignInAt: null,
    });
    const id = created.json.manager.id;
    expect((await call('POST', '/v1/auth/password/', null, { token: tokenOf(created.json.setPasswordUrl), password: 'a long enough password' })).status).toBe(
      204,
    );
    expect((await signIn(h(), 'new@example.com', 'a long enough password')).status).toBe(200);
    expect((await call('POST', '/v1/managers/', null, { email: 'new@example.com', name: 'N', surname: 'R', role: 'viewer' }, the.admin.write)).status).toBe(
      409,
    );

    const listed = await call('GET', '/v1/managers/', null, undefined, the.admin.read);
    expect(listed.json.results.find((m: { id: number }) => m.id === id)).toMatchObject({ email: 'new@example.com', lastSignInAt: expect.any(String) });

    const patched = await call('PATCH', `/v1/managers/${id}/`, null, { role: 'viewer', away: true }, the.admin.write);
    expect(patched.json).toMatchObject({ role: 'viewer', away: true });
    const reset = await call('POST', `/v1/managers/${id}/reset/`, null, undefined, the.admin.write);
    expect(reset.json.setPasswordUrl).toMatch(/^http:\/\/openkyb\.test\/backoffice\/set-password#token=\w{40}$/);
    expect((await call('PATCH', `/v1/managers/${id}/`, null, { disabled: true }, the.admin.write)).json.disabled).toBe(true);
    expect((await signIn(h(), 'new@example.com', 'a long enough password')).status).toBe(401);
    const audit = await h()
      .database.db.selectFrom('audit_logs')
      .select(['action', 'actor_type', 'actor_id'])
      .where('partner_id', '=', the.partner.partnerId)
      .where('action', 'like', 'MANAGER_%')
      .execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'MANAGER_CREATED', actor_type: 'manager', actor_id: String(the.admin.id) }]));
  });

  it("lets any manager set its own away, but not another's, nor its own role", async () => {
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    expect((await call('PATCH', `/v1/managers/${reviewer.id}/`, null, { away: true }, reviewer.write)).json.away).toBe(true);
    const own = await call('PATCH', `/v1/managers/${reviewer.id}/`, null, { role: 'admin' }, reviewer.write);
    expect(own.status).toBe(403);
    expect(own.json.identifier).toBe('FORBIDDEN');
    expect((await call('PATCH', `/v1/managers/${the.admin.id}/`, null, { away: true }, reviewer.write)).status).toBe(403);
    const created = await call('POST', '/v1/managers/', null, { email: 'x@example.com', name: 'X', surname: 'Y', role: 'admin' }, reviewer.write);
    expect(created.status).toBe(403);
    expect(created.json.message).toBe('This needs the admin role (or a stronger one); you are signed in as reviewer.');
    const listed = await call('GET', '/v1/managers/', null, undefined, reviewer.read);
    expect(listed.json.results.find((m: { id: number }) => m.id === reviewer.id).role).toBe('reviewer');
  });

  it("answers 404 to a manager of another the.partner, for that partner's company and managers", async () => {
    const other = await h().partner('Other');
    const foreign = await signedInManager(h(), other, 'admin');
    const s = await submittedCompany(h(), { partner: the.partner });
    expect((await call('GET', `/kyb/companies/${s.companyId}/`, null, undefined, foreign.read)).status).toBe(404);
    expect((await call('POST', `/kyb/companies/${s.companyId}/change-status/`, null, { status: 'NEED_TO_PROCESS' }, foreign.write)).status).toBe(404);
    expect((await call('PATCH', `/v1/managers/${the.admin.id}/`, null, { disabled: true }, foreign.write)).status).toBe(404);
    expect((await call('POST', `/v1/managers/${the.admin.id}/reset/`, null, undefined, foreign.write)).status).toBe(404);
    const list = await call('GET', '/v1/managers/', null, undefined, foreign.read);
    expect(list.json.results.map((m: { id: number }) => m.id)).toEqual([foreign.id]);
    expect((await call('GET', '/kyb/companies/', null, undefined, foreign.read)).json.count).toBe(0);
  });

  it("records each manager's read of a case as company.viewed in the chain, and shows the audit trail to auditors only", async () => {
    const viewer = await signedInManager(h(), the.partner, 'viewer');
    const auditor = await signedInManager(h(), the.partner, 'auditor');
    const s = await submittedCompany(h(), { partner: the.partner });
    const asViewer = await call('GET', `/kyb/companies/${s.companyId}/`, null, undefined, viewer.read);
    expect(asViewer.status).toBe(200);
    expect(asViewer.json.auditLogs).toEqual({ logs: [], logsCount: 0 });
    const asAuditor = await call('GET', `/kyb/companies/${s.companyId}/`, null, undefined, auditor.read);
    const viewed = asAuditor.json.auditLogs.logs.filter((l: { identifier: string }) => l.identifier === 'company.viewed');
    expect(viewed).toHaveLength(2);
    expect(asAuditor.json.auditLogs.logsCount).toBeGreaterThan(2);
    // A key pair is the partner's own system: its reads are not manager views.
    await call('GET', `/kyb/companies/${s.companyId}/`, the.partner.auth);
    const rows = await companyAudit(h(), s.companyId, 'company.viewed');
    expect(rows).toEqual([
      { actor_type: 'manager', actor_id: String(viewer.id), details: JSON.stringify({ managerId: viewer.id }) },
      { actor_type: 'manager', actor_id: String(auditor.id), details: JSON.stringify({ managerId: auditor.id }) },
    ]);
    const { verifyAuditChain } = await import('../../../core/audit/verify-chain.js');
    const report = await verifyAuditChain({ db: h().database.db, partnerId: the.partner.partnerId });
    expect(report.broken).toBeNull();
    expect(report.entries).toBeGreaterThan(2);
  });

  it("records a manager's read of a case through the form routes and the case views as company.viewed, once per sitting", async () => {
    const s = await submittedCompany(h(), { partner: the.partner });
    const reads = [
      `/kyb/forms/${s.companyId}/`,
      `/kyb/forms/${s.companyId}/beneficiaries/`,
      `/kyb/forms/${s.companyId}/beneficiaries/${s.beneficiaryId}/`,
      `/kyb/forms/${s.companyId}/documents/`,
      `/v1/companies/${s.companyId}/ownership/`,
      `/v1/companies/${s.companyId}/changes/`,
    ];
    for (const path of reads) {
      // A fresh viewer per route: each read alone must leave its entry, before anything is shown.
      const viewer = await signedInManager(h(), the.partner, 'viewer');
      const read = await call('GET', path, null, undefined, viewer.read);
      expect(read.status, `${path}: ${read.text}`).toBe(200);
      const rows = await companyAudit(h(), s.companyId, 'company.viewed');
      expect(
        rows.filter((r) => r.actor_id === String(viewer.id)),
        path,
      ).toEqual([{ actor_type: 'manager', actor_id: String(viewer.id), details: JSON.stringify({ managerId: viewer.id }) }]);
    }
    // The case page reads the detail and its views together: one entry for that sitting, a new one later.
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    expect((await call('GET', `/kyb/companies/${s.companyId}/`, null, undefined, reviewer.read)).status).toBe(200);
    for (const path of reads) expect((await call('GET', path, null, undefined, reviewer.read)).status).toBe(200);
    const ofReviewer = async () => (await companyAudit(h(), s.companyId, 'company.viewed')).filter((r) => r.actor_id === String(reviewer.id));
    expect(await ofReviewer()).toHaveLength(1);
    h().clock.advance(11 * 60_000);
    expect((await call('GET', `/v1/companies/${s.companyId}/ownership/`, null, undefined, reviewer.read)).status).toBe(200);
    expect(await ofReviewer()).toHaveLength(2);
    // Key pairs and the client's token read without such entries; another partner's manager gets 404 and writes nothing.
    await call('GET', `/kyb/forms/${s.companyId}/`, the.partner.auth);
    await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer);
    const foreign = await signedInManager(h(), await h().partner('Elsewhere'), 'admin');
    expect((await call('GET', `/kyb/forms/${s.companyId}/`, null, undefined, foreign.read)).status).toBe(404);
    expect((await call('GET', `/v1/companies/${s.companyId}/ownership/`, null, undefined, foreign.read)).status).toBe(404);
    expect(await companyAudit(h(), s.companyId, 'company.viewed')).toHaveLength(reads.length + 2);
  });

  it("records one company.viewed for the case views the back office's case page reads at once", async () => {
    const s = await submittedCompany(h(), { partner: the.partner });
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    const views = ['screening', 'ownership', 'register', 'decision', 'changes', 'documents'].map((view) => `/v1/companies/${s.companyId}/${view}/`);
    const reads = await Promise.all(views.map((path) => call('GET', path, null, undefined, reviewer.read)));
    for (const read of reads) expect(read.status, read.text).toBe(200);
    expect((await companyAudit(h(), s.companyId, 'company.viewed')).filter((r) => r.actor_id === String(reviewer.id))).toHaveLength(1);
  });

  it('names the manager who decides in the audit trail and the status change', async () => {
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    const s = await submittedCompany(h(), { partner: the.partner });
    const decided = await call('POST', `/kyb/companies/${s.companyId}/change-status/`, null, { status: 'NEED_TO_PROCESS' }, reviewer.write);
    expect(decided.status, decided.text).toBe(200);
    const row = (await companyAudit(h(), s.companyId, 'STATUS_CHANGED'))[0];
    expect(row).toMatchObject({ actor_type: 'manager', actor_id: String(reviewer.id) });
    const detail = await call('GET', `/kyb/companies/${s.companyId}/`, the.partner.auth);
    expect(detail.json.meta.statusChangedBy).toMatchObject({ id: reviewer.id });
    const assigned = await call('POST', `/v1/companies/${s.companyId}/assign/`, null, { managerId: reviewer.id }, reviewer.write);
    expect(assigned.json.assignedTo.id).toBe(reviewer.id);
    const assignment = (await companyAudit(h(), s.companyId, 'COMPANY_ASSIGNED'))[0];
    expect(assignment).toMatchObject({ actor_type: 'manager', actor_id: String(reviewer.id) });
    expect(JSON.parse(assignment!.details).managerId).toBe(reviewer.id);
  });
});
