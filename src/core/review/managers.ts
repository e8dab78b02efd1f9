import type { Db } from '../../db/database.js';
import type { ManagerAccount } from '../../schemas/review.js';

/** iDenfy's ManagerAccount of each manager id given (the partner's own managers only). */
export async function managersById(db: Db, partnerId: string, ids: Array<number | null>): Promise<Map<number, ManagerAccount>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('managers')
    .select(['id', 'name', 'surname', 'email'])
    .where('partner_id', '=', partnerId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, surname: row.surname, email: row.email }]));
}
