import type { ManagerRecord } from '../../db/tables.js';
import type { Manager } from '../../schemas/managers.js';
import { notFound } from '../errors.js';
import type { Db } from '../../db/database.js';
import { isManagerRole, type ManagerRole } from './roles.js';

/** A stored role outside the known list (edited by hand) counts as the weakest. */
export function roleOf(row: { role: string }): ManagerRole {
  const role = row.role;
  return isManagerRole(role) ? role : 'viewer';
}

export function presentManager(row: ManagerRecord): Manager {
  return {
    id: Number(row.id),
    name: row.name,
    surname: row.surname,
    email: row.email,
    role: roleOf(row),
    disabled: row.disabled_at !== null,
    away: Number(row.away) === 1,
    totpEnabled: row.totp_enabled_at !== null,
    lastSignInAt: row.last_sign_in_at === null ? null : new Date(Number(row.last_sign_in_at)).toISOString(),
  };
}

/** One of the partner's managers; another partner's is "not found". */
export async function loadManager(db: Db, partnerId: string, id: number): Promise<ManagerRecord> {
  const row = await db.selectFrom('managers').selectAll().where('id', '=', id).where('partner_id', '=', partnerId).executeTakeFirst();
  if (!row) throw notFound('Manager');
  return row;
}
