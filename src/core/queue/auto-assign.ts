import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { readPolicy } from '../case-review/policy.js';
import { assignInTransaction } from '../review/assign-company.js';

/** The statuses in which a case waits for a reviewer. */
const IN_REVIEW = ['NEED_TO_REVIEW', 'NEED_TO_PROCESS'];

/**
 * Automatic assignment by workload (docs/decisions.md "Automatic assignment"): when a case
 * arrives in review with nobody holding it and the partner turned the policy on, it goes to
 * the active, non-away reviewer or admin with the fewest open cases assigned (ties: the one
 * given a case least recently, then the lowest id). Runs in the caller's transaction through
 * the assign verb's own write, so it is audited as any assignment (actor: the system).
 * Returns the manager chosen, or null (policy off, already assigned, not in review, nobody
 * available).
 */
export async function autoAssignCase(trx: Db, input: { partnerId: string; companyId: string; now: number }): Promise<number | null> {
  if (!(await readPolicy(trx, input.partnerId)).autoAssign) return null;
  const company = await trx.selectFrom('companies').select(['id', 'assigned_to', 'status']).where('id', '=', input.companyId).executeTakeFirst();
  if (!company || company.assigned_to !== null || !IN_REVIEW.includes(company.status)) return null;
  // The open workload per manager, from the counts the triggers keep exact (no walk of the cases).
  const load = trx
    .selectFrom('company_counts')
    .select(['assigned_to', (eb) => eb.fn.sum<number | string>('count').as('open')])
    .where('partner_id', '=', input.partnerId)
    .where('status', '<>', 'COMPLETED')
    .where('assigned_to', '<>', 0)
    .groupBy('assigned_to')
    .as('load');
  const chosen = await trx
    .selectFrom('managers as m')
    .leftJoin(load, 'load.assigned_to', 'm.id')
    .select('m.id')
    .where('m.partner_id', '=', input.partnerId)
    .where('m.role', 'in', ['reviewer', 'admin'])
    .where('m.disabled_at', 'is', null)
    .where('m.away', '=', 0)
    .orderBy(sql`coalesce(load.open, 0)`)
    .orderBy(sql`case when m.last_assigned_at is null then 0 else 1 end`)
    .orderBy('m.last_assigned_at')
    .orderBy('m.id')
    .limit(1)
    .executeTakeFirst();
  if (!chosen) return null;
  await assignInTransaction(
    trx,
    { partnerId: input.partnerId, actor: { kind: 'system' }, actingManagerId: null, now: input.now, automatic: true },
    company,
    chosen.id,
  );
  return chosen.id;
}
