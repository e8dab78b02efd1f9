import type { Db } from '../../db/database.js';
import type { ReviewPolicy } from '../../schemas/case-review.js';
import type { Actor } from '../forms/access.js';

/** No four-eyes, no deadlines, no automatic assignment: a partner opts in to each. */
export const DEFAULT_POLICY: ReviewPolicy = Object.freeze({ fourEyesRiskLevels: [], deadlineHours: {}, autoAssign: false });

export async function readPolicy(db: Db, partnerId: string): Promise<ReviewPolicy> {
  const row = await db.selectFrom('review_policies').select('definition').where('partner_id', '=', partnerId).executeTakeFirst();
  return row ? { ...DEFAULT_POLICY, ...(JSON.parse(row.definition) as Partial<ReviewPolicy>) } : DEFAULT_POLICY;
}

/** Whether a decision on a case of this risk level waits for a second reviewer (an unassessed case counts as NOT_CHECKED). */
export function needsFourEyes(policy: ReviewPolicy, riskLevel: string | null): boolean {
  return (policy.fourEyesRiskLevels as string[]).includes(riskLevel ?? 'NOT_CHECKED');
}

/** An actor as one comparable string: `manager:7`, `partner:<key id>`. */
export function actorKey(actor: Actor): string {
  if (actor.kind === 'manager') return `manager:${actor.managerId}`;
  return actor.kind === 'partner' ? `partner:${actor.keyId}` : `client:${actor.tokenId}`;
}

/** The wire shape of an actor key: who, and the manager's number when a manager. */
export function presentActorKey(key: string): { kind: string; managerId: number | null } {
  const [kind, id] = key.split(':');
  return { kind: kind!, managerId: kind === 'manager' ? Number(id) : null };
}
