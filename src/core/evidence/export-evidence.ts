import { Readable } from 'node:stream';
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
import { TAR_END, tarHeader, tarLength, tarPadding } from './tar.js';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
  'image/heic': '.heic',
};

/** An evidence pack ready to send: its bytes are read as the stream is consumed. */
export interface EvidencePack {
  filename: string;
  manifestSha256: string;
  /** The tar's length in bytes (its files' sizes are known from the manifest). */
  length: number;
  stream: Readable;
}

/**
 * One file of the pack: its size and hash, and its bytes, kept (the JSON parts) or read again
 * when the pack is sent (documents and register files, so a case of a hundred 10 MiB documents
 * never sits in memory at once).
 */
interface PackFile {
  name: string;
  size: number;
  sha256: string;
  bytes(): Promise<Buffer>;
}

/**
 * An evidence pack of one case: an uncompressed tar holding the case as JSON (the dossier,
 * screening, risk, document decisions, what changed and the register check), the register's
 * profile and report when it found the company, its audit entries as stored (each
 * re-hashable offline), every document's file, and a manifest of every file's SHA-256. The
 * export is itself an audit entry carrying the manifest's hash, so a pack can later be matched
 * to the export that produced it. Checked offline by `openkyb evidence verify`.
 *
 * Each stored file is read once to hash it for the manifest (which comes first in the tar) and
 * once more as the pack streams out, one file at a time, checked against its hash again; if a
 * file is gone by then (the case erased meanwhile), the stream fails and the download with it.
 */
export async function exportEvidence({ ctx, companyId }: { ctx: ReviewCtx; companyId: string }): Promise<EvidencePack> {
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
  const files: PackFile[] = [];
  const documents = [];
  for (const row of rows) {
    const path = `documents/${row.id}${EXTENSIONS[mimes.get(row.file_hash) ?? ''] ?? '.bin'}`;
    files.push(await storedFile(ctx, path, row.file_hash, `Document ${row.id}'s file`));
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
    if (hash) files.push(await storedFile(ctx, name, hash, `The register check's ${name}`));
  }
  const audit = await companyAuditEntries(ctx.db, { partnerId: ctx.partnerId, companyId }).selectAll().orderBy('seq').execute();
  const now = ctx.clock.now();
  const caseJson = { exportedAt: new Date(now).toISOString(), case: dossier, screening, risk, documentDecisions, changes, register, documents };
  files.unshift(
    keptFile('case.json', Buffer.from(JSON.stringify(caseJson, null, 2))),
    keptFile(
      'audit.json',
      Buffer.from(
        JSON.stringify(
          audit.map((row) => ({ ...row, seq: Number(row.seq), created_at: Number(row.created_at) })),
          null,
          2,
        ),
      ),
    ),
  );
  const manifest: EvidenceManifest = {
    format: EVIDENCE_FORMAT,
    companyId,
    partnerId: ctx.partnerId,
    createdAt: new Date(now).toISOString(),
    files: files.map((file) => ({ path: file.name, sha256: file.sha256, size: file.size })),
  };
  const manifestFile = keptFile(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
  // Written (durably) before the pack is handed out: no entry, no pack.
  await recordPartnerAudit(ctx.db, ctx, {
    companyId,
    action: 'EVIDENCE_EXPORTED',
    now,
    details: { manifestSha256: manifestFile.sha256, files: manifest.files.length, managerId: ctx.managerId },
  });
  const packed = [manifestFile, ...files];
  return {
    filename: `evidence-${companyId}.tar`,
    manifestSha256: manifestFile.sha256,
    length: tarLength(packed.map((file) => file.size)),
    stream: Readable.from(tarChunks(packed, now)),
  };
}

async function* tarChunks(files: readonly PackFile[], mtimeMs: number): AsyncGenerator<Buffer> {
  for (const file of files) {
    const data = await file.bytes();
    yield tarHeader(file.name, data.length, mtimeMs);
    yield data;
    yield tarPadding(data.length);
  }
  yield TAR_END;
}

function keptFile(name: string, data: Buffer): PackFile {
  return { name, size: data.length, sha256: sha256(data), bytes: async () => data };
}

/** A stored file, hashed now and read again when sent; refused if it is gone or differs by then. */
async function storedFile(ctx: ReviewCtx, name: string, hash: string, what: string): Promise<PackFile> {
  const read = async () => {
    const bytes = await readStoredFile(ctx, hash);
    if (!bytes) throw notFound(what);
    return bytes;
  };
  const first = await read();
  const digest = sha256(first);
  return {
    name,
    size: first.length,
    sha256: digest,
    bytes: async () => {
      const again = await read();
      if (sha256(again) !== digest) throw new Error(`evidence pack: ${name} changed while the pack was sent`);
      return again;
    },
  };
}
