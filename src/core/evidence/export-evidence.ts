import { companyAuditEntries } from '../audit/read-company-logs.js';
import { getCompanyRegister } from '../company-register/get-company-register.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { openDocumentRows } from '../documents/present-document.js';
import { notFound } from '../errors.js';
import { readStoredFile } from '../files/stored-files.js';
import { getCaseChanges } from '../case-review/get-changes.js';
import { listDocumentDecisions } from '../case-review/document-decisions.js';
import { latestAssessment } from '../risk/get-risk.js';
import { getCompany } from '../review/get-company.js';
import { getCompanyScreening } from '../screening/read-screening.js';
import type { ReviewCtx } from '../review/load-company.js';
import { EVIDENCE_FORMAT, MANIFEST, sha256, type EvidenceManifest } from './manifest.js';
import { writeTar, type TarEntry } from './tar.js';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
  'image/heic': '.heic',
};

/**
 * An evidence pack of one case: an uncompressed tar holding the case as JSON (the dossier,
 * screening, risk, document decisions, what changed and the register check), the register's
 * profile and report when it found the company, its audit entries as stored (each
 * re-hashable offline), every document's file, and a manifest of every file's SHA-256. The
 * export is itself an audit entry carrying the manifest's hash, so a pack can later be matched
 * to the export that produced it. Checked offline by `openkyb evidence verify`.
 */
export async function exportEvidence({
  ctx,
  companyId,
}: {
  ctx: ReviewCtx;
  companyId: string;
}): Promise<{ filename: string; tar: Buffer; manifestSha256: string }> {
  // The dossier read as the partner: the export's own audit entry below records who read it.
  const readCtx: PartnerCtx = { ...ctx, manager: null };
  const dossier = await getCompany({ ctx: readCtx, id: companyId });
  const [screening, risk, documentDecisions, changes, register] = await Promise.all([
    getCompanyScreening({ ctx: readCtx, companyId }),
    latestAssessment(ctx.db, companyId),
    listDocumentDecisions({ ctx, companyId }),
    getCaseChanges({ ctx, companyId }),
    getCompanyRegister({ ctx: readCtx, companyId }),
  ]);
  const rows = await openDocumentRows(
    ctx.db,
    ctx,
    await ctx.db.selectFrom('documents').selectAll().where('company_id', '=', companyId).orderBy('created_at').orderBy('id').execute(),
  );
  const mimes = new Map(
    (
      await ctx.db
        .selectFrom('stored_files')
        .select(['hash', 'mime'])
        .where('hash', 'in', rows.length ? rows.map((r) => r.file_hash) : [''])
        .execute()
    ).map((f) => [f.hash, f.mime]),
  );
  const entries: TarEntry[] = [];
  const documents = [];
  for (const row of rows) {
    const bytes = await readStoredFile(ctx, row.file_hash);
    if (!bytes) throw notFound(`Document ${row.id}'s file`);
    const path = `documents/${row.id}${EXTENSIONS[mimes.get(row.file_hash) ?? ''] ?? '.bin'}`;
    entries.push({ name: path, data: bytes });
    documents.push({ id: row.id, type: row.type, filename: row.filename, beneficiaryId: row.beneficiary_id, path });
  }
  // The official register's answer as the reviewer saw it: its profile (JSON) and report (PDF).
  const registerFiles = await ctx.db
    .selectFrom('company_register_checks')
    .select(['data_file_hash', 'report_file_hash'])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  for (const [name, hash] of [
    ['register/profile.json', registerFiles?.data_file_hash],
    ['register/report.pdf', registerFiles?.report_file_hash],
  ] as const) {
    if (!hash) continue;
    const bytes = await readStoredFile(ctx, hash);
    if (!bytes) throw notFound(`The register check's ${name}`);
    entries.push({ name, data: bytes });
  }
  const audit = await companyAuditEntries(ctx.db, { partnerId: ctx.partnerId, companyId }).selectAll().orderBy('seq').execute();
  const now = ctx.clock.now();
  const caseJson = { exportedAt: new Date(now).toISOString(), case: dossier, screening, risk, documentDecisions, changes, register, documents };
  entries.unshift(
    { name: 'case.json', data: Buffer.from(JSON.stringify(caseJson, null, 2)) },
    {
      name: 'audit.json',
      data: Buffer.from(
        JSON.stringify(
          audit.map((row) => ({ ...row, seq: Number(row.seq), created_at: Number(row.created_at) })),
          null,
          2,
        ),
      ),
    },
  );
  const manifest: EvidenceManifest = {
    format: EVIDENCE_FORMAT,
    companyId,
    partnerId: ctx.partnerId,
    createdAt: new Date(now).toISOString(),
    files: entries.map((entry) => ({ path: entry.name, sha256: sha256(entry.data), size: entry.data.length })),
  };
  const manifestData = Buffer.from(JSON.stringify(manifest, null, 2));
  const manifestSha256 = sha256(manifestData);
  // Written (durably) before the pack is handed out: no entry, no pack.
  await recordPartnerAudit(ctx.db, ctx, {
    companyId,
    action: 'EVIDENCE_EXPORTED',
    now,
    details: { manifestSha256, files: manifest.files.length, managerId: ctx.managerId },
  });
  return { filename: `evidence-${companyId}.tar`, tar: writeTar([{ name: MANIFEST, data: manifestData }, ...entries], now), manifestSha256 };
}
