import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { contractErrors } from '../../../test/contract.js';
import { describeEachDialect } from '../../../test/harness.js';
import { startSession } from '../../../test/kyb.js';
import { presentKybAuditLog } from './present-audit-log.js';
import { readCompanyLogs } from './read-company-logs.js';

describeEachDialect('KybAuditLog presenter', (h) => {
  it("shows a company's audit trail in iDenfy's CompanyLogs shape, oldest first, without other companies' or partner-level entries", async () => {
    const session = await startSession(h());
    const other = await startSession(h(), { partner: session.partner, flow: null });
    const call = api(h()).call;
    expect((await call('PATCH', `/kyb/forms/${session.companyId}/`, session.bearer, { company: { website: 'https://acme.example/new' } })).status).toBe(200);
    expect((await call('PATCH', '/v1/settings/', session.partner.auth, { statusOnSubmit: 'NEED_TO_PROCESS' })).status).toBe(200);

    const logs = await readCompanyLogs(h().database.db, { partnerId: session.partner.partnerId, companyId: session.companyId });
    expect(contractErrors('CompanyLogs', logs)).toEqual([]);
    expect(logs.logsCount).toBe(3);
    expect(logs.logs.map((l) => [l.identifier, l.text, l.logType, l.logLevel])).toEqual([
      ['TOKEN_CREATED', 'Verification token created', 'PARTNER', 'ACTION'],
      ['FORM_CREATED', 'Form created', 'CLIENT', 'ACTION'],
      ['FORM_UPDATED', 'Company information updated', 'CLIENT', 'ACTION'],
    ]);
    expect(JSON.parse(logs.logs[2]!.additionalText!)).toEqual({ fields: ['website'] });
    expect(logs.logs[0]!.timestamp).toBe('2026-11-26T10:00:00.000Z');
    expect(JSON.stringify(logs)).not.toContain(other.companyId);
    const stranger = await h().partner();
    expect(await readCompanyLogs(h().database.db, { partnerId: stranger.partnerId, companyId: session.companyId })).toEqual({ logs: [], logsCount: 0 });
  });
});

it('maps every actor kind and an action it has no text for onto the contract', () => {
  const row = { id: 'e1', details: '{}', created_at: Date.parse('2026-11-27T12:00:00Z') };
  const logs = ['client', 'partner', 'system', 'operator', 'manager'].map((actor) =>
    presentKybAuditLog({ ...row, action: 'COMPANY_STATUS_CHANGED', actor_type: actor }),
  );
  for (const log of logs) expect(contractErrors('KybAuditLog', log)).toEqual([]);
  expect(logs.map((l) => [l.logType, l.logLevel])).toEqual([
    ['CLIENT', 'ACTION'],
    ['PARTNER', 'ACTION'],
    ['AUTOMATION', 'INFO'],
    ['SYSTEM', 'INFO'],
    // A manager acts for the partner in the back office.
    ['PARTNER', 'ACTION'],
  ]);
  expect(logs[0]).toEqual({
    identifier: 'COMPANY_STATUS_CHANGED',
    text: 'Company status changed',
    logType: 'CLIENT',
    logLevel: 'ACTION',
    timestamp: '2026-11-27T12:00:00.000Z',
    logId: 'e1',
  });
});
