import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { describeEachDialect, type Harness } from '../../../../../test/harness.js';
import { startSession, type Session } from '../../../../../test/kyb.js';

/** Every call a client makes with its token, as [method, url, body]. */
function tokenCalls(s: Session): Array<[string, string, unknown?]> {
  const form = `/kyb/forms/${s.companyId}/`;
  return [
    ['GET', '/kyb/info/'],
    ['GET', '/v1/session/'],
    ['GET', '/kyb/forms/'],
    ['GET', form],
    ['PATCH', form, { company: { phone: '+37060000009' } }],
    ['GET', `${form}beneficiaries/`],
    ['POST', `${form}beneficiaries/`, { beneficiaryType: 'UBO', info: { infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'P' } }],
    ['GET', `${form}documents/`],
    ['GET', `${form}questionnaires/`],
    ['POST', `${form}submit/`],
  ];
}

const auditRows = (h: Harness, companyId: string) =>
  h.database.db.selectFrom('audit_logs').selectAll().where('company_id', '=', companyId).where('action', '=', 'TOKEN_REVOKED').execute();

describeEachDialect('DELETE /v1/tokens/{id}/', (h) => {
  it('revokes by tokenString: /kyb/info/ and every form call answer 401 AUTHENTICATION_FAILED at once', async () => {
    const s = await startSession(h());
    const call = api(h()).call;
    expect((await api(h()).info(s.token)).status).toBe(200);
    expect((await call('DELETE', `/v1/tokens/${s.token}/`, s.partner.auth)).status).toBe(204);
    for (const [method, url, body] of tokenCalls(s)) {
      const res = await call(method, url, s.bearer, body);
      expect({ method, url, status: res.status, identifier: res.json?.identifier }).toEqual({ method, url, status: 401, identifier: 'AUTHENTICATION_FAILED' });
    }
    const form = await call('GET', `/kyb/forms/${s.companyId}/`, s.partner.auth);
    expect(form.status).toBe(200);
    expect(form.json.company.phone).toBe('+37060000000');
    expect((await call('GET', `/kyb/forms/${s.companyId}/beneficiaries/`, s.partner.auth)).json).toEqual([]);
  });

  it('revokes by the token id too, and writes one audit row naming the key pair', async () => {
    const s = await startSession(h(), { flow: null });
    const token = await h().database.db.selectFrom('kyb_tokens').select('id').where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
    const res = await api(h()).call('DELETE', `/v1/tokens/${token.id}/`, s.partner.auth);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api(h()).info(s.token)).json.identifier).toBe('AUTHENTICATION_FAILED');
    const key = await h().database.db.selectFrom('api_keys').select('id').where('partner_id', '=', s.partner.partnerId).executeTakeFirstOrThrow();
    const rows = await auditRows(h(), s.companyId);
    expect(rows.map((r) => ({ partner: r.partner_id, actorType: r.actor_type, actorId: r.actor_id, details: JSON.parse(r.details) }))).toEqual([
      { partner: s.partner.partnerId, actorType: 'partner', actorId: key.id, details: { tokenId: token.id } },
    ]);
  });

  it('is idempotent: revoking again answers 204 and adds no audit row', async () => {
    const s = await startSession(h(), { flow: null });
    for (let i = 0; i < 2; i++) expect((await api(h()).call('DELETE', `/v1/tokens/${s.token}/`, s.partner.auth)).status).toBe(204);
    expect(await auditRows(h(), s.companyId)).toHaveLength(1);
  });

  it('answers 404 to another partner (by tokenString and by id) and the token keeps working', async () => {
    const s = await startSession(h(), { flow: null });
    const other = await h().partner('Other');
    const token = await h().database.db.selectFrom('kyb_tokens').select('id').where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
    for (const id of [s.token, token.id, 'unknown-token']) {
      const res = await api(h()).call('DELETE', `/v1/tokens/${id}/`, other.auth);
      expect(res.status).toBe(404);
      expect(res.json.identifier).toBe('NOT_FOUND');
    }
    expect((await api(h()).info(s.token)).status).toBe(200);
    expect(await auditRows(h(), s.companyId)).toHaveLength(0);
  });

  it('answers 404 to an id that no token can have (NUL, punctuation), on both databases alike', async () => {
    const partner = await h().partner();
    for (const id of ['%00', 'a%00b', '%2E%2E', 'x.y']) {
      const res = await api(h()).call('DELETE', `/v1/tokens/${id}/`, partner.auth);
      expect({ id, status: res.status, identifier: res.json?.identifier }).toEqual({ id, status: 404, identifier: 'NOT_FOUND' });
    }
  });

  it('needs the key pair: the token itself, or no credentials, get 401 and revoke nothing', async () => {
    const s = await startSession(h(), { flow: null });
    for (const auth of [s.bearer, null]) {
      const res = await api(h()).call('DELETE', `/v1/tokens/${s.token}/`, auth);
      expect(res.status).toBe(401);
      expect(res.json.identifier).toBe('UNAUTHORIZED');
    }
    expect((await api(h()).info(s.token)).status).toBe(200);
  });

  it('leaves PATCH /kyb/tokens/{tokenString}/ as iDenfy defines it: isActive is not a writable field', async () => {
    const s = await startSession(h(), { flow: null });
    const res = await api(h()).call('PATCH', `/kyb/tokens/${s.token}/`, s.partner.auth, { isActive: false });
    expect(res.status).toBe(400);
    expect(res.json.message.isActive).toEqual(['unknown field']);
    expect((await api(h()).info(s.token)).status).toBe(200);
  });
});
