import { createHash } from 'node:crypto';

/** The version of the pack's layout; `openkyb evidence verify` refuses others. */
export const EVIDENCE_FORMAT = 'openkyb-evidence-1';
export const MANIFEST = 'manifest.json';

export interface EvidenceManifest {
  format: typeof EVIDENCE_FORMAT;
  companyId: string;
  partnerId: string;
  createdAt: string;
  files: { path: string; sha256: string; size: number }[];
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
