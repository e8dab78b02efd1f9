import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGovChecksWorker } from '../../../../jobs/gov-checks-worker.js';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect, type TestPartner } from '../../../../../test/harness.js';
import { startReceiver, type Receiver } from '../../../../../test/webhook-receiver.js';
import { createEndpoint, testWorker } from '../../../../../test/webhooks.js';

const ORDERS = '/api/v2/gov-ordered-documents/';
const SOS = '/api/v2/sos-filing-documents/';
const RCC = '/api/v2/registry-center-checks/';
const MINUTE = 60_000;

const order = (over: Record<string, unknown> = {}) => ({
  countryCode: 'GB',
  registrationNumber: '09000001',
  companyName: 'Sandbox Trading Ltd',
  productKey: 'doc-incorporation',
  ...over,
});
const sosBody = (over: Record<string, unknown> = {}) => ({
  companyName: 'Acme Sanctioned LLC',
  state: 'DE',
  city: 'Dover',
  street: '1 Main St',
  postalCode: '19901',
  ...over,
});

describeEachDialect(
  'GOV checks against the sandbox register',
  (h) => {
    let partner: TestPartner;
    let other: TestPartner;
    let receiver: Receiver;
    const call = (method: string, url: string, body?: unknown, who?: TestPartner) => api(h()).call(method, url, (who ?? partner).auth, body);
    const worker = () => createGovChecksWorker({ ctx: h().ctx, logger: h().ctx.logger });
    const count = async (table: 'gov_document_orders' | 'sos_reports' | 'registry_center_checks') =>
      Number(
        (
          await h()
            .database.db.selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    /** Orders and runs the worker until the order is final, advancing the clock past each retry. */
    const ordered = async (body: Record<string, unknown>) => {
      const before = new Set(((await call('GET', ORDERS)).json as { id: string }[]).map((o) => o.id));
      const res = await call('POST', `${ORDERS}document-order/`, body);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const list = (await call('GET', ORDERS)).json as { id: string }[];
      const created = list.filter((o) => !before.has(o.id));
      expect(created).toHaveLength(1);
      return created[0]!.id;
    };
    const settleAll = async (rounds = 6) => {
      for (let round = 0; round < rounds; round++) {
        await worker().runOnce();
        h().clock.advance(31 * MINUTE);
      }
    };

    beforeAll(async () => {
      partner = await h().partner('Gov partner');
      other = await h().partner('Other partner');
      receiver = await startReceiver();
      await createEndpoint(h(), partner, receiver.url, { eventTypes: ['GOV_ORDERED_DOCUMENT', 'SOS_REPORT'] });
    });
    afterAll(async () => {
      await receiver.close();
    });

    it('lists a found company’s register documents in iDenfy’s shape, free in the UK, priced elsewhere', async () => {
      const res = await call('GET', `${ORDERS}available-documents/?countryCode=GB&registrationNumber=09000001`);
      expect(res.status).toBe(200);
      expect(contractErrors('GovRegistersAvailableDocuments', res.json)).toEqual([]);
      expect(res.json.products.map((p: { id: string }) => p.id)).toEqual(['doc-incorporation', 'doc-accounts-2025', 'doc-fails', 'doc-silent']);
      expect(res.json.products.every((p: { price: number; canOrder: boolean }) => p.price === 0 && p.canOrder)).toBe(true);
      expect(res.json.products[0]).toMatchObject({ companyName: 'Sandbox Trading Ltd', countryISO: 'GB', companyCode: '09000001', status: 'NOT_ORDERED' });
      const lt = await call('GET', `${ORDERS}available-documents/?countryCode=LT&registrationNumber=300000004`);
      expect(lt.json.products.find((p: { id: string }) => p.id === 'doc-archive')).toMatchObject({
        price: 2500,
        priceTag: '25.00 EUR',
        deliveryTimeMinutes: 30,
      });
    });

    it('answers 400 for a country no register serves, a malformed or unknown number, and 502 when the register fails, stores nothing', async () => {
      const cases: [string, number, string][] = [
        ['countryCode=AL&registrationNumber=1', 400, 'countryCode'],
        ['countryCode=XX&registrationNumber=1', 400, 'countryCode'],
        ['countryCode=GB&registrationNumber=not%20a%20number', 400, 'registrationNumber'],
        ['countryCode=GB&registrationNumber=09000404', 400, 'registrationNumber'],
        ['countryCode=GB', 400, 'registrationNumber'],
        ['countryCode=GB&registrationNumber=09000408', 502, ''],
        ['countryCode=GB&registrationNumber=09000500', 502, ''],
        ['countryCode=GB&registrationNumber=09000502', 502, ''],
      ];
      for (const [query, status, field] of cases) {
        const res = await call('GET', `${ORDERS}available-documents/?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status });
        expect(res.json).toMatchObject({ identifier: status === 400 ? 'VALIDATION_ERROR' : 'REGISTRY_UNAVAILABLE', severity: expect.any(String) });
        if (field) expect(Object.keys(res.json.message).some((key) => key.endsWith(field))).toBe(true);
      }
      expect(cases).toHaveLength(8);
      expect(await count('gov_document_orders')).toBe(0);
    });

    it('refuses an unknown product or a refused number with 400 and no order', async () => {
      for (const body of [order({ productKey: 'nope' }), order({ registrationNumber: '09000404' }), order({ countryCode: 'AL' }), { ...order(), extra: 1 }]) {
        const res = await call('POST', `${ORDERS}document-order/`, body);
        expect(res.status).toBe(400);
        expect(res.json.identifier).toBe('VALIDATION_ERROR');
      }
      expect(await count('gov_document_orders')).toBe(0);
    });

    it('delivers an ordered document through the worker: stored file, FINISHED, GOV_ORDERED_DOCUMENT with the spec’s payload', async () => {
      const id = await ordered(order());
      const pending = await call('GET', `${ORDERS}${id}/`);
      expect(pending.json).toMatchObject({ id, status: 'IN_PROGRESS', productKey: 'doc-incorporation', file: null, deliveredAt: null, price: 0 });
      expect(contractErrors('GovPartnerOrderedDocument', pending.json)).toEqual([]);

      expect(await worker().runOnce()).toBe(1);
      const done = await call('GET', `${ORDERS}${id}/`);
      expect(done.json).toMatchObject({ status: 'FINISHED', documentFormat: 'pdf', title: 'Certificate of incorporation', deliveredAt: expect.any(String) });
      expect(contractErrors('GovPartnerOrderedDocument', done.json)).toEqual([]);
      const file = await api(h()).call('GET', new URL(done.json.file).pathname + new URL(done.json.file).search, null);
      expect(file.status).toBe(200);
      expect(file.text.startsWith('%PDF-')).toBe(true);
      expect(file.text).not.toContain('%PDF-ENCRYPTED');

      const { worker: webhooks } = testWorker(h());
      await webhooks.runOnce();
      await receiver.waitFor(1);
      const sent = receiver.requests.map((r) => ({ type: r.headers['idenfy-event-type'], body: JSON.parse(r.body.toString()) }));
      const event = sent.find((e) => e.body.id === id);
      expect(event?.type).toBe('GOV_ORDERED_DOCUMENT');
      expect(contractErrors('GovPartnerOrderedDocument', event!.body)).toEqual([]);
      expect(event!.body).toMatchObject({ status: 'FINISHED', productKey: 'doc-incorporation' });
      // The stored blob is sealed like every other document's file.
      const stored = await h().database.db.selectFrom('stored_files').select(['company_id']).where('company_id', '=', id).execute();
      expect(stored).toHaveLength(1);
    });

    it('retries a failing register with backoff, then ends FAILED; a silent one ends TIMED_OUT', async () => {
      const failing = await ordered(order({ productKey: 'doc-fails' }));
      const silent = await ordered(order({ productKey: 'doc-silent' }));
      await worker().runOnce();
      const first = await h().database.db.selectFrom('gov_document_orders').selectAll().where('id', 'in', [failing, silent]).orderBy('product_key').execute();
      expect(first.map((r) => [r.status, r.attempts, r.last_error])).toEqual([
        ['IN_PROGRESS', 1, 'failure'],
        ['IN_PROGRESS', 1, 'timeout'],
      ]);
      expect(first.every((r) => r.next_attempt_at! > h().clock.now())).toBe(true);
      await settleAll();
      const last = await h().database.db.selectFrom('gov_document_orders').selectAll().where('id', 'in', [failing, silent]).orderBy('product_key').execute();
      const attempts = h().config.registryRetryScheduleMs.length + 1;
      expect(last.map((r) => [r.status, r.attempts, r.next_attempt_at])).toEqual([
        ['FAILED', attempts, null],
        ['TIMED_OUT', attempts, null],
      ]);
    });

    it('takes an order while the register is down and lets the worker settle it', async () => {
      const id = await ordered(order({ registrationNumber: '09000408', productKey: 'doc-accounts-2025' }));
      const row = await h().database.db.selectFrom('gov_document_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'IN_PROGRESS', title: null, last_error: 'timeout' });
      await settleAll();
      expect((await call('GET', `${ORDERS}${id}/`)).json.status).toBe('TIMED_OUT');
    });

    it('delivers a slow document only once the register has it, then on the next pass', async () => {
      const id = await ordered(
        order({ countryCode: 'LT', registrationNumber: '300000004', productKey: 'doc-archive', companyName: 'Slow Archive Holdings UAB' }),
      );
      await worker().runOnce();
      const waiting = (await call('GET', `${ORDERS}${id}/`)).json;
      expect(waiting).toMatchObject({ status: 'IN_PROGRESS', price: 25 });
      expect(Date.parse(waiting.expectedDeliveryTime)).toBe(h().clock.now() + 30 * MINUTE);
      h().clock.advance(30 * MINUTE);
      await worker().runOnce();
      expect((await call('GET', `${ORDERS}${id}/`)).json).toMatchObject({ status: 'FINISHED', file: expect.stringContaining('/v1/files/') });
    });

    it('filters and orders the list as iDenfy documents, and refuses an unknown ordering', async () => {
      const all = (await call('GET', ORDERS)).json as { id: string; status: string }[];
      expect(all.length).toBeGreaterThanOrEqual(5);
      const finished = (await call('GET', `${ORDERS}?status=FINISHED`)).json as { status: string }[];
      expect(finished.length).toBeGreaterThan(0);
      expect(finished.every((o) => o.status === 'FINISHED')).toBe(true);
      const byTime = (await call('GET', `${ORDERS}?orderBy=orderTime`)).json as { id: string }[];
      const byTimeDesc = (await call('GET', `${ORDERS}?orderBy=-orderTime`)).json as { id: string }[];
      expect(byTime.map((o) => o.id)).not.toEqual(byTimeDesc.map((o) => o.id));
      expect((await call('GET', `${ORDERS}?orderedAfter=2099-01-01T00:00:00Z`)).json).toEqual([]);
      expect((await call('GET', `${ORDERS}?title=Certificate%20of%20incorporation`)).json.length).toBe(1);
      expect((await call('GET', `${ORDERS}?documentFormat=pdf&status=TIMED_OUT`)).json.length).toBeGreaterThan(0);
      const bad = await call('GET', `${ORDERS}?orderBy=price`);
      expect(bad.status).toBe(400);
      expect(bad.json.message).toHaveProperty('orderBy');
      expect((await call('GET', `${ORDERS}?status=DONE`)).status).toBe(400);
      for (const query of ['orderedAfter=2026-02-30T10:00:00Z', 'deliveredBefore=2026-13-01T00:00:00Z', 'expectedDeliveryAfter=2026-06-30T23:59:60Z']) {
        const res = await call('GET', `${ORDERS}?${query}`);
        const field = query.split('=')[0]!;
        expect({ query, status: res.status, fields: Object.keys(res.json.message ?? {}) }).toEqual({ query, status: 400, fields: [`querystring.${field}`] });
      }
    });

    it('shows one partner’s orders and reports to nobody else', async () => {
      const [mine] = (await call('GET', ORDERS)).json as { id: string }[];
      expect(mine).toBeDefined();
      expect((await call('GET', `${ORDERS}${mine!.id}/`, undefined, other)).status).toBe(404);
      expect((await call('GET', ORDERS, undefined, other)).json).toEqual([]);
      expect((await call('GET', `${ORDERS}not-a-uuid/`)).status).toBe(404);
      expect((await api(h()).call('GET', ORDERS, null)).status).toBe(401);
    });

    it('creates a Secretary-of-State report, delivers it with JSON and PDF files, and sends SOS_REPORT', async () => {
      const created = await call('POST', SOS, sosBody());
      expect(created.status).toBe(201);
      expect(contractErrors('SosReportDocument', created.json)).toEqual([]);
      expect(created.json).toMatchObject({ status: 'IN_PROGRESS', dataFile: null, reportFile: null });
      await worker().runOnce();
      const done = (await call('GET', `${SOS}${created.json.id}/`)).json;
      expect(done).toMatchObject({
        status: 'FINISHED',
        companyName: 'ACME SANCTIONED LLC',
        entityType: 'LLC',
        watchlistHitsCount: 1,
        formationDate: '2012-05-04',
      });
      expect(contractErrors('SosReportDocument', done)).toEqual([]);
      const data = await api(h()).call('GET', new URL(done.dataFile).pathname + new URL(done.dataFile).search, null);
      expect(data.json).toMatchObject({ entityType: 'LLC', state: 'DE' });

      const { worker: webhooks } = testWorker(h());
      const before = receiver.requests.length;
      await webhooks.runOnce();
      await receiver.waitFor(before + 1);
      const sos = receiver.requests
        .map((r) => ({ type: r.headers['idenfy-event-type'], body: JSON.parse(r.body.toString()) }))
        .find((e) => e.body.id === created.json.id);
      expect(sos?.type).toBe('SOS_REPORT');
      expect(contractErrors('SosReportWebhook', sos!.body)).toEqual([]);
    });

    it('ends an SOS report whose vendor fails FAILED after the retries, and one nobody knows FINISHED with no data', async () => {
      const failing = (await call('POST', SOS, sosBody({ postalCode: '19500' }))).json.id;
      const unknown = (await call('POST', SOS, sosBody({ postalCode: '19404' }))).json.id;
      await settleAll();
      expect((await call('GET', `${SOS}${failing}/`)).json.status).toBe('FAILED');
      expect((await call('GET', `${SOS}${unknown}/`)).json).toMatchObject({ status: 'FINISHED', companyName: null, dataFile: null, reportFile: null });
      expect(((await call('GET', `${SOS}?status=FAILED`)).json as { id: string }[]).map((r) => r.id)).toEqual([failing]);
      expect((await call('GET', `${SOS}?checkedAt=2099-01-01T00:00:00Z,`)).json).toEqual([]);
      const impossible = await call('GET', `${SOS}?checkedAt=2026-02-30T10:00:00Z,`);
      expect({ status: impossible.status, message: impossible.json.message }).toEqual({
        status: 400,
        message: { checkedAt: ['"2026-02-30T10:00:00Z" is not a date-time'] },
      });
      expect((await call('GET', `${SOS}${failing}/`, undefined, other)).status).toBe(404);
    });

    it('refuses a malformed SOS request with 400 and stores nothing', async () => {
      const before = await count('sos_reports');
      for (const body of [sosBody({ postalCode: '1234' }), sosBody({ state: 'DC' }), sosBody({ companyName: '' })]) {
        expect((await call('POST', SOS, body)).status).toBe(400);
      }
      expect(await count('sos_reports')).toBe(before);
    });

    it('runs registry-center checks for LT, HU, UK and US_15 in iDenfy’s shapes', async () => {
      const bodies = [
        { database: 'LT', checkedPersonalNumber: '38001010001', clientId: 'client-lt' },
        { database: 'HU', checkedMrz: 'I<HUN123456AB<<<<<<<<<<<<<<<001' },
        {
          database: 'UK',
          firstName: 'Jane',
          lastName: 'Sample',
          dateOfBirth: '1980-04-02',
          address: { street: '1 Sandbox Street', city: 'London', postCode: 'EC1A 1BB' },
        },
        { database: 'US_15', firstName: 'John', lastName: 'Sample', dob: '1970-01-01', zip: '19802' },
      ];
      const results = [];
      for (const body of bodies) {
        const res = await call('POST', RCC, body);
        expect({ database: body.database, status: res.status, body: res.status === 201 ? null : res.json }).toEqual({
          database: body.database,
          status: 201,
          body: null,
        });
        expect(contractErrors('RegistryCenterCheck', res.json)).toEqual([]);
        results.push(res.json);
      }
      expect(results[0]).toMatchObject({ database: 'LT', name: 'JONAS', personalNumber: '38001010001', clientId: 'client-lt' });
      expect(results[1]).toMatchObject({ database: 'HU', firstName: 'Anna', nationality: 'HU' });
      expect(results[2]).toMatchObject({ firstNameStatus: 'MATCH', dateOfBirthStatus: 'MATCH', addressStatus: 'MATCH', addressStatusScore: 1 });
      expect(results[3]).toMatchObject({ firstNameStatus: 'MATCH', dobStatus: 'MATCH', zipStatus: 'NO_MATCH', emailStatus: 'NO_INPUT' });

      const listed = (await call('GET', RCC)).json as { id: string }[];
      expect(listed).toHaveLength(4);
      expect(contractErrors('RegistryCenterCheck', listed[0])).toEqual([]);
      expect(((await call('GET', `${RCC}?databases=UK&databases=US_15`)).json as { database: string }[]).map((c) => c.database).sort()).toEqual([
        'UK',
        'US_15',
      ]);
      expect(((await call('GET', `${RCC}?status=PARTIAL_MATCH`)).json as { database: string }[]).map((c) => c.database)).toEqual(['US_15']);
      expect(((await call('GET', `${RCC}?name=jane&surname=SAMPLE`)).json as { database: string }[]).map((c) => c.database)).toEqual(['UK']);
      expect(((await call('GET', `${RCC}?checkedFields=zip&checkedFields=dob`)).json as { database: string }[]).map((c) => c.database)).toEqual(['US_15']);
      expect(((await call('GET', `${RCC}?clientId=client-lt`)).json as { database: string }[]).map((c) => c.database)).toEqual(['LT']);
      expect((await call('GET', RCC, undefined, other)).json).toEqual([]);
      // Personal data is sealed at rest.
      const raw = await h().database.db.selectFrom('registry_center_checks').select('body').execute();
      expect(raw.some((r) => r.body.includes('Sample') || r.body.includes('JONAS'))).toBe(false);
      expect(raw).toHaveLength(4);
    });

    it('answers a register fault on a registry-center check with 502 and a bad request with 400, storing nothing', async () => {
      const before = await count('registry_center_checks');
      for (const lastName of ['Timeout', 'Failure', 'Garbage']) {
        const res = await call('POST', RCC, { database: 'US_15', firstName: 'A', lastName });
        expect({ lastName, status: res.status, identifier: res.json.identifier }).toEqual({ lastName, status: 502, identifier: 'REGISTRY_UNAVAILABLE' });
      }
      for (const body of [
        { database: 'US_1', firstName: 'A', lastName: 'B' },
        { database: 'LT' },
        { database: 'UK', firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01' },
        { database: 'US_15', firstName: 'A', lastName: 'B', dob: '1981-02-29' },
      ]) {
        expect((await call('POST', RCC, body)).status).toBe(400);
      }
      expect(await count('registry_center_checks')).toBe(before);
    });
  },
  { registryTimeoutMs: 100, registryRetryScheduleMs: [MINUTE, 5 * MINUTE] },
);
