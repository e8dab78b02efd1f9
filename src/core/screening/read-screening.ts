import type { Db } from '../../db/database.js';
import type { ScreeningHitRow, ScreeningSubjectRow } from '../../db/tables.js';
import type { Static } from 'typebox';
import type { CompanyScreening, ScreeningHit } from '../../schemas/screening.js';
import type { Ctx, PartnerCtx } from '../context.js';
import { openForCompany, openNullable } from '../privacy/seal.js';
import { notFound } from '../errors.js';

export type ScreeningHitView = Static<typeof ScreeningHit>;
export type CompanyScreeningView = Static<typeof CompanyScreening>;
type ScreeningSubjectView = CompanyScreeningView['subjects'][number];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A hit as stored, with its explanation and the reviewer's comment opened. */
export async function openHitRow(db: Db, ctx: Pick<Ctx, 'keys'>, row: ScreeningHitRow): Promise<ScreeningHitRow> {
  return {
    ...row,
    detail: await openForCompany(db, ctx, row.company_id, row.detail),
    resolution_comment: await openNullable(db, ctx, row.company_id, row.resolution_comment),
  };
}

export function presentHit(row: ScreeningHitRow): ScreeningHitView {
  return {
    id: row.id,
    entityId: row.entity_id,
    score: row.score,
    isAlert: row.is_alert === 1,
    isCurrent: row.is_current === 1,
    resolution: row.resolution,
    resolutionComment: row.resolution_comment,
    resolvedAt: iso(row.resolved_at),
    firstSeenAt: iso(row.first_seen_at)!,
    lastSeenAt: iso(row.last_seen_at)!,
    match: JSON.parse(row.detail) as ScreeningHitView['match'],
  };
}

export function presentSubject(row: ScreeningSubjectRow, hits: ScreeningHitRow[]): ScreeningSubjectView {
  return {
    subjectType: row.subject_type as ScreeningSubjectView['subjectType'],
    subjectId: row.subject_id,
    status: row.status as ScreeningSubjectView['status'],
    statusReason: row.status_reason,
    checkedAt: iso(row.checked_at),
    lists: JSON.parse(row.list_versions) as ScreeningSubjectView['lists'],
    hits: hits
      .filter((h) => h.subject_row_id === row.id)
      .sort((a, b) => b.score - a.score)
      .map(presentHit),
  };
}

/** The screening of one of the partner's companies: each subject's status and hits. */
export async function getCompanyScreening({ ctx, companyId }: { ctx: PartnerCtx; companyId: string }): Promise<CompanyScreeningView> {
  const company = await loadPartnerCompany(ctx.db, ctx.partnerId, companyId);
  const subjects = await ctx.db
    .selectFrom('screening_subjects')
    .selectAll()
    .where('company_id', '=', companyId)
    // The company, its beneficiaries, then the register's undeclared persons.
    .orderBy((eb) => eb.case().when('subject_type', '=', 'COMPANY').then(0).when('subject_type', '=', 'BENEFICIARY').then(1).else(2).end())
    .orderBy('subject_id')
    .execute();
  const stored = await ctx.db.selectFrom('screening_hits').selectAll().where('company_id', '=', companyId).execute();
  const hits = await Promise.all(stored.map((row) => openHitRow(ctx.db, ctx, row)));
  return {
    companyId,
    isPending: company.screening_requested_at !== null && (company.screened_at === null || company.screened_at < company.screening_requested_at),
    subjects: subjects.map((s) => presentSubject(s, hits)),
  };
}

export async function loadPartnerCompany(db: Db, partnerId: string, companyId: string) {
  const company = await db
    .selectFrom('companies')
    .select(['id', 'client_id', 'external_ref', 'screening_requested_at', 'screened_at', 'submission_time'])
    .where('id', '=', companyId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (!company) throw notFound('Company');
  return company;
}
