import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { ReviewPolicy } from '../../schemas/case-review.js';
import type { ReviewDeadline } from '../../schemas/review.js';
import { RISK_LEVELS } from '../../shared/enums.js';
import { readPolicy } from './policy.js';

const HOUR_MS = 3_600_000;

type ClockRow = Pick<CompanyRow, 'status' | 'risk_level' | 'review_started_at' | 'review_paused_ms' | 'review_paused_at'>;

/**
 * The review clock: it starts at the first submission and stops while the form is back with
 * the client (a request for information), so the deadline moves by exactly the time waited.
 * A decided case, or a risk level without a deadline in the policy, has none.
 */
function deadlineOf(row: ClockRow, policy: ReviewPolicy): number | null {
  if (row.review_started_at == null || row.status === 'COMPLETED') return null;
  const hours = policy.deadlineHours[(row.risk_level ?? 'NOT_CHECKED') as keyof ReviewPolicy['deadlineHours']];
  if (!hours) return null;
  return Number(row.review_started_at) + Number(row.review_paused_ms ?? 0) + hours * HOUR_MS;
}

/** The deadline as the queue and the case page show it. */
export function presentDeadline(row: ClockRow, policy: ReviewPolicy, now: number): ReviewDeadline | null {
  const dueAt = deadlineOf(row, policy);
  if (dueAt === null) return null;
  const pausedAt = row.review_paused_at == null ? null : Number(row.review_paused_at);
  // While paused, the due time moves with the clock: what is left stays what it was at the pause.
  const [due, timeLeftMs] = pausedAt === null ? [dueAt, dueAt - now] : [now + dueAt - pausedAt, dueAt - pausedAt];
  return { dueAt: new Date(due).toISOString(), timeLeftMs, isPaused: pausedAt !== null };
}

/**
 * Stores the case's due time (review_due_at, which the queue sorts on; null while paused, so
 * paused cases never surface as overdue). Called wherever an input changes: submission, risk
 * assessment, a request for information, a status change.
 */
export async function refreshDeadline(db: Db, companyId: string): Promise<void> {
  const row = await db
    .selectFrom('companies')
    .select(['partner_id', 'status', 'risk_level', 'review_started_at', 'review_paused_ms', 'review_paused_at'])
    .where('id', '=', companyId)
    .executeTakeFirst();
  if (!row) return;
  const dueAt = row.review_paused_at == null ? deadlineOf(row, await readPolicy(db, row.partner_id)) : null;
  await db.updateTable('companies').set({ review_due_at: dueAt }).where('id', '=', companyId).execute();
}

/** After a policy change: every open, running clock of the partner gets its new due time, in one statement. */
export async function refreshPartnerDeadlines(db: Db, partnerId: string, policy: ReviewPolicy): Promise<void> {
  const levels = RISK_LEVELS.filter((level) => policy.deadlineHours[level]);
  const hours =
    levels.length === 0
      ? sql<number | null>`null`
      : sql<number | null>`case coalesce(risk_level, 'NOT_CHECKED') ${sql.join(
          // Literals, not parameters: enum names and validated integers, and PostgreSQL cannot type a bare parameter in a CASE.
          levels.map((level) => sql`when ${sql.lit(level)} then ${sql.lit(policy.deadlineHours[level]! * HOUR_MS)}`),
          sql` `,
        )} else null end`;
  await db
    .updateTable('companies')
    .set({
      review_due_at: sql<
        number | null
      >`case when review_started_at is null or review_paused_at is not null or status = 'COMPLETED' then null else review_started_at + coalesce(review_paused_ms, 0) + ${hours} end`,
    })
    .where('partner_id', '=', partnerId)
    .where('review_started_at', 'is not', null)
    .execute();
}

/** The clock at a submission: started at the first, resumed (the pause added up) at a re-submission. */
export function clockAtSubmit(company: ClockRow, now: number): Pick<CompanyRow, 'review_started_at' | 'review_paused_ms' | 'review_paused_at'> {
  const paused = company.review_paused_at == null ? 0 : now - Number(company.review_paused_at);
  return { review_started_at: company.review_started_at ?? now, review_paused_ms: Number(company.review_paused_ms ?? 0) + paused, review_paused_at: null };
}
