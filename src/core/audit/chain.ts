import { createHash } from 'node:crypto';
import type { AuditLogRow } from '../../db/tables.js';

/** The `prev_hash` of a partner's first entry (seq 1): 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: every column of `audit_logs` except `hash` itself. */
export interface ChainedContent {
  id: string;
  seq: number;
  partnerId: string;
  companyId: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  /** The stored JSON text, exactly as stored: any edit to it changes the hash. */
  details: string;
  createdAt: number;
  prevHash: string;
}

/**
 * The canonical form of an entry (version 1; docs/decisions.md "Audit trail"): the JSON text of
 * an object with exactly these keys in this (sorted) order, strings as JSON.stringify escapes
 * them, integers in decimal, null for absent ids, no whitespace; hashed as UTF-8. The
 * migration 20261127T1410-audit-chain holds a frozen copy: change neither without a new version.
 */
export function canonicalContent(entry: ChainedContent): string {
  return JSON.stringify({
    action: entry.action,
    actorId: entry.actorId,
    actorType: entry.actorType,
    companyId: entry.companyId,
    createdAt: entry.createdAt,
    details: entry.details,
    id: entry.id,
    partnerId: entry.partnerId,
    prevHash: entry.prevHash,
    seq: entry.seq,
  });
}

/**
 * The canonical form cut around its last two fields, which only the partner's head knows:
 * `before + prevHash + between + seq + '}'` is `canonicalContent` (prevHash is hex and seq an
 * integer, so neither needs escaping). PostgreSQL hashes this in the statement that advances the
 * head (record-audit.ts).
 */
export function canonicalAroundHead(entry: Omit<ChainedContent, 'prevHash' | 'seq'>): { before: string; between: string } {
  const marked = canonicalContent({ ...entry, prevHash: HEAD_MARK, seq: 0 });
  const at = marked.lastIndexOf(`"prevHash":"${HEAD_MARK}"`);
  const tail = `"prevHash":"${HEAD_MARK}","seq":0}`;
  if (at < 0 || marked.slice(at) !== tail) throw new Error('the canonical form no longer ends with prevHash and seq');
  return { before: `${marked.slice(0, at)}"prevHash":"`, between: '","seq":' };
}

const HEAD_MARK = 'HEAD';

/** Hex SHA-256 of the canonical form: the entry's `hash`, and the next entry's `prev_hash`. */
export function entryHash(entry: ChainedContent): string {
  return createHash('sha256').update(canonicalContent(entry), 'utf8').digest('hex');
}

/** The row as stored, read as chained content. */
export function contentOfRow(row: Omit<AuditLogRow, 'hash'>): ChainedContent {
  return {
    id: row.id,
    seq: Number(row.seq),
    partnerId: row.partner_id,
    companyId: row.company_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    details: row.details,
    createdAt: Number(row.created_at),
    prevHash: row.prev_hash,
  };
}
