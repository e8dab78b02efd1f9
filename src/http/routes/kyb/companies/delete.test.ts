import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { base64, pdfDocument } from '../../../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../../../test/harness.js';
import { startReceiver } from '../../../../../test/webhook-receiver.js';
import { createEndpoint, testWorker } from '../../../../../test/webhooks.js';
import { recordFlaggedBeneficiary, submittedCompany } from '../../../../../test/companies.js';

const NAME = 'Quetzalcoatl Holdings';
const REG = 'QX-99173';
const PERSON = 'Kavaliauskait';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every byte the database holds: the SQLite files after a checkpoint, or every PostgreSQL row as text. */
async function rawDatabase(h: Harness): Promise<string> {
  if (h.dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(h.database.db);
    return filesUnder(h.config.dataDir)
      .filter((f) => f.includes('openkyb.sqlite'))
      .map((f) => readFileSync(f).toString('latin1'))
      .join('\n');
  }
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
    h.database.db,
  );
  const texts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(h.database.db);
    texts.push(...rows.rows.map((r) => r.row));
  }
  return texts.join('\n');
}

describeEachDialect('DELETE /kyb/companies/{id}/', (h) => {
  it('erases the company from the database and the file store, keeps id-only audit rows and sends COMPANY_DELETE', async () => {
    const receiver = await startReceiver();
    try {
      const partner = await h().partner();
      await createEndpoint(h(), partner, `${receiver.url}/hook`, { eventTypes: ['COMPANY_SUBMIT', 'COMPANY_DELETE'] });
      const s = await submittedCompany(h(), { partner, company: { companyName: NAME, registrationNumber: REG } });
      const { call } = api(h());
      const upload = await call('POST', `/kyb/forms/${s.companyId}/documents/`, partner.auth, {
        type: 'INCORPORATION_CERT',
        file: base64(pdfDocument(`${NAME} ${REG}`)),
      });
      expect(upload.status).toBe(201);
      await recordFlaggedBeneficiary(h(), s);
      await call('POST', `/v1/companies/${s.companyId}/comments/`, partner.auth, { content: `About ${NAME}` });
      const before = await rawDatabase(h());
      expect(before).toContain(NAME);
      expect(before).toContain(PERSON);
      // The document is stored (encrypted per company, so its text is not visible in the file).
      const storedBefore = filesUnder(h().config.dataDir).filter((f) => f.includes(`${path.sep}files${path.sep}`));
      expect(storedBefore.length).toBeGreaterThan(0);

      const res = await call('DELETE', `/kyb/companies/${s.companyId}/`, partner.auth);
      expect(res.status).toBe(204);

      const after = await rawDatabase(h());
      for (const secret of [NAME, REG, PERSON, 'Acme', 'ops@acme.example']) expect(after.includes(secret), secret).toBe(false);
      const stored = filesUnder(h().config.dataDir).filter((f) => f.includes(`${path.sep}files${path.sep}`));
      expect(stored.filter((f) => readFileSync(f).includes(NAME))).toEqual([]);
      expect(stored.filter((f) => storedBefore.includes(f))).toEqual([]);
      const audit = await h().database.db.selectFrom('audit_logs').select('action').where('company_id', '=', s.companyId).execute();
      expect(audit.map((a) => a.action)).toContain('FORM_SUBMITTED');
      expect(audit.map((a) => a.action)).toContain('COMPANY_DELETED');
      expect((await call('GET', `/kyb/companies/${s.companyId}/`, partner.auth)).status).toBe(404);
      expect((await call('GET', '/kyb/info/', s.bearer)).status).toBe(401);

      const { worker } = testWorker(h());
      while ((await worker.runOnce()) > 0);
      await receiver.waitFor(2);
      const deleted = receiver.requests.find((r) => r.headers['idenfy-event-type'] === 'COMPANY_DELETE')!;
      const body = JSON.parse(deleted.body.toString('utf8'));
      expect(contractErrors('CompanyDeleteWebhook', body)).toEqual([]);
      expect(body).toEqual({ companyId: s.companyId, date: new Date(h().clock.now()).toISOString(), manager: null });
      const submitted = receiver.requests.find((r) => r.headers['idenfy-event-type'] === 'COMPANY_SUBMIT')!;
      expect(JSON.parse(submitted.body.toString('utf8'))).toEqual({ id: s.companyId });
    } finally {
      await receiver.close();
    }
  });

  it("answers 404 for another partner's company and an unknown id, deleting nothing", async () => {
    const s = await submittedCompany(h());
    const other = await h().partner('Other');
    const { call } = api(h());
    expect((await call('DELETE', `/kyb/companies/${s.companyId}/`, other.auth)).status).toBe(404);
    expect((await call('DELETE', '/kyb/companies/unknown/', s.partner.auth)).status).toBe(404);
    expect((await call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth)).status).toBe(200);
  });
});
