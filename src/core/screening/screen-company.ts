import { newRowId } from '../../db/row-id.js';
import type { Db } from '../../db/database.js';
import { sql, type Insertable } from 'kysely';
import type { Database, ScreeningHitRow, ScreeningSubjectRow } from '../../db/tables.js';
import type { Hit } from '../../screening/engine.js';
import type { ScreeningSearcher } from './searcher.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { requestRiskAssessment } from '../risk/request-risk.js';
import { listProblem, subjectStatus, type ScreeningPolicy } from './status.js';
import type { Subject } from './subjects.js';
import { readSubjects } from './read-subjects.js';
import { lockCompany } from '../review/load-company.js';
import { sealForCompany } from '../privacy/seal.js';
import { MissingKeyError } from '../privacy/company-keys.js';

export interface ScreeningOutcome {
  subjects: number;
  alerts: number;
  /** Alerts not seen before (or whose listed entity changed since it was resolved). */
  newAlerts: number;
}

/**
 * Screens the company and every beneficiary against the index's lists and stores, per subject,
 * its hits (with their explanations), the list versions used and its status. A reviewer's
 * resolution of a hit stays as long as the listed entity is unchanged (same fingerprint).
 */
export async function screenCompany({
  ctx,
  companyId,
  searcher,
  policy,
}: {
  ctx: Ctx;
  companyId: string;
  searcher: ScreeningSearcher;
  policy: ScreeningPolicy;
}): Promise<ScreeningOutcome | null> {
  // Names are read in clear only here, in memory, with keys that live for this one screening.
  const keyed = { ...ctx, keys: ctx.keys.fresh() };
  const stored = await ctx.db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
  if (!stored) return null;
  let read;
  try {
    read = await readSubjects(ctx.db, keyed, stored);
  } catch (error) {
    // An erased company (its key deleted, its rows about to go) has nothing left to screen.
    if (error instanceof MissingKeyError) return null;
    throw error;
  }
  if (!read) return null;
  const { company, subjects } = read;
  const lists = searcher.lists();
  const found = lists && lists.length > 0 ? await searchSubjects(searcher, subjects) : subjects.map(() => []);
  const now = ctx.clock.now();
  const problem = listProblem(lists, policy, now);
  const fingerprints = await entityFingerprints(
    ctx.db,
    lists?.map((l) => l.id) ?? [],
    found.flat().map((h) => h.entityId),
  );

  const versions = JSON.stringify((lists ?? []).map((l) => ({ source: l.source, sha256: l.sha256, publishedAt: l.publishedAt })));
  return ctx.db.transaction().execute(async (trx) => {
    // Locked before the stored results are read: a reviewer's resolution committed meanwhile
    // would otherwise be written over with what was read before it (resolve-hit.ts locks alike).
    if (!(await lockCompany(trx, companyId))) return null;
    const outcome: ScreeningOutcome = { subjects: subjects.length, alerts: 0, newAlerts: 0 };
    // The company's subjects and hits as stored, read once; written back in a few statements,
    // whatever the number of beneficiaries.
    const storedSubjects = await trx.selectFrom('screening_subjects').select(['id', 'subject_id']).where('company_id', '=', companyId).execute();
    const storedIds = new Map(storedSubjects.map((row) => [row.subject_id, row.id]));
    const hitsBySubject = new Map<string, Map<string, ScreeningHitRow>>();
    for (const hit of await trx.selectFrom('screening_hits').selectAll().where('company_id', '=', companyId).execute()) {
      let hits = hitsBySubject.get(hit.subject_row_id);
      if (!hits) hitsBySubject.set(hit.subject_row_id, (hits = new Map()));
      hits.set(hit.entity_id, hit);
    }
    const subjectRows: ScreeningSubjectRow[] = [];
    const hitRows: ScreeningHitRow[] = [];
    const goneHitIds: string[] = [];
    for (const [i, subject] of subjects.entries()) {
      const subjectRowId = storedIds.get(subject.id) ?? newRowId();
      const { current, gone } = await hitsOf(
        trx,
        keyed,
        { subjectRowId, companyId, partnerId: company.partner_id, hits: found[i]!, fingerprints, now },
        hitsBySubject.get(subjectRowId) ?? new Map(),
        outcome,
      );
      hitRows.push(...current);
      goneHitIds.push(...gone);
      const alerts = current.filter((h) => h.is_alert === 1);
      outcome.alerts += alerts.length;
      subjectRows.push({
        id: subjectRowId,
        partner_id: company.partner_id,
        company_id: companyId,
        subject_type: subject.type,
        subject_id: subject.id,
        status: subjectStatus(alerts, problem),
        status_reason: problem,
        list_versions: versions,
        checked_at: now,
        updated_at: now,
      });
    }
    await upsertSubjects(trx, subjectRows);
    await upsertHits(trx, hitRows);
    if (goneHitIds.length > 0) await trx.updateTable('screening_hits').set({ is_current: 0 }).where('id', 'in', goneHitIds).execute();
    const kept = new Set(subjects.map((s) => s.id));
    const goneSubjectIds = storedSubjects.filter((row) => !kept.has(row.subject_id)).map((row) => row.id);
    if (goneSubjectIds.length > 0) await removeSubjects(trx, goneSubjectIds);
    // The screening outcome is a risk factor: the risk worker assesses the case again.
    if (company.risk_level !== null) await requestRiskAssessment(trx, companyId, now);
    await recordAudit(trx, {
      partnerId: company.partner_id,
      companyId,
      actor: { kind: 'system' },
      action: 'SCREENED',
      details: { ...outcome, lists: lists?.map((l) => `${l.source}:${l.sha256}`) ?? [] },
      now,
    });
    return outcome;
  });
}

/** How a subject is searched; incremental re-screening searches alike (rescreen-list-changes.ts). */
export const SUBJECT_SEARCH = { limit: 10 } as const;

/** Each subject's hits: every name it goes by is searched, the best hit per listed entity kept. */
async function searchSubjects(searcher: ScreeningSearcher, subjects: Subject[]): Promise<Hit[][]> {
  const results = await searcher.search(
    subjects.flatMap((s) => s.queries),
    SUBJECT_SEARCH,
  );
  let next = 0;
  return subjects.map((subject) => {
    const best = new Map<string, Hit>();
    for (const hits of results.slice(next, (next += subject.queries.length))) {
      for (const hit of hits) if ((best.get(hit.entityId)?.score ?? -1) < hit.score) best.set(hit.entityId, hit);
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  });
}

async function entityFingerprints(db: Db, listIds: string[], entityIds: string[]): Promise<Map<string, string>> {
  if (listIds.length === 0 || entityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('screening_entities')
    .select(['entity_id', 'fingerprint'])
    .where('list_id', 'in', listIds)
    .where('entity_id', 'in', [...new Set(entityIds)])
    .execute();
  return new Map(rows.map((r) => [r.entity_id, r.fingerprint]));
}

/** Rows a statement writes at most: well under either database's limit of bound values. */
const ROWS_PER_STATEMENT = 500;

/**
 * Rows inserted, or written over by id where they exist: new subjects and hits are inserted, known
 * ones take the named columns (a subject's status, list versions and check time; a hit's score,
 * explanation, resolution and last sighting). In slices, under either database's bound values.
 */
async function upsertById<T extends 'screening_subjects' | 'screening_hits'>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  columns: readonly string[],
) {
  const updates = Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)]));
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    await db
      .insertInto(table as 'screening_hits')
      .values(rows.slice(at, at + ROWS_PER_STATEMENT) as Insertable<ScreeningHitRow>[])
      .onConflict((oc) => oc.column('id').doUpdateSet(updates))
      .execute();
  }
}

const upsertSubjects = (db: Db, rows: ScreeningSubjectRow[]) =>
  upsertById(db, 'screening_subjects', rows, ['status', 'status_reason', 'list_versions', 'checked_at', 'updated_at']);

const upsertHits = (db: Db, rows: ScreeningHitRow[]) =>
  upsertById(db, 'screening_hits', rows, [
    'entity_fingerprint',
    'score',
    'is_alert',
    'is_current',
    'detail',
    'resolution',
    'resolution_comment',
    'resolved_by',
    'resolved_at',
    'last_seen_at',
  ]);

/** A subject's hits as they now stand, and the ids of its stored current hits no longer found. */
async function hitsOf(
  db: Db,
  ctx: Pick<Ctx, 'keys' | 'clock'>,
  at: { subjectRowId: string; companyId: string; partnerId: string; hits: Hit[]; fingerprints: Map<string, string>; now: number },
  existing: Map<string, ScreeningHitRow>,
  outcome: ScreeningOutcome,
): Promise<{ current: ScreeningHitRow[]; gone: string[] }> {
  const left = new Map(existing);
  const current: ScreeningHitRow[] = [];
  for (const hit of at.hits) {
    const fingerprint = at.fingerprints.get(hit.entityId) ?? '';
    const before = left.get(hit.entityId);
    left.delete(hit.entityId);
    // A resolution holds for the listed entity as it was; if the list changed it, review again.
    const keepsResolution = before !== undefined && before.entity_fingerprint === fingerprint;
    const row: ScreeningHitRow = {
      id: before?.id ?? newRowId(),
      subject_row_id: at.subjectRowId,
      company_id: at.companyId,
      partner_id: at.partnerId,
      entity_id: hit.entityId,
      entity_fingerprint: fingerprint,
      score: hit.score,
      is_alert: hit.isAlert ? 1 : 0,
      is_current: 1,
      // The explanation repeats the subject's name tokens and birth date: sealed.
      detail: await sealForCompany(db, ctx, at.companyId, JSON.stringify(hit)),
      resolution: keepsResolution ? before.resolution : null,
      resolution_comment: keepsResolution ? before.resolution_comment : null,
      resolved_by: keepsResolution ? before.resolved_by : null,
      resolved_at: keepsResolution ? before.resolved_at : null,
      first_seen_at: before?.first_seen_at ?? at.now,
      last_seen_at: at.now,
    };
    if (hit.isAlert && (!before || !before.is_current || !before.is_alert || !keepsResolution)) outcome.newAlerts += 1;
    current.push(row);
  }
  return { current, gone: [...left.values()].filter((h) => h.is_current === 1).map((h) => h.id) };
}

/** Beneficiaries deleted since the last screening take their results with them. */
async function removeSubjects(db: Db, subjectRowIds: string[]): Promise<void> {
  await db.deleteFrom('screening_hits').where('subject_row_id', 'in', subjectRowIds).execute();
  await db.deleteFrom('screening_subjects').where('id', 'in', subjectRowIds).execute();
}
