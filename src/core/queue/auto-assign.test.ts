import { expect, it } from 'vitest';
import { api, bearer } from '../../../test/api.js';
import { submittedCompany } from '../../../test/companies.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../test/harness.js';
import { signedInManager } from '../../../test/managers.js';
import { createManager } from '../managers/create-manager.js';
import type { ManagerRole } from '../managers/roles.js';
import { screenPending } from '../../../test/screening-cases.js';

const assignee = async (h: Harness, id: string) =>
  (await h.database.db.selectFrom('companies').select('assigned_to').where('id', '=', id).executeTakeFirstOrThrow()).assigned_to;

/** The partner's team: one signed-in reviewer (it marks itself away), the others accounts only (password hashing is slow). */
async function team(h: Harness) {
  const partner = await h.partner();
  const account = async (role: ManagerRole) => ({
    id: (
      await createManager({
        ctx: partner.ctx,
        input: { email: `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`, name: role, surname: 'T', role },
      })
    ).id,
  });
  const admin = await account('admin');
  const busy = await account('reviewer');
  const free = await account('reviewer');
  const away = await signedInManager(h, partner, 'reviewer');
  const viewer = await account('viewer');
  return { partner, admin, busy, free, away, viewer };
}

/** Turns automatic assignment on (an admin setting; the key pair acts as the partner's admin). */
async function turnOn(h: Harness, partner: TestPartner) {
  expect((await api(h).call('PATCH', '/v1/review-policy/', partner.auth, { autoAssign: true })).status).toBe(200);
}

/** An admin's change to a manager (away, disabled), through the key pair. */
const setManager = (h: Harness, partner: TestPartner, id: number, body: { away?: boolean; disabled?: boolean }) =>
  api(h).call('PATCH', `/v1/managers/${id}/`, partner.auth, body);

const assign = (h: Harness, partner: TestPartner, id: string, managerId: number) =>
  api(h).call('POST', `/v1/companies/${id}/assign/`, partner.auth, { managerId });

// Each case is a submitted form: slow on a loaded machine, so the tests get a generous bound (not a measurement).
const SLOW = 120_000;

describeEachDialect('automatic assignment by workload', (h) => {
  it(
    'is off by default: a submitted case stays unassigned',
    async () => {
      const t = await team(h());
      const s = await submittedCompany(h(), { partner: t.partner });
      expect(await assignee(h(), s.companyId)).toBeNull();
    },
    SLOW,
  );

  it(
    'gives a submitted case to the least loaded active reviewer or admin, skipping the away one, in the submit, audited as the system',
    async () => {
      const t = await team(h());
      await turnOn(h(), t.partner);
      // Load: busy 2 open cases, admin 1, free 0 (away is the least loaded of all: 0, and skipped).
      for (const [who, n] of [
        [t.busy, 2],
        [t.admin, 1],
      ] as const) {
        for (let i = 0; i < n; i++) {
          const s = await submittedCompany(h(), { partner: t.partner });
          expect((await assign(h(), t.partner, s.companyId, who.id)).status).toBe(200);
        }
      }
      // A decided case is not workload: free's one completed case does not count.
      const done = await submittedCompany(h(), { partner: t.partner });
      await assign(h(), t.partner, done.companyId, t.free.id);
      await h().database.db.updateTable('companies').set({ status: 'COMPLETED', approval_status: 'APPROVED' }).where('id', '=', done.companyId).execute();
      // Away: set by the reviewer itself.
      expect((await api(h()).call('PATCH', `/v1/managers/${t.away.id}/`, null, { away: true }, t.away.write)).status).toBe(200);

      const first = await submittedCompany(h(), { partner: t.partner });
      expect(await assignee(h(), first.companyId)).toBe(t.free.id);
      const audit = await h()
        .database.db.selectFrom('audit_logs')
        .select(['actor_type', 'details'])
        .where('company_id', '=', first.companyId)
        .where('action', '=', 'COMPANY_ASSIGNED')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_type).toBe('system');
      expect(JSON.parse(audit[0]!.details)).toEqual({ from: null, to: t.free.id, managerId: null, automatic: true });

      // Now free and admin have one each: the tie goes to the one given a case least recently (the admin), not to the lower id.
      h().clock.advance(1000);
      const second = await submittedCompany(h(), { partner: t.partner });
      expect(await assignee(h(), second.companyId)).toBe(t.admin.id);
      h().clock.advance(1000);
      // free (1, given at an earlier time) before admin (2) and busy (2); never the viewer, never away.
      const third = await submittedCompany(h(), { partner: t.partner });
      expect(await assignee(h(), third.companyId)).toBe(t.free.id);

      // Back from away, the reviewer with no case is first.
      expect((await setManager(h(), t.partner, t.away.id, { away: false })).status).toBe(200);
      const fourth = await submittedCompany(h(), { partner: t.partner });
      expect(await assignee(h(), fourth.companyId)).toBe(t.away.id);
    },
    SLOW,
  );

  it(
    'skips disabled managers, leaves the case unassigned when nobody is available, and assigns it when it comes back from automation',
    async () => {
      const t = await team(h());
      await turnOn(h(), t.partner);
      for (const m of [t.busy, t.free, t.admin]) {
        expect((await setManager(h(), t.partner, m.id, { disabled: true })).status).toBe(200);
      }
      expect((await setManager(h(), t.partner, t.away.id, { away: true })).status).toBe(200);
      const s = await submittedCompany(h(), { partner: t.partner });
      expect(await assignee(h(), s.companyId)).toBeNull();
      await screenPending(h());

      // A reviewer is back; automation re-runs and the case returns to review: now it is assigned.
      expect((await setManager(h(), t.partner, t.free.id, { disabled: false })).status).toBe(200);
      h().clock.advance(60_000);
      expect((await api(h()).call('POST', `/kyb/companies/${s.companyId}/automation/`, t.partner.auth)).status).toBe(202);
      expect(await assignee(h(), s.companyId)).toBeNull();
      h().clock.advance(5_000);
      await screenPending(h());
      expect(await assignee(h(), s.companyId)).toBe(t.free.id);
    },
    SLOW,
  );

  it(
    'leaves a re-submitted case with the reviewer who held it',
    async () => {
      const t = await team(h());
      await turnOn(h(), t.partner);
      const s = await submittedCompany(h(), { partner: t.partner });
      const holder = await assignee(h(), s.companyId);
      expect(holder).not.toBeNull();
      const other = [t.busy, t.free, t.admin, t.away].find((m) => m.id !== holder)!;
      expect((await assign(h(), t.partner, s.companyId, other.id)).status).toBe(200);
      const asked = await api(h()).call('POST', `/v1/companies/${s.companyId}/request-info/`, t.partner.auth, {
        items: ['company.phone'],
        message: 'Please check',
      });
      expect(asked.status, asked.text).toBe(201);
      const resubmit = await api(h()).call('POST', `/kyb/forms/${s.companyId}/submit/`, bearer(asked.json.tokenString));
      expect(resubmit.status, resubmit.text).toBe(200);
      expect(await assignee(h(), s.companyId)).toBe(other.id);
    },
    SLOW,
  );

  it(
    'is an admin setting: a reviewer cannot turn it on',
    async () => {
      const t = await team(h());
      expect((await api(h()).call('PATCH', '/v1/review-policy/', null, { autoAssign: true }, t.away.write)).status).toBe(403);
      expect((await api(h()).call('GET', '/v1/review-policy/', t.partner.auth)).json.autoAssign).toBe(false);
    },
    SLOW,
  );
});
