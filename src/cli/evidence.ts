import { readFileSync } from 'node:fs';
import { verifyEvidence } from '../core/evidence/verify-evidence.js';

type Out = (line: string) => void;

/**
 * `openkyb evidence verify FILE`: checks an evidence pack offline (no server, database or key)
 * and answers 0 when every hash matches, 1 listing each problem.
 */
export function verifyEvidenceCommand(out: Out, input: { path: string; json: boolean }): number {
  const report = verifyEvidence(readFileSync(input.path));
  if (input.json) out(JSON.stringify(report));
  else if (report.isValid) {
    out(`Evidence pack intact: case ${report.companyId}, ${report.files} files and ${report.auditEntries} audit entries checked.`);
    out(`Manifest SHA-256 ${report.manifestSha256} (the EVIDENCE_EXPORTED audit entry of the export holds the same).`);
  } else {
    out(`Evidence pack BROKEN${report.companyId ? ` (case ${report.companyId})` : ''}:`);
    for (const problem of report.problems) out(`  - ${problem}`);
  }
  return report.isValid ? 0 : 1;
}
