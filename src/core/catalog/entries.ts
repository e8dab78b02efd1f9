import { newRowId } from '../../db/row-id.js';
import type { Db } from '../../db/database.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { DomainError, notFound } from '../errors.js';
import { findLive, listLive } from '../live-rows.js';
import { readSettings } from '../partners/settings.js';
import type { CatalogKind } from './kind.js';

// The generic verbs over catalog objects. Each reads and writes only the acting partner's rows.

export async function createEntry<I, O>({ ctx, kind, input }: { ctx: PartnerCtx; kind: CatalogKind<I, O>; input: I }): Promise<O> {
  return ctx.db.transaction().execute(async (trx) => {
    const prepared = await kind.prepare(trx, ctx, input, null);
    const now = ctx.clock.now();
    const row = {
      id: newRowId(),
      partner_id: ctx.partnerId,
      name: prepared.name,
      definition: JSON.stringify(prepared.definition),
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...prepared.columns,
    };
    await trx
      .insertInto(kind.table as 'themes')
      .values(row)
      .execute();
    await auditEntry(trx, ctx, kind, 'CREATED', row.id, now);
    const [presented] = await kind.present(trx, [row]);
    return presented!;
  });
}

export async function replaceEntry<I, O>({ ctx, kind, id, input }: { ctx: PartnerCtx; kind: CatalogKind<I, O>; id: string; input: I }): Promise<O> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadEntry(ctx, kind, id, trx);
    const prepared = await kind.prepare(trx, ctx, input, id);
    const changes = { name: prepared.name, definition: JSON.stringify(prepared.definition), updated_at: ctx.clock.now(), ...prepared.columns };
    await trx
      .updateTable(kind.table as 'themes')
      .set(changes)
      .where('id', '=', id)
      .execute();
    await auditEntry(trx, ctx, kind, 'REPLACED', id, changes.updated_at);
    const [presented] = await kind.present(trx, [{ ...current, ...changes }]);
    return presented!;
  });
}

export async function getEntry<I, O>({ ctx, kind, id }: { ctx: PartnerCtx; kind: CatalogKind<I, O>; id: string }): Promise<O> {
  const [presented] = await kind.present(ctx.db, [await loadEntry(ctx, kind, id)]);
  return presented!;
}

export async function listEntries<I, O>({ ctx, kind }: { ctx: PartnerCtx; kind: CatalogKind<I, O> }): Promise<O[]> {
  return kind.present(ctx.db, await listLive(ctx.db, kind.table, ctx.partnerId));
}

/** Soft delete: tokens that already use the object keep working; new tokens cannot name it. */
export async function deleteEntry<I, O>({ ctx, kind, id }: { ctx: PartnerCtx; kind: CatalogKind<I, O>; id: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadEntry(ctx, kind, id, trx);
    const settings = await readSettings(trx, ctx.partnerId);
    if (settings[kind.defaultSetting] === id) {
      const noun = kind.label.toLowerCase();
      throw inUse(`This ${noun} is the default ${noun}; choose another default first.`);
    }
    await kind.checkDelete?.(trx, ctx, id);
    const now = ctx.clock.now();
    await trx
      .updateTable(kind.table as 'themes')
      .set({ deleted_at: now })
      .where('id', '=', id)
      .execute();
    await auditEntry(trx, ctx, kind, 'DELETED', id, now);
  });
}

async function loadEntry<I, O>(ctx: PartnerCtx, kind: CatalogKind<I, O>, id: string, db = ctx.db) {
  const row = await findLive(db, kind.table, ctx.partnerId, id);
  if (!row) throw notFound(kind.label);
  return row;
}

const AUDIT_NAMES: Record<CatalogKind<unknown, unknown>['table'], { entity: string; idKey: string }> = {
  flows: { entity: 'FLOW', idKey: 'flowId' },
  themes: { entity: 'THEME', idKey: 'themeId' },
  questionnaires: { entity: 'QUESTIONNAIRE', idKey: 'questionnaireId' },
};

/** FLOW_CREATED, THEME_REPLACED, QUESTIONNAIRE_DELETED, ...: partner-level entries. */
async function auditEntry<I, O>(db: Db, ctx: PartnerCtx, kind: CatalogKind<I, O>, verb: 'CREATED' | 'REPLACED' | 'DELETED', id: string, now: number) {
  const { entity, idKey } = AUDIT_NAMES[kind.table];
  await recordPartnerAudit(db, ctx, { action: `${entity}_${verb}`, details: { [idKey]: id }, now });
}

export function inUse(message: string): DomainError {
  return new DomainError('CONFLICT', message);
}
