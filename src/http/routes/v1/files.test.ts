import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { base64, pngImage } from '../../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../../test/harness.js';
import { startSession, type Session } from '../../../../test/kyb.js';
import { signedInManager, withPartnerAdmin } from '../../../../test/managers.js';
import { auditEntries, countRows } from '../../../../test/rows.js';
import { verifyAuditChain } from '../../../core/audit/verify-chain.js';

/** The path and query of a signed link, for app.inject. */
const pathOf = (link: string) => {
  const url = new URL(link);
  return url.pathname + url.search;
};

describeEachDialect('audited downloads of case files', (h) => {
  const the = withPartnerAdmin(h, 'Downloads');
  const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(h()).call(...args);
  const png = pngImage(4, 4, [200, 10, 10]);

  /** A company with a form and one uploaded document (named like a person's passport scan). */
  async function caseWithDocument(): Promise<Session & { documentId: string }> {
    const s = await startSession(h(), { flow: null, partner: the.partner });
    const uploaded = await call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, {
      type: 'OTHER',
      filename: 'Zydrune passport.png',
      file: base64(png),
    });
    expect(uploaded.status, uploaded.text).toBe(201);
    return { ...s, documentId: uploaded.json.id };
  }

  const documentLink = async (companyId: string, headers: Record<string, string>, auth: string | null = null) => {
    const detail = await call('GET', `/kyb/companies/${companyId}/`, auth, undefined, headers);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json.documents).toHaveLength(1);
    return pathOf(detail.json.documents[0].file as string);
  };

  it("writes a manager's preview or download of a document as document.downloaded, before the bytes, for a viewer too", async () => {
    const viewer = await signedInManager(h(), the.partner, 'viewer');
    const s = await caseWithDocument();
    const link = await documentLink(s.companyId, viewer.read);
    expect(link).toContain(`viewer=manager.${viewer.id}`);

    const first = await h().app.inject({ method: 'GET', url: link });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.rawPayload).toEqual(png);
    await call('GET', link, null);

    const rows = await auditEntries(h(), s.companyId, 'document.downloaded');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ partner_id: the.partner.partnerId, actor_type: 'manager', actor_id: String(viewer.id) });
    expect(JSON.parse(rows[0]!.details)).toEqual({ managerId: viewer.id, documentId: s.documentId, fileId: link.split('/')[3]!.split('?')[0] });
    // Ids only: the file's name (personal data) is in no entry.
    expect(rows.map((r) => r.details).join()).not.toContain('passport');

    // The auditor's timeline shows it with readable text; the chain still verifies.
    const auditor = await signedInManager(h(), the.partner, 'auditor');
    const timeline = (await call('GET', `/kyb/companies/${s.companyId}/`, null, undefined, auditor.read)).json.auditLogs.logs;
    const downloads = timeline.filter((l: { identifier: string }) => l.identifier === 'document.downloaded');
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({ text: 'Document viewed or downloaded', manager: { id: viewer.id } });
    const report = await verifyAuditChain({ db: h().database.db, partnerId: the.partner.partnerId });
    expect(report.broken).toBeNull();
  });

  it('refuses a link whose viewer, partner or document was changed or removed, and writes nothing', async () => {
    const viewer = await signedInManager(h(), the.partner, 'viewer');
    const s = await caseWithDocument();
    const link = await documentLink(s.companyId, viewer.read);
    const before = await countRows(h(), 'audit_logs');
    const forged = [
      link.replace(`viewer=manager.${viewer.id}`, `viewer=manager.${the.admin.id}`),
      link
        .replace(/&?partner=[^&]+/, '')
        .replace(/&?viewer=[^&]+/, '')
        .replace(/&?document=[^&]+/, ''),
      link.replace(/document=[^&]+/, 'document=other'),
      link.replace(/partner=[^&]+/, 'partner=another'),
    ];
    expect(new Set(forged).size).toBe(4);
    for (const url of forged) {
      expect(url).not.toBe(link);
      const res = await call('GET', url, null);
      expect(res.status).toBe(404);
      expect(res.json.identifier).toBe('NOT_FOUND');
    }
    expect(await countRows(h(), 'audit_logs')).toBe(before);
  });

  it("stops a disabled manager's outstanding links", async () => {
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    const s = await caseWithDocument();
    const link = await documentLink(s.companyId, reviewer.read);
    expect((await call('PATCH', `/v1/managers/${reviewer.id}/`, null, { disabled: true }, the.admin.write)).status).toBe(200);
    const res = await call('GET', link, null);
    expect(res.status).toBe(404);
    expect(await auditEntries(h(), s.companyId, 'document.downloaded')).toEqual([]);
  });

  it("audits a key pair's downloads as the partner's key, and leaves the client's own links unaudited", async () => {
    const s = await caseWithDocument();
    const keyLink = await documentLink(s.companyId, {}, the.partner.auth);
    expect((await call('GET', keyLink, null)).status).toBe(200);
    const keyId =
      the.partner.ctx.keyId ??
      (await h().database.db.selectFrom('api_keys').select('id').where('partner_id', '=', the.partner.partnerId).executeTakeFirstOrThrow()).id;
    expect(await auditEntries(h(), s.companyId, 'document.downloaded')).toMatchObject([{ actor_type: 'partner', actor_id: keyId }]);

    const own = await call('GET', `/kyb/forms/${s.companyId}/documents/${s.documentId}/`, s.bearer);
    expect(own.status).toBe(200);
    const clientLink = pathOf(own.json.file as string);
    expect(clientLink).not.toContain('viewer=');
    expect((await call('GET', clientLink, null)).status).toBe(200);
    expect(await auditEntries(h(), s.companyId, 'document.downloaded')).toHaveLength(1);
  });

  it('writes dossier.downloaded before handing out the PDF dossier, naming the manager or the key pair', async () => {
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    const s = await caseWithDocument();
    const byManager = await call('POST', `/kyb/companies/${s.companyId}/pdf/`, null, {}, reviewer.write);
    expect(byManager.status, byManager.text).toBe(200);
    expect(byManager.headers['content-type']).toBe('application/pdf');
    expect((await call('POST', `/kyb/companies/${s.companyId}/pdf/`, the.partner.auth, { content: ['SUBMITTED_COMPANY_INFO'] })).status).toBe(200);
    const rows = await auditEntries(h(), s.companyId, 'dossier.downloaded');
    expect(rows.map((r) => [r.actor_type, JSON.parse(r.details).managerId ?? null])).toEqual([
      ['manager', reviewer.id],
      ['partner', null],
    ]);
    expect(JSON.parse(rows[1]!.details)).toEqual({ parts: ['SUBMITTED_COMPANY_INFO'], isEncrypted: false });
    expect((await verifyAuditChain({ db: h().database.db, partnerId: the.partner.partnerId })).broken).toBeNull();
  });

  it('serves no bytes when the audit entry cannot be written', async () => {
    const viewer = await signedInManager(h(), the.partner, 'viewer');
    const s = await caseWithDocument();
    const link = await documentLink(s.companyId, viewer.read);
    await refuseAuditInserts(h(), true);
    try {
      const download = await call('GET', link, null);
      expect(download.status).toBe(500);
      expect(download.text).not.toContain('PNG');
      const dossier = await call('POST', `/kyb/companies/${s.companyId}/pdf/`, the.partner.auth, {});
      expect(dossier.status).toBe(500);
      expect(dossier.headers['content-type']).toContain('application/json');
    } finally {
      await refuseAuditInserts(h(), false);
    }
    expect(await auditEntries(h(), s.companyId, 'document.downloaded')).toEqual([]);
  });
});

/** A trigger that makes every download entry fail, as a full disk or a lost connection would. */
async function refuseAuditInserts(h: Harness, isOn: boolean): Promise<void> {
  const db = h.database.db;
  if (h.dialect === 'sqlite') {
    if (isOn) {
      await sql`create trigger refuse_downloads before insert on audit_logs when new.action like '%.downloaded' begin select raise(abort, 'refused'); end`.execute(
        db,
      );
    } else await sql`drop trigger refuse_downloads`.execute(db);
    return;
  }
  if (isOn) {
    await sql`create or replace function refuse_downloads() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(db);
    await sql`create trigger refuse_downloads before insert on audit_logs for each row when (new.action like '%.downloaded') execute function refuse_downloads()`.execute(
      db,
    );
  } else {
    await sql`drop trigger refuse_downloads on audit_logs`.execute(db);
    await sql`drop function refuse_downloads()`.execute(db);
  }
}
