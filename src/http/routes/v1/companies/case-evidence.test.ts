import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { api, bearer } from '../../../../../test/api.js';
import { person, recordScreening, submittedCompany } from '../../../../../test/companies.js';
import { base64, pdfDocument, pngImage } from '../../../../../test/files.js';
import { companyBody, startSession } from '../../../../../test/kyb.js';
import { describeEachDialect, type Harness } from '../../../../../test/harness.js';
import { signedInManager } from '../../../../../test/managers.js';
import { auditEntries } from '../../../../../test/rows.js';
import { verifyEvidenceCommand } from '../../../../cli/evidence.js';
import { exportEvidence } from '../../../../core/evidence/export-evidence.js';
import { MANIFEST, sha256 } from '../../../../core/evidence/manifest.js';
import { readTar, writeTar } from '../../../../core/evidence/tar.js';
import { verifyEvidence } from '../../../../core/evidence/verify-evidence.js';

const HOUR = 3_600_000;

async function companyRow(h: Harness, id: string) {
  return h.database.db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A submitted case whose phone, a document and its beneficiary are sent back to the client. */
async function caseSentBack(h: Harness) {
  const s = await submittedCompany(h);
  const items = ['company.phone', 'documents.PROOF_OF_ADDRESS', `beneficiaries.${s.beneficiaryId}`];
  const requested = await api(h).call('POST', `/v1/companies/${s.companyId}/request-info/`, s.partner.auth, { items, message: 'Please correct.' });
  expect(requested.status).toBe(201);
  return { s, client: bearer(requested.json.tokenString) };
}

describeEachDialect('review deadlines', (h) => {
  it('counts from the first submission, stops while the client corrects, and sorts overdue cases first', async () => {
    const partner = await h().partner();
    const levels = { VERY_LOW: 48, LOW: 48, MEDIUM: 48, HIGH: 48, VERY_HIGH: 48, NOT_CHECKED: 48 };
    expect((await api(h()).call('PATCH', '/v1/review-policy/', partner.auth, { deadlineHours: levels })).status).toBe(200);
    const late = await submittedCompany(h(), { partner });
    const submittedAt = h().clock.now();
    expect((await companyRow(h(), late.companyId)).review_due_at).toBe(submittedAt + 48 * HOUR);

    h().clock.advance(10 * HOUR);
    const items = ['company.phone'];
    const requested = await api(h()).call('POST', `/v1/companies/${late.companyId}/request-info/`, partner.auth, { items, message: 'Phone?' });
    expect(requested.status).toBe(201);
    expect(await companyRow(h(), late.companyId)).toMatchObject({ review_due_at: null, review_paused_at: h().clock.now() });
    const list = (ordering = 'deadline') => api(h()).call('GET', `/kyb/companies/?ordering=${ordering}`, partner.auth);
    h().clock.advance(24 * HOUR);
    // Paused: 38 hours left, as at the request, however long the client takes.
    expect((await list()).json.results[0].review.deadline).toMatchObject({ timeLeftMs: 38 * HOUR, isPaused: true });
    // The case page reads the same clock with the case's decision state.
    const caseDeadline = async () => (await api(h()).call('GET', `/v1/companies/${late.companyId}/decision/`, partner.auth)).json.deadline;
    expect(await caseDeadline()).toEqual({ dueAt: new Date(h().clock.now() + 38 * HOUR).toISOString(), timeLeftMs: 38 * HOUR, isPaused: true });

    expect(
      (await api(h()).call('PATCH', `/kyb/forms/${late.companyId}/`, bearer(requested.json.tokenString), { company: { phone: '+37060000009' } })).status,
    ).toBe(200);
    expect((await api(h()).call('POST', `/kyb/forms/${late.companyId}/submit/`, bearer(requested.json.tokenString))).status).toBe(200);
    expect(await companyRow(h(), late.companyId)).toMatchObject({
      review_due_at: submittedAt + 72 * HOUR,
      review_paused_at: null,
      review_paused_ms: 24 * HOUR,
    });

    // A newer case with a shorter clock on its level, and one without any deadline.
    const fresh = await submittedCompany(h(), { partner });
    const level = (await companyRow(h(), fresh.companyId)).risk_level!;
    expect((await api(h()).call('PATCH', '/v1/review-policy/', partner.auth, { deadlineHours: { ...levels, [level]: 1 } })).status).toBe(200);
    // The policy change moved every running clock: the late case's level may be the same one.
    const lateLevel = (await companyRow(h(), late.companyId)).risk_level!;
    expect((await companyRow(h(), late.companyId)).review_due_at).toBe(submittedAt + 24 * HOUR + (lateLevel === level ? 1 : 48) * HOUR);
    h().clock.advance(2 * HOUR);
    const ordered = (await list()).json.results.map((r: { id: string; review: { deadline: { timeLeftMs: number } | null } }) => ({
      id: r.id,
      left: r.review.deadline?.timeLeftMs,
    }));
    // Now 36 hours after the first submission: the fresh case (submitted at 34 h) is 1 hour overdue.
    const lateLeft = (lateLevel === level ? 25 : 72) * HOUR - 36 * HOUR;
    const expected = [
      { id: fresh.companyId, left: -1 * HOUR },
      { id: late.companyId, left: lateLeft },
    ].sort((a, b) => a.left - b.left);
    expect(ordered).toEqual(expected);
    expect((await list('-created')).json.results[0].id).toBe(fresh.companyId);

    // A decided case has no deadline any more.
    await recordScreening(h(), partner.partnerId, fresh.companyId, { [fresh.companyId]: 'NO_FLAGS', [fresh.beneficiaryId]: 'NO_FLAGS' });
    const decided = await api(h()).call('POST', `/kyb/companies/${fresh.companyId}/change-status/`, partner.auth, {
      status: 'COMPLETED',
      reviewInfo: { approvalStatus: 'APPROVED' },
    });
    expect(decided.status).toBe(200);
    expect((await companyRow(h(), fresh.companyId)).review_due_at).toBeNull();
    expect((await api(h()).call('GET', `/v1/companies/${fresh.companyId}/decision/`, partner.auth)).json.deadline).toBeNull();
    expect(await caseDeadline()).toMatchObject({ timeLeftMs: lateLeft, isPaused: false });
    expect((await list()).json.results.map((r: { id: string }) => r.id)).toEqual([late.companyId, fresh.companyId]);
  });
});

describeEachDialect('the queue in deadline order', (h) => {
  it('pages overdue first, then the cases without a running clock: across the boundary, within a status and in a search', async () => {
    const partner = await h().partner();
    // Nineteen of one name and two of another: enough companies that a search for the rarer name
    // sorts its matches, where the common name's first pages walk the deadline index.
    const names = [...Array.from({ length: 19 }, (_, i) => `Common Firm ${i}`), 'Rare Holdings A', 'Rare Holdings B'];
    const ids: string[] = [];
    for (const companyName of names) {
      const s = await startSession(h(), { partner, flow: null, createForm: false });
      expect((await api(h()).call('POST', '/kyb/forms/', s.bearer, { company: companyBody({ additionalInfo: {}, companyName }) })).status).toBe(201);
      ids.push(s.companyId);
    }
    // Running clocks on every other case (pairs share a due time, so the id breaks the tie).
    const dues = names.map((_, i) => (i % 2 === 0 ? Math.floor(i / 4) * HOUR - HOUR : null));
    dues[20] = null;
    dues[19] = 3 * HOUR;
    const db = h().database.db;
    for (const [i, due] of dues.entries()) {
      await db
        .updateTable('companies')
        .set({ review_due_at: due, status: due === null ? 'PENDING' : 'NEED_TO_REVIEW' })
        .where('id', '=', ids[i]!)
        .execute();
    }
    const byDeadline = (a: number, b: number) => {
      const [x, y] = [dues[a]!, dues[b]!];
      if (x === y) return ids[a]! < ids[b]! ? -1 : 1;
      return x === null ? 1 : y === null ? -1 : x - y;
    };
    const expected = (keep: (i: number) => boolean = () => true) =>
      [...ids.keys()]
        .filter(keep)
        .sort(byDeadline)
        .map((i) => ids[i]!);
    const page = async (n: number, perPage: number, extra = '') => {
      const res = await api(h()).call('GET', `/kyb/companies/?ordering=deadline&perPage=${perPage}&page=${n}${extra}`, partner.auth);
      expect(res.status).toBe(200);
      return { count: res.json.count as number, ids: res.json.results.map((row: { id: string }) => row.id) as string[] };
    };
    const pages = async (perPage: number, extra = '') => {
      const all: string[] = [];
      for (let n = 1; ; n += 1) {
        const { count, ids: got } = await page(n, perPage, extra);
        if (got.length === 0) return { count, all };
        all.push(...got);
      }
    };
    const running = dues.filter((due) => due !== null).length;
    // Pages of 4 meet the last running clock inside a page; one page starts past it.
    expect(await pages(4)).toEqual({ count: 21, all: expected() });
    expect((await page(Math.floor(running / 3) + 1, 3)).ids).toEqual(expected().slice(3 * Math.floor(running / 3), 3 * Math.floor(running / 3) + 3));
    expect((await page(2, running)).ids).toEqual(expected().slice(running, 2 * running));
    expect(await pages(4, '&status=NEED_TO_REVIEW')).toEqual({ count: running, all: expected((i) => dues[i] !== null) });
    expect(await pages(4, '&q=common')).toEqual({ count: 19, all: expected((i) => i < 19) });
    expect(await pages(100, '&q=rare')).toEqual({ count: 2, all: expected((i) => i >= 19) });
    expect(await pages(4, '&q=common&status=PENDING')).toEqual({ count: 9, all: expected((i) => i < 19 && dues[i] === null) });
  });
});

describeEachDialect('what changed since the last submission', (h) => {
  it('lists changed company fields, beneficiaries and documents between the last two submissions', async () => {
    const { s, client } = await caseSentBack(h());
    const changes = (headers: Record<string, string>) => api(h()).call('GET', `/v1/companies/${s.companyId}/changes/`, null, undefined, headers);
    expect((await changes((await signedInManager(h(), s.partner, 'viewer')).read)).json).toMatchObject({
      previousSubmission: null,
      company: [],
      beneficiaries: [],
      documents: [],
      answers: [],
    });

    const form = `/kyb/forms/${s.companyId}`;
    expect((await api(h()).call('PATCH', `${form}/`, client, { company: { phone: '+37060000001' } })).status).toBe(200);
    const doc = await api(h()).call('POST', `${form}/documents/`, client, { type: 'PROOF_OF_ADDRESS', file: base64(pngImage()) });
    expect(doc.status).toBe(201);
    expect((await api(h()).call('PATCH', `${form}/beneficiaries/${s.beneficiaryId}/`, client, { info: { ...person, surname: 'Kavaliauskienė' } })).status).toBe(
      200,
    );
    h().clock.advance(HOUR);
    expect((await api(h()).call('POST', `${form}/submit/`, client)).status).toBe(200);

    const result = await changes((await signedInManager(h(), s.partner, 'viewer')).read);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      previousSubmission: new Date(h().clock.now() - HOUR).toISOString(),
      lastSubmission: new Date(h().clock.now()).toISOString(),
      company: [{ path: 'phone', before: '+37060000000', after: '+37060000001' }],
      beneficiaries: [
        {
          id: s.beneficiaryId,
          name: 'Žydrūnė Kavaliauskienė',
          change: 'CHANGED',
          fields: [{ path: 'surname', before: 'Kavaliauskaitė', after: 'Kavaliauskienė' }],
        },
      ],
      documents: [{ id: doc.json.id, type: 'PROOF_OF_ADDRESS', filename: null, change: 'ADDED' }],
      answers: [],
    });
    // Sealed at rest: the snapshot holds no name in clear.
    const stored = await h().database.db.selectFrom('submission_snapshots').select('snapshot').where('company_id', '=', s.companyId).execute();
    expect(stored).toHaveLength(2);
    expect(stored.map((row) => row.snapshot).join()).not.toContain('Kavaliausk');
    const other = await h().partner('Other');
    expect((await api(h()).call('GET', `/v1/companies/${s.companyId}/changes/`, other.auth)).status).toBe(404);
  });
});

describeEachDialect('evidence pack', (h) => {
  async function exported() {
    const s = await submittedCompany(h());
    const pdf = pdfDocument('Certificate');
    expect(
      (await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.partner.auth, { type: 'INCORPORATION_CERT', file: base64(pdf) })).status,
    ).toBe(201);
    const reviewer = await signedInManager(h(), s.partner, 'reviewer');
    expect((await api(h()).call('POST', `/v1/companies/${s.companyId}/comments/`, null, { content: 'Looks fine.' }, reviewer.write)).status).toBeLessThan(300);
    const res = await h().app.inject({ method: 'POST', url: `/v1/companies/${s.companyId}/evidence-pack/`, headers: reviewer.write });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    // Streamed, with its length announced from the manifest's sizes.
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    return { s, reviewer, pdf, tar: res.rawPayload, manifestSha256: String(res.headers['x-manifest-sha256']) };
  }

  it('holds the documents, the case, its audit entries and a manifest that verifies offline; the export is an audit entry', async () => {
    const { s, reviewer, pdf, tar, manifestSha256 } = await exported();
    const files = new Map(readTar(tar).map((entry) => [entry.name, entry.data]));
    expect([...files.keys()]).toEqual([MANIFEST, 'case.json', 'audit.json', expect.stringMatching(/^documents\/[0-9a-f-]{36}\.pdf$/)]);
    const document = [...files.entries()].find(([name]) => name.startsWith('documents/'))!;
    expect(document[1].equals(pdf)).toBe(true);
    const caseJson = JSON.parse(files.get('case.json')!.toString());
    expect(caseJson.case).toMatchObject({ id: s.companyId, company: { companyName: 'Acme Payments UAB' } });
    const audit = JSON.parse(files.get('audit.json')!.toString());
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['FORM_SUBMITTED', 'DOCUMENT_UPLOADED', 'COMMENT_ADDED']));

    const report = verifyEvidence(tar);
    expect(report).toMatchObject({ isValid: true, companyId: s.companyId, manifestSha256, files: 3, problems: [] });
    expect(report.auditEntries).toBe(audit.length);
    const [entry] = await auditEntries(h(), s.companyId, 'EVIDENCE_EXPORTED');
    expect(entry).toMatchObject({ actor_type: 'manager', actor_id: String(reviewer.id) });
    expect(JSON.parse(entry!.details)).toMatchObject({ manifestSha256, files: 3 });
  });

  it('streams the pack: each stored file is read again as it goes out, so a case of large documents never sits in memory whole', async () => {
    const s = await submittedCompany(h());
    const upload = await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.partner.auth, {
      type: 'INCORPORATION_CERT',
      file: base64(pdfDocument('A')),
    });
    expect(upload.status).toBe(201);
    const ctx = { ...s.partner.ctx, actor: { kind: 'partner' as const, keyId: 'test' }, managerId: null };
    const intact = await exportEvidence({ ctx, companyId: s.companyId });
    const bytes = Buffer.concat(await intact.stream.toArray());
    expect(bytes.length).toBe(intact.length);
    expect(verifyEvidence(bytes)).toMatchObject({ isValid: true, manifestSha256: intact.manifestSha256 });
    // A file gone between the export and its sending fails the stream: it was not held.
    const pack = await exportEvidence({ ctx, companyId: s.companyId });
    const { file_hash } = await h().database.db.selectFrom('documents').select('file_hash').where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
    await s.partner.ctx.files.storage.remove(file_hash);
    await expect(pack.stream.toArray()).rejects.toThrow(/file/);
  });

  it('detects a changed document, a changed audit entry even with its manifest line fixed, and an unlisted file', async () => {
    const { tar } = await exported();
    const entries = readTar(tar);
    const rebuild = (change: (entries: { name: string; data: Buffer }[]) => void) => {
      const copy = entries.map((entry) => ({ name: entry.name, data: Buffer.from(entry.data) }));
      change(copy);
      return writeTar(copy, 0);
    };
    const doc = entries.findIndex((entry) => entry.name.startsWith('documents/'));
    expect(doc).toBeGreaterThan(0);
    const tampered = rebuild((copy) => {
      const data = copy[doc]!.data;
      data[data.length - 3] = data[data.length - 3]! ^ 1;
    });
    expect(verifyEvidence(tampered)).toMatchObject({ isValid: false, problems: [`${entries[doc]!.name} does not match its SHA-256 in the manifest`] });

    const forged = rebuild((copy) => {
      const audit = copy.find((entry) => entry.name === 'audit.json')!;
      const rows = JSON.parse(audit.data.toString());
      rows[0].action = 'SOMETHING_ELSE';
      audit.data = Buffer.from(JSON.stringify(rows));
      const manifest = copy.find((entry) => entry.name === MANIFEST)!;
      const parsed = JSON.parse(manifest.data.toString());
      for (const file of parsed.files) if (file.path === 'audit.json') Object.assign(file, { sha256: sha256(audit.data), size: audit.data.length });
      manifest.data = Buffer.from(JSON.stringify(parsed));
    });
    const forgedReport = verifyEvidence(forged);
    expect(forgedReport.isValid).toBe(false);
    expect(forgedReport.problems).toEqual([expect.stringMatching(/^audit entry .* does not match its hash$/)]);

    const extra = rebuild((copy) => copy.push({ name: 'documents/extra.pdf', data: Buffer.from('x') }));
    expect(verifyEvidence(extra).problems).toEqual(['documents/extra.pdf is not in the manifest']);
    expect(verifyEvidence(tar.subarray(0, 700)).isValid).toBe(false);
  });

  it('`openkyb evidence verify` answers 0 for an intact pack and 1 naming the problem for a tampered one', async () => {
    const { tar } = await exported();
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    try {
      const intact = join(dir, 'intact.tar');
      writeFileSync(intact, tar);
      const lines: string[] = [];
      expect(verifyEvidenceCommand((line) => lines.push(line), { path: intact, json: false })).toBe(0);
      expect(lines[0]).toMatch(/^Evidence pack intact: case [0-9a-f-]{36}, 3 files and \d+ audit entries checked\.$/);
      const broken = join(dir, 'broken.tar');
      const copy = Buffer.from(tar);
      // A byte inside case.json's content (the second entry, after the manifest).
      const index = copy.indexOf(Buffer.from('"exportedAt"'));
      expect(index).toBeGreaterThan(0);
      copy[index + 1] = 'X'.charCodeAt(0);
      writeFileSync(broken, copy);
      const out: string[] = [];
      expect(verifyEvidenceCommand((line) => out.push(line), { path: broken, json: false })).toBe(1);
      expect(out).toContain('  - case.json does not match its SHA-256 in the manifest');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused to an auditor and a viewer (personal data leaves the server), and to another partner', async () => {
    const s = await submittedCompany(h());
    for (const role of ['auditor', 'viewer'] as const) {
      const manager = await signedInManager(h(), s.partner, role);
      expect((await h().app.inject({ method: 'POST', url: `/v1/companies/${s.companyId}/evidence-pack/`, headers: manager.write })).statusCode).toBe(403);
    }
    const other = await h().partner('Other');
    expect((await api(h()).call('POST', `/v1/companies/${s.companyId}/evidence-pack/`, other.auth)).status).toBe(404);
    expect(await auditEntries(h(), s.companyId, 'EVIDENCE_EXPORTED')).toHaveLength(0);
  });
});
