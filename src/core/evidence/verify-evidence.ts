import { contentOfRow, entryHash } from '../audit/chain.js';
import type { AuditLogRow } from '../../db/tables.js';
import { EVIDENCE_FORMAT, MANIFEST, sha256, type EvidenceManifest } from './manifest.js';
import { readTar } from './tar.js';

export interface EvidenceReport {
  isValid: boolean;
  companyId: string | null;
  /** The manifest's SHA-256: the EVIDENCE_EXPORTED audit entry of the export holds the same. */
  manifestSha256: string | null;
  files: number;
  auditEntries: number;
  problems: string[];
}

/**
 * Checks a pack offline: every file the manifest lists is present with its SHA-256 and size,
 * no file is unlisted, and every audit entry's hash is recomputed from its content (any edit to
 * an entry shows). Needs no server, no database and no key.
 */
export function verifyEvidence(pack: Buffer): EvidenceReport {
  const report: EvidenceReport = { isValid: false, companyId: null, manifestSha256: null, files: 0, auditEntries: 0, problems: [] };
  let entries;
  try {
    entries = readTar(pack);
  } catch (error) {
    report.problems.push((error as Error).message);
    return report;
  }
  const files = new Map(entries.map((entry) => [entry.name, entry.data]));
  const manifestData = files.get(MANIFEST);
  if (!manifestData) {
    report.problems.push(`${MANIFEST} is missing`);
    return report;
  }
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(manifestData.toString('utf8')) as EvidenceManifest;
  } catch {
    report.problems.push(`${MANIFEST} is not JSON`);
    return report;
  }
  if (manifest.format !== EVIDENCE_FORMAT || !Array.isArray(manifest.files)) {
    report.problems.push(`${MANIFEST} is not an ${EVIDENCE_FORMAT} manifest`);
    return report;
  }
  report.companyId = manifest.companyId;
  report.manifestSha256 = sha256(manifestData);
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const data = files.get(file.path);
    if (!data) report.problems.push(`${file.path} is missing`);
    else if (data.length !== file.size || sha256(data) !== file.sha256) report.problems.push(`${file.path} does not match its SHA-256 in the manifest`);
  }
  for (const name of files.keys()) if (name !== MANIFEST && !listed.has(name)) report.problems.push(`${name} is not in the manifest`);
  report.files = manifest.files.length;
  report.auditEntries = checkAudit(files.get('audit.json'), manifest, report.problems);
  report.isValid = report.problems.length === 0;
  return report;
}

function checkAudit(data: Buffer | undefined, manifest: EvidenceManifest, problems: string[]): number {
  if (!data) {
    problems.push('audit.json is missing');
    return 0;
  }
  let rows: AuditLogRow[];
  try {
    rows = JSON.parse(data.toString('utf8')) as AuditLogRow[];
    if (!Array.isArray(rows)) throw new Error('not a list');
  } catch {
    problems.push('audit.json is not a list of entries');
    return 0;
  }
  let previousSeq = 0;
  for (const row of rows) {
    if (row.partner_id !== manifest.partnerId || row.company_id !== manifest.companyId) problems.push(`audit entry ${row.id} belongs to another case`);
    if (!(row.seq > previousSeq)) problems.push(`audit entry ${row.id} is out of order`);
    previousSeq = row.seq;
    if (entryHash(contentOfRow(row)) !== row.hash) problems.push(`audit entry ${row.id} (seq ${row.seq}) does not match its hash`);
  }
  return rows.length;
}
