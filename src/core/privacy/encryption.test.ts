import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { base64, pdfDocument } from '../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../test/harness.js';
import { companyBody, startSession } from '../../../test/kyb.js';
import { importUn, screenPending } from '../../../test/screening-cases.js';
import type { Database } from '../../db/tables.js';
import { readStoredFile } from '../files/stored-files.js';
import { openText, SealError, unwrapKey } from './codec.js';
import { KeyScope, MissingKeyError } from './company-keys.js';
import { eraseCompanyKey } from './erase-company-key.js';
import { masterKeyFromFile, masterKeyFromSecret, masterKeyring, generateMasterKeyText } from './master-keys.js';
import { rotateMasterKey } from './rotate-master-key.js';
import { openForCompany } from './seal.js';

const TABLES: (keyof Database)[] = [
  'companies',
  'beneficiaries',
  'documents',
  'stored_files',
  'questionnaire_answers',
  'answer_files',
  'audit_logs',
  'kyb_tokens',
  'idempotency_keys',
  'screening_subjects',
  'screening_hits',
  'webhook_events',
  'company_keys',
];

/** A complete case (company, an individual UBO, documents, answers), submitted, with unique values planted. */
async function completeCase(h: Harness) {
  const tag = randomBytes(6).toString('hex');
  const planted = {
    name: `Ingrida${tag}`,
    surname: `Vaitkute${tag}`,
    dateOfBirth: '1931-02-17',
    personalNumber: `4310217${tag}`,
    address: `Gedimino prospektas ${tag}`,
    email: `owner-${tag}@acme.example`,
    auditor: `Auditor ${tag}`,
    document: `Articles ${tag}`,
    passport: `Passport scan ${tag}`,
    filename: `passport-${tag}.pdf`,
  };
  const s = await startSession(h, { createForm: false });
  const call = api(h).call;
  const form = `/kyb/forms/${s.companyId}`;
  const created = await call('POST', '/kyb/forms/', s.bearer, {
    company: companyBody({ email: planted.email, street: planted.address }),
    clientSystem: { ipAddress: '203.0.113.7', timeZone: 'Europe/Vilnius' },
  });
  expect(created.status).toBe(201);
  const owner = await call('POST', `${form}/beneficiaries/`, s.bearer, {
    beneficiaryTypes: ['UBO'],
    ownershipPercentage: 100,
    info: {
      infoType: 'INDIVIDUAL',
      name: planted.name,
      surname: planted.surname,
      dateOfBirth: planted.dateOfBirth,
      personalNumber: planted.personalNumber,
      address: planted.address,
      nationality: 'LT',
    },
  });
  expect(owner.status).toBe(201);
  expect((await call('POST', `${form}/documents/`, s.bearer, { type: 'INCORPORATION_CERT', file: base64(pdfDocument(planted.document)) })).status).toBe(201);
  const passport = await call('POST', `${form}/beneficiaries/${owner.json.id}/documents/`, s.bearer, {
    type: 'IDENTITY_DOCUMENT',
    filename: planted.filename,
    file: base64(pdfDocument(planted.passport)),
  });
  expect(passport.status).toBe(201);
  const [questionnaire] = (await call('GET', `${form}/questionnaires/`, s.bearer)).json;
  const answers = await call('PUT', `${form}/questionnaires/${questionnaire.id}/answers/`, s.bearer, {
    sections: { activity: { handlesCash: { value: false }, size: { value: 'large' } }, large: { auditor: { value: planted.auditor } } },
  });
  expect(answers.status).toBe(200);
  expect((await call('POST', `${form}/submit/`, s.bearer)).status).toBe(200);
  await screenPending(h);
  return { ...s, planted, ownerId: owner.json.id as string, passportLink: passport.json.file as string };
}

function filesUnder(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];
}

/** Everything at rest: the database (SQLite's file after a checkpoint, or PostgreSQL's rows as text) and the file store. */
async function everythingAtRest(h: Harness): Promise<Buffer[]> {
  const blobs: Buffer[] = [];
  if (h.dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(h.database.db);
    for (const file of filesUnder(h.config.dataDir)) blobs.push(readFileSync(file));
  } else {
    for (const table of TABLES) {
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(h.database.db);
      blobs.push(Buffer.from(rows.rows.map((r) => r.row).join('\n')));
    }
    for (const file of filesUnder(path.join(h.config.dataDir, 'files'))) blobs.push(readFileSync(file));
  }
  expect(blobs.length).toBeGreaterThan(0);
  return blobs;
}

const fileIdOfLink = (link: string) => new URL(link).pathname.split('/').at(-1)!;

describeEachDialect('personal data at rest', (h) => {
  it("stores none of a complete case's names, birth dates, answers or document bytes in clear, and still serves them", async () => {
    const s = await completeCase(h());
    const atRest = await everythingAtRest(h());
    // The scan sees the data: the clear register number is found.
    expect(atRest.some((blob) => blob.includes(Buffer.from('"305123456"')))).toBe(true);
    for (const value of Object.values(s.planted)) {
      expect(
        atRest.some((blob) => blob.includes(Buffer.from(value))),
        value,
      ).toBe(false);
    }
    // The register data stays in clear for search and the back office.
    const company = await h().database.db.selectFrom('companies').select('info').where('id', '=', s.companyId).executeTakeFirstOrThrow();
    expect(JSON.parse(company.info!)).toMatchObject({
      companyName: 'Acme Payments UAB',
      registrationNumber: '305123456',
      $sealed: expect.stringMatching(/^v1:/),
    });

    const call = api(h()).call;
    const form = (await call('GET', `/kyb/forms/${s.companyId}/`, s.partner.auth)).json;
    expect(form.company).toMatchObject({ email: s.planted.email, street: s.planted.address, companyName: 'Acme Payments UAB' });
    expect(form.clientSystem).toEqual({ ipAddress: '203.0.113.7', timeZone: 'Europe/Vilnius' });
    expect(form.beneficiaries[0].info).toMatchObject({ name: s.planted.name, dateOfBirth: s.planted.dateOfBirth, personalNumber: s.planted.personalNumber });
    const link = new URL(s.passportLink);
    const download = await h().app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.includes(Buffer.from(s.planted.passport))).toBe(true);
  });

  it('erases a company: after its key is deleted, no remaining key opens its rows or files', async () => {
    const s = await completeCase(h());
    const other = await completeCase(h());
    const db = h().database.db;
    const sealed = [
      ...(await db.selectFrom('beneficiaries').select('info as value').where('company_id', '=', s.companyId).execute()),
      ...(await db.selectFrom('questionnaire_answers').select('answers as value').where('company_id', '=', s.companyId).execute()),
      { value: JSON.parse((await db.selectFrom('companies').select('info').where('id', '=', s.companyId).executeTakeFirstOrThrow()).info!).$sealed as string },
    ].map((r) => r.value);
    expect(sealed.every((v) => v.startsWith('v1:'))).toBe(true);
    const scope = new KeyScope(h().ctx.keys.ring);
    expect(await openForCompany(db, { keys: scope }, s.companyId, sealed[0]!)).toContain(s.planted.name);

    expect(await eraseCompanyKey({ ctx: { db, keys: scope }, companyId: s.companyId })).toBe(true);
    const fresh = { ...h().ctx, keys: new KeyScope(h().ctx.keys.ring) };
    for (const value of sealed) await expect(openForCompany(db, fresh, s.companyId, value)).rejects.toThrow(MissingKeyError);
    expect(await readStoredFile(fresh, fileIdOfLink(s.passportLink))).toBeNull();
    const link = new URL(s.passportLink);
    expect((await h().app.inject({ method: 'GET', url: link.pathname + link.search })).statusCode).toBe(404);
    // Not with any other company's key either, under any configured master key.
    const remaining = await db.selectFrom('company_keys').selectAll().execute();
    expect(remaining.some((k) => k.company_id === other.companyId)).toBe(true);
    for (const row of remaining) {
      const master = h().ctx.keys.ring.byId.get(row.master_key_id)!;
      const key = unwrapKey(master.key, master.id, row.company_id, row.wrapped_key);
      for (const value of sealed) expect(() => openText(key, s.companyId, value)).toThrow(SealError);
    }
    // The other company is untouched.
    expect((await api(h()).call('GET', `/kyb/forms/${other.companyId}/`, other.partner.auth)).json.beneficiaries[0].info.name).toBe(other.planted.name);
  });

  it('rotates the master key by re-wrapping company keys only; the old master is then no longer needed', async () => {
    const s = await completeCase(h());
    const dir = mkdtempSync(path.join(tmpdir(), 'openkyb-master-'));
    const keyFile = path.join(dir, 'master.key');
    writeFileSync(keyFile, generateMasterKeyText());
    const db = h().database.db;
    const before = await db.selectFrom('beneficiaries').select('info').where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
    const progress: [number, number][] = [];

    const ring = masterKeyring({ secret: h().config.secret, masterKeyFile: keyFile });
    const summary = await rotateMasterKey({
      ctx: { db, clock: h().clock, keys: new KeyScope(ring) },
      onProgress: (done, total) => progress.push([done, total]),
    });
    const count = (
      await db
        .selectFrom('company_keys')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(summary).toEqual({ total: Number(count), rewrapped: Number(count), failed: [] });
    expect(progress.at(-1)).toEqual([Number(count), Number(count)]);
    expect(await rotateMasterKey({ ctx: { db, clock: h().clock, keys: new KeyScope(ring) } })).toEqual({ total: 0, rewrapped: 0, failed: [] });
    expect((await db.selectFrom('beneficiaries').select('info').where('company_id', '=', s.companyId).executeTakeFirstOrThrow()).info).toBe(before.info);

    const fileKey = masterKeyFromFile(keyFile);
    const onlyNew = new KeyScope({ current: fileKey, byId: new Map([[fileKey.id, fileKey]]) });
    expect(await openForCompany(db, { keys: onlyNew }, s.companyId, before.info)).toContain(s.planted.surname);
    const secretKey = masterKeyFromSecret(h().config.secret);
    const onlyOld = new KeyScope({ current: secretKey, byId: new Map([[secretKey.id, secretKey]]) });
    await expect(openForCompany(db, { keys: onlyOld }, s.companyId, before.info)).rejects.toThrow(MissingKeyError);
    // Rotate back, so the other tests' scopes (the secret's key) keep working.
    const back = await rotateMasterKey({
      ctx: { db, clock: h().clock, keys: new KeyScope(masterKeyring({ secret: h().config.secret, previousMasterKeyFile: keyFile })) },
    });
    expect(back.failed).toEqual([]);
  });

  it("seals screening explanations and reviewer comments, which repeat the subject's name", async () => {
    await importUn(h());
    await h().screening.reload();
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
      beneficiaryType: 'UBO',
      ownershipPercentage: 100,
      info: { infoType: 'INDIVIDUAL', name: 'Germain', surname: 'Katanga', dateOfBirth: '1978-04-28' },
    });
    expect((await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer)).status).toBe(200);
    await screenPending(h());
    const hits = await h().database.db.selectFrom('screening_hits').selectAll().where('company_id', '=', s.companyId).execute();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.detail.startsWith('v1:'))).toBe(true);
    const resolved = await call('POST', `/v1/screening/hits/${hits[0]!.id}/resolve/`, s.partner.auth, {
      resolution: 'FALSE_POSITIVE',
      comment: 'Not Germain: other father name.',
    });
    expect(resolved.json).toMatchObject({ resolutionComment: 'Not Germain: other father name.', match: { listedName: 'GERMAIN KATANGA' } });
    const stored = await h().database.db.selectFrom('screening_hits').select('resolution_comment').where('id', '=', hits[0]!.id).executeTakeFirstOrThrow();
    expect(stored.resolution_comment).toMatch(/^v1:/);
  });
});
