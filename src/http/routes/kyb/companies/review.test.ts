import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { createManager } from '../../../../core/managers/create-manager.js';
import { submittedCompany } from '../../../../../test/companies.js';
import { auditEntries } from '../../../../../test/rows.js';

describeEachDialect('comments and assignment', (h) => {
  it("adds and lists comments in iDenfy's KybComments shape, audited without their text", async () => {
    const s = await submittedCompany(h());
    const { call } = api(h());
    const created = await call('POST', `/v1/companies/${s.companyId}/comments/`, s.partner.auth, { content: 'Ask for a bank statement' });
    expect(created.status).toBe(201);
    expect(contractErrors('KybComments', created.json)).toEqual([]);
    const listed = await call('GET', `/v1/companies/${s.companyId}/comments/`, s.partner.auth);
    expect(listed.json).toEqual([created.json]);
    const audit = await auditEntries(h(), s.companyId, 'COMMENT_ADDED');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).not.toContain('bank statement');
  });

  it('refuses an empty or over-long comment with 400 and stores nothing', async () => {
    const s = await submittedCompany(h());
    const { call } = api(h());
    for (const body of [{}, { content: '' }, { content: 'x'.repeat(10_001) }, { content: 'ok', manager: 1 }]) {
      expect((await call('POST', `/v1/companies/${s.companyId}/comments/`, s.partner.auth, body)).status).toBe(400);
    }
    expect((await call('GET', `/v1/companies/${s.companyId}/comments/`, s.partner.auth)).json).toEqual([]);
  });

  it("assigns the review to one of the partner's managers and shows it in the list filter and the dossier", async () => {
    const s = await submittedCompany(h());
    const manager = await createManager({ ctx: s.partner.ctx, input: { name: 'Ona', surname: 'Reviewer', email: 'Ona@Example.com' } });
    expect(contractErrors('ManagerAccount', manager)).toEqual([]);
    const { call } = api(h());
    const assigned = await call('POST', `/v1/companies/${s.companyId}/assign/`, s.partner.auth, { managerId: manager.id });
    expect(assigned.status).toBe(200);
    expect(assigned.json.assignedTo).toEqual({ id: manager.id, name: 'Ona', surname: 'Reviewer', email: 'ona@example.com' });
    const list = await call('GET', `/kyb/companies/?assignedTo=${manager.id}`, s.partner.auth);
    expect(list.json.results.map((r: { id: string }) => r.id)).toEqual([s.companyId]);
    expect((await call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth)).json.meta.assignedTo.id).toBe(manager.id);
    const cleared = await call('POST', `/v1/companies/${s.companyId}/assign/`, s.partner.auth, { managerId: null });
    expect(cleared.json).toEqual({ assignedTo: null });
    // A disabled account cannot sign in to work it: 400 naming the field, nothing changed.
    await h().database.db.updateTable('managers').set({ disabled_at: h().clock.now() }).where('id', '=', manager.id).execute();
    const toDisabled = await call('POST', `/v1/companies/${s.companyId}/assign/`, s.partner.auth, { managerId: manager.id });
    expect(toDisabled.status).toBe(400);
    expect(toDisabled.json.message).toEqual({ managerId: ['is a disabled manager account'] });
    expect((await call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth)).json.meta.assignedTo).toBeNull();
  });

  it("refuses another partner's manager (400) and another partner's company (404), changing nothing", async () => {
    const s = await submittedCompany(h());
    const other = await h().partner('Other');
    const foreign = await createManager({ ctx: other.ctx, input: { name: 'X', surname: 'Y', email: 'x@other.example' } });
    const { call } = api(h());
    const wrongManager = await call('POST', `/v1/companies/${s.companyId}/assign/`, s.partner.auth, { managerId: foreign.id });
    expect(wrongManager.status).toBe(400);
    expect((await call('POST', `/v1/companies/${s.companyId}/assign/`, other.auth, { managerId: foreign.id })).status).toBe(404);
    expect((await call('POST', `/v1/companies/${s.companyId}/comments/`, other.auth, { content: 'hi' })).status).toBe(404);
    expect((await call('GET', `/v1/companies/${s.companyId}/comments/`, other.auth)).status).toBe(404);
    expect((await call('POST', `/v1/companies/${s.companyId}/assign/`, s.partner.auth, { managerId: 'one' })).status).toBe(400);
    expect((await call('POST', `/v1/companies/${s.companyId}/assign/`, s.partner.auth, { managerId: 1e30 })).status).toBe(400);
    const company = await h().database.db.selectFrom('companies').select('assigned_to').where('id', '=', s.companyId).executeTakeFirstOrThrow();
    expect(company.assigned_to).toBeNull();
  });

  it('refuses a second manager with the same e-mail', async () => {
    const partner = await h().partner();
    await createManager({ ctx: partner.ctx, input: { name: 'A', surname: 'B', email: 'a@b.example' } });
    await expect(createManager({ ctx: partner.ctx, input: { name: 'C', surname: 'D', email: 'A@B.example' } })).rejects.toThrow(/already exists/);
  });
});
