import type { Db } from '../../db/database.js';
import { contentOfRow, entryHash, GENESIS_HASH } from './chain.js';

export type ChainProblem = 'seq-gap' | 'prev-hash-mismatch' | 'hash-mismatch' | 'head-mismatch' | 'head-missing';

/** The first broken link found: where, and what is wrong with it. */
export interface ChainBreak {
  partnerId: string;
  /** The position where the chain breaks (for a gap, the first missing seq). */
  seq: number;
  /** The entry at which the break shows (for a gap, the entry found after it); null when none. */
  entryId: string | null;
  problem: ChainProblem;
  message: string;
}

export interface ChainReport {
  partners: number;
  entries: number;
  broken: ChainBreak | null;
}

export interface VerifyOptions {
  db: Db;
  /** Verify one partner's chain only. */
  partnerId?: string;
  pageSize?: number;
  /** Called after each page of entries. */
  onProgress?: (progress: { partnerId: string; checked: number; total: number }) => void;
}

/**
 * Walks each partner's chain in seq order, in pages (bounded memory), and stops at the first
 * broken link: a missing seq (a row deleted), a prev_hash that is not the previous entry's hash
 * (rows removed or reordered), a hash that does not match the content (a row edited), or a
 * head that does not match the last entry (entries removed from the end).
 *
 * Appends may go on meanwhile: each partner's head is read first and only entries up to it are
 * checked, since an entry and its head move commit together.
 */
export async function verifyAuditChain(options: VerifyOptions): Promise<ChainReport> {
  const { db } = options;
  const report: ChainReport = { partners: 0, entries: 0, broken: null };
  if (options.partnerId === undefined) {
    const orphan = await db
      .selectFrom('audit_logs')
      .select(['partner_id', 'id', 'seq'])
      .where('partner_id', 'not in', db.selectFrom('audit_heads').select('partner_id'))
      .orderBy('partner_id')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (orphan) {
      report.broken = {
        partnerId: orphan.partner_id,
        seq: Number(orphan.seq),
        entryId: orphan.id,
        problem: 'head-missing',
        message: 'the partner has entries but no chain head (audit_heads row removed)',
      };
      return report;
    }
  }
  for await (const partnerId of partnerIds(db, options.partnerId)) {
    report.partners += 1;
    const result = await verifyPartner(options, partnerId);
    report.entries += result.checked;
    if (result.broken) {
      report.broken = result.broken;
      break;
    }
  }
  return report;
}

async function* partnerIds(db: Db, only: string | undefined): AsyncGenerator<string> {
  if (only !== undefined) {
    yield only;
    return;
  }
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const rows = await db
      .selectFrom('audit_heads')
      .select('partner_id')
      .$if(cursor !== null, (q) => q.where('partner_id', '>', cursor!))
      .orderBy('partner_id')
      .limit(500)
      .execute();
    for (const row of rows) yield row.partner_id;
    if (rows.length < 500) return;
    after = rows[rows.length - 1]!.partner_id;
  }
}

async function verifyPartner(options: VerifyOptions, partnerId: string): Promise<{ checked: number; broken: ChainBreak | null }> {
  const { db } = options;
  const pageSize = options.pageSize ?? 1000;
  const head = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('partner_id', '=', partnerId).executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  const broken = (seq: number, entryId: string | null, problem: ChainProblem, message: string) => ({ partnerId, seq, entryId, problem, message });
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_logs')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .where('seq', '>=', expectedSeq)
      .where('seq', '<=', Math.max(headSeq, expectedSeq))
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { checked, broken: broken(expectedSeq, row.id, 'seq-gap', `gap in seq: entry ${expectedSeq} is missing (the next entry is ${seq})`) };
      }
      if (row.prev_hash !== prevHash) {
        return {
          checked,
          broken: broken(seq, row.id, 'prev-hash-mismatch', 'prev_hash mismatch: it is not the hash of the previous entry (entries removed or reordered)'),
        };
      }
      if (entryHash(contentOfRow(row)) !== row.hash) {
        return { checked, broken: broken(seq, row.id, 'hash-mismatch', "hash mismatch: the entry's content was changed after it was written") };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length > 0) options.onProgress?.({ partnerId, checked, total: headSeq });
    if (rows.length < pageSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (!head) {
    return {
      checked,
      broken: lastSeq > 0 ? broken(lastSeq, null, 'head-missing', 'the partner has entries but no chain head (audit_heads row removed)') : null,
    };
  }
  if (lastSeq !== headSeq) {
    return {
      checked,
      broken: broken(lastSeq + 1, null, 'seq-gap', `gap in seq: the chain ends at ${lastSeq} but its head records ${headSeq} (entries removed from the end)`),
    };
  }
  if (head.hash !== prevHash) {
    return { checked, broken: broken(lastSeq, null, 'head-mismatch', "the chain head's hash is not the last entry's hash") };
  }
  return { checked, broken: null };
}
