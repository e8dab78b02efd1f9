import type { Db } from '../../db/database.js';
import type { SavedViewRow } from '../../db/tables.js';
import type { SavedView } from '../../schemas/case-review.js';
import type { PartnerCtx } from '../context.js';
import { conflict, DomainError, invalidField, notFound } from '../errors.js';

/**
 * Saved views belong to the signed-in manager: every verb acts on the caller's own views only
 * (another manager's view is "not found"). A key pair acts as the partner, with no manager:
 * it has no views (an empty list, "not found") and cannot save one.
 */
export function viewOwner(ctx: PartnerCtx): number | null {
  return ctx.manager?.id ?? null;
}

export function savingOwner(ctx: PartnerCtx): number {
  if (!ctx.manager) throw new DomainError('FORBIDDEN', 'Saved views belong to a signed-in manager; a key pair has none.');
  return ctx.manager.id;
}

/** The name as stored: surrounding spaces dropped, then 1..80 characters (the schema checked the raw length). */
export function viewName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw invalidField('name', 'must not be blank');
  return name;
}

export async function loadOwnView(db: Db, ctx: PartnerCtx, managerId: number | null, viewId: string): Promise<SavedViewRow> {
  if (managerId === null) throw notFound('Saved view');
  const row = await db
    .selectFrom('saved_views')
    .selectAll()
    .where('id', '=', viewId)
    .where('manager_id', '=', managerId)
    .where('partner_id', '=', ctx.partnerId)
    .executeTakeFirst();
  if (!row) throw notFound('Saved view');
  return row;
}

/** Another of the manager's views already has this name (409, the unique index makes it hold under races too). */
export async function assertNameFree(db: Db, managerId: number, name: string, exceptId: string | null = null): Promise<void> {
  let q = db.selectFrom('saved_views').select('id').where('manager_id', '=', managerId).where('name', '=', name);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw nameTaken(name);
}

/**
 * Runs a write of a view's name: a concurrent save of the same name that got past
 * assertNameFree loses on the unique index, and is answered as the same 409.
 */
export async function withNameFree<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(message ?? '')) throw nameTaken(name);
    throw error;
  }
}

const nameTaken = (name: string) => conflict(`A saved view named "${name}" already exists.`);

export function presentView(row: SavedViewRow): SavedView {
  return { id: row.id, name: row.name, query: row.query, createdAt: new Date(Number(row.created_at)).toISOString() };
}
