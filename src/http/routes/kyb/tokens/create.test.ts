import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { verifyAuditChain } from '../../../../core/audit/verify-chain.js';

const TOKEN_FIELDS = [
  'clientId',
  'companyId',
  'expiration',
  'externalRef',
  'flow',
  'isActive',
  'isValid',
  'locale',
  'scanRefs',
  'tags',
  'theme',
  'tokenString',
  'tokenType',
];
const LOCALES = ['en', 'es', 'fr', 'ru', 'de', 'it', 'pl', 'lt', 'lv', 'et', 'cs', 'ro', 'hu', 'ja', 'bg', 'nl', 'pt'];

describeEachDialect('POST /kyb/tokens/', (h) => {
  it('writes the company, the token and its audit entry all or nothing, and keeps the chain linear under concurrent creations', async () => {
    const partner = await h().partner();
    const db = h().database.db;
    const rowsOf = async () =>
      Promise.all(
        (['companies', 'kyb_tokens', 'audit_logs'] as const).map(async (table) =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .where('partner_id', '=', partner.partnerId)
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await rowsOf();
    // The audit entry cannot be written: nothing of the token may remain (on PostgreSQL the three
    // rows are one statement without a transaction; on SQLite one transaction).
    await sql`create trigger refuse_token_audit before insert on audit_logs for each row when (new.action = 'TOKEN_CREATED') begin select raise(abort, 'refused'); end`
      .execute(db)
      .catch(async () => {
        await sql`create function refuse_token_audit() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(db);
        await sql`create trigger refuse_token_audit before insert on audit_logs for each row when (new.action = 'TOKEN_CREATED') execute function refuse_token_audit()`.execute(
          db,
        );
      });
    try {
      const refused = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'client-refused' });
      expect(refused.status).toBe(500);
    } finally {
      await sql`drop trigger refuse_token_audit${sql.raw(h().dialect === 'postgres' ? ' on audit_logs' : '')}`.execute(db);
    }
    expect(await rowsOf()).toEqual(before);

    const created = await Promise.all(Array.from({ length: 24 }, (_, i) => api(h()).createToken(partner, { tokenType: 'FORM', clientId: `client-${i}` })));
    expect(created.map((res) => res.status)).toEqual(Array(24).fill(201));
    expect(await rowsOf()).toEqual(before.map((n) => n + 24));
    expect(await verifyAuditChain({ db, partnerId: partner.partnerId })).toMatchObject({ broken: null });
  });

  it('creates a token with the documented defaults, exactly the documented fields, and a reserved company', async () => {
    const partner = await h().partner();
    const res = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'client-1' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json).sort()).toEqual(TOKEN_FIELDS);
    expect(contractErrors('KybToken', res.json)).toEqual([]);
    expect(res.json).toMatchObject({
      tokenType: 'FORM',
      clientId: 'client-1',
      isActive: true,
      isValid: true,
      externalRef: null,
      locale: null,
      flow: null,
      theme: null,
      tags: [],
      scanRefs: null,
    });
    expect(Date.parse(res.json.expiration)).toBe(h().clock.now() + 3600_000);
    expect(res.json.tokenString).toMatch(/^[A-Za-z0-9]{40}$/);
    const company = await h().database.db.selectFrom('companies').selectAll().where('id', '=', res.json.companyId).executeTakeFirst();
    expect(company).toMatchObject({ partner_id: partner.partnerId, client_id: 'client-1', status: 'PENDING' });
  });

  it('stores the token string only as a keyed hash', async () => {
    const partner = await h().partner();
    const res = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c' });
    const rows = await h().database.db.selectFrom('kyb_tokens').selectAll().where('company_id', '=', res.json.companyId).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(res.json.tokenString);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('echoes every optional field it accepts, at their upper bounds', async () => {
    const partner = await h().partner();
    const body = {
      tokenType: 'GOV2',
      clientId: 'c'.repeat(100),
      lifetime: 2592000,
      externalRef: 'e'.repeat(40),
      locale: 'pt',
      tags: ['t'.repeat(32), 'b', 'c', 'd', 'e'],
      scanRefs: ['s'.repeat(40), 'x'],
      questionnaireRequired: false,
    };
    const res = await api(h()).createToken(partner, body);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      tokenType: 'GOV2',
      clientId: body.clientId,
      externalRef: body.externalRef,
      locale: 'pt',
      tags: body.tags,
      scanRefs: body.scanRefs,
    });
    expect(Date.parse(res.json.expiration)).toBe(h().clock.now() + 2592000_000);
    expect(contractErrors('KybToken', res.json)).toEqual([]);
  });

  it('accepts every one of the 17 locales', async () => {
    const partner = await h().partner();
    for (const locale of LOCALES) {
      const res = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', locale });
      expect(res.status, locale).toBe(201);
    }
  });

  it('issues an already expired token for lifetime 0', async () => {
    const partner = await h().partner();
    const res = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', lifetime: 0 });
    expect(res.status).toBe(201);
    expect(res.json.isValid).toBe(false);
    expect((await api(h()).info(res.json.tokenString)).status).toBe(401);
  });

  it.each([
    ['tokenType missing', { clientId: 'c' }, 'tokenType', 'this field is required'],
    ['tokenType outside the enum', { tokenType: 'KYC', clientId: 'c' }, 'tokenType', 'must be one of: FORM, GOV1, GOV2'],
    ['clientId missing', { tokenType: 'FORM' }, 'clientId', 'this field is required'],
    ['clientId empty', { tokenType: 'FORM', clientId: '' }, 'clientId', 'must not be empty'],
    ['clientId of 101 characters', { tokenType: 'FORM', clientId: 'c'.repeat(101) }, 'clientId', 'must be at most 100 characters'],
    ['clientId as a number', { tokenType: 'FORM', clientId: 5 }, 'clientId', 'must be of type string'],
    ['lifetime below 0', { tokenType: 'FORM', clientId: 'c', lifetime: -1 }, 'lifetime', 'must be >= 0'],
    ['lifetime above 30 days', { tokenType: 'FORM', clientId: 'c', lifetime: 2592001 }, 'lifetime', 'must be <= 2592000'],
    ['lifetime as a string', { tokenType: 'FORM', clientId: 'c', lifetime: '3600' }, 'lifetime', 'must be of type integer'],
    ['lifetime as a fraction', { tokenType: 'FORM', clientId: 'c', lifetime: 1.5 }, 'lifetime', 'must be of type integer'],
    ['externalRef of 41 characters', { tokenType: 'FORM', clientId: 'c', externalRef: 'e'.repeat(41) }, 'externalRef', 'must be at most 40 characters'],
    ['an unknown locale', { tokenType: 'FORM', clientId: 'c', locale: 'xx' }, 'locale', `must be one of: ${LOCALES.join(', ')}`],
    ['flow that is not a uuid', { tokenType: 'FORM', clientId: 'c', flow: 'abc' }, 'flow', 'must be a valid uuid'],
    ['theme that is not a uuid', { tokenType: 'FORM', clientId: 'c', theme: 'abc' }, 'theme', 'must be a valid uuid'],
    ['an empty questionnaire key', { tokenType: 'FORM', clientId: 'c', questionnaire: '' }, 'questionnaire', 'must not be empty'],
    [
      'questionnaireRequired as a string',
      { tokenType: 'FORM', clientId: 'c', questionnaireRequired: 'true' },
      'questionnaireRequired',
      'must be of type boolean',
    ],
    ['six tags', { tokenType: 'FORM', clientId: 'c', tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags', 'must have at most 5 items'],
    ['a tag of 33 characters', { tokenType: 'FORM', clientId: 'c', tags: ['t'.repeat(33)] }, 'tags.0', 'must be at most 32 characters'],
    ['an empty tag', { tokenType: 'FORM', clientId: 'c', tags: [''] }, 'tags.0', 'must not be empty'],
    ['a tag with a comma', { tokenType: 'FORM', clientId: 'c', tags: ['a,b'] }, 'tags.0', 'must not contain commas'],
    ['a scan ref of 41 characters', { tokenType: 'FORM', clientId: 'c', scanRefs: ['s'.repeat(41)] }, 'scanRefs.0', 'must be at most 40 characters'],
    ['an empty scan ref', { tokenType: 'FORM', clientId: 'c', scanRefs: [''] }, 'scanRefs.0', 'must not be empty'],
    ['a scan ref with a comma', { tokenType: 'FORM', clientId: 'c', scanRefs: ['a,b'] }, 'scanRefs.0', 'must not contain commas'],
    ['an unknown property', { tokenType: 'FORM', clientId: 'c', lifeTime: 5 }, 'lifeTime', 'unknown field'],
  ])('rejects %s with 400 VALIDATION_ERROR naming the field and rule, and creates nothing', async (_name, body, field, message) => {
    const partner = await h().partner();
    const res = await api(h()).createToken(partner, body);
    expect(res.status).toBe(400);
    expect(res.json.identifier).toBe('VALIDATION_ERROR');
    expect(res.json.message[field]).toContain(message);
    const count = await h()
      .database.db.selectFrom('kyb_tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('partner_id', '=', partner.partnerId)
      .executeTakeFirst();
    expect(Number(count!.n)).toBe(0);
  });

  it('names every offending field in one validation error', async () => {
    const partner = await h().partner();
    const res = await api(h()).createToken(partner, { tokenType: 'X', clientId: '', tags: ['a,b'], extra: 1 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.message).sort()).toEqual(['clientId', 'extra', 'tags.0', 'tokenType']);
  });

  it('rejects a body that is not a JSON object, and malformed JSON', async () => {
    const partner = await h().partner();
    const array = await api(h()).createToken(partner, '[]');
    expect(array.status).toBe(400);
    expect(array.json.message.body).toEqual(['must be a JSON object']);
    const malformed = await api(h()).createToken(partner, '{"tokenType": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json.identifier).toBe('JSON_ERROR');
    const empty = await api(h()).call('POST', '/kyb/tokens/', partner.auth);
    expect(empty.status).toBe(400);
    expect(empty.json.identifier).toBe('VALIDATION_ERROR');
  });

  it('accepts another partner\'s flow or theme id as "unknown", never using it', async () => {
    const a = await h().partner('A');
    const b = await h().partner('B');
    const flow = await api(h()).call('POST', '/v1/flows/', a.auth, { name: 'A flow' });
    const theme = await api(h()).call('POST', '/v1/themes/', a.auth, { name: 'A theme' });
    const withFlow = await api(h()).createToken(b, { tokenType: 'FORM', clientId: 'c', flow: flow.json.id });
    expect(withFlow.status).toBe(400);
    expect(withFlow.json.message.flow).toEqual([`no flow with id "${flow.json.id}"`]);
    const withTheme = await api(h()).createToken(b, { tokenType: 'FORM', clientId: 'c', theme: theme.json.id });
    expect(withTheme.status).toBe(400);
    expect(withTheme.json.message.theme).toEqual([`no theme with id "${theme.json.id}"`]);
    expect((await api(h()).createToken(a, { tokenType: 'FORM', clientId: 'c', flow: flow.json.id, theme: theme.json.id })).status).toBe(201);
  });

  it('refuses a deleted flow, and an unknown questionnaire key', async () => {
    const partner = await h().partner();
    const flow = await api(h()).call('POST', '/v1/flows/', partner.auth, { name: 'F' });
    await api(h()).call('DELETE', `/v1/flows/${flow.json.id}/`, partner.auth);
    const res = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', flow: flow.json.id });
    expect(res.status).toBe(400);
    const unknown = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire: 'nope' });
    expect(unknown.json.message.questionnaire).toEqual(['no questionnaire with key "nope"']);
  });
});
