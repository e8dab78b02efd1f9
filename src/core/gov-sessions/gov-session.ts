import type { Db } from '../../db/database.js';
import type { GovSessionRow } from '../../db/tables.js';
import type { RegistryProfile } from '../../registries/provider.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import type { RegistrySession } from '../../schemas/gov-session.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import { declaredOf } from '../company-register/check-company-register.js';
import type { Ctx } from '../context.js';
import type { FieldErrors } from '../errors.js';
import type { FormAccess } from '../forms/access.js';
import { ownValue } from '../../shared/records.js';
import { openForCompany } from '../privacy/seal.js';
import { companySummary, proposalsFromProfile } from './from-profile.js';

/** How a session treats the register: FORM ignores it, GOV1 pre-fills from it, GOV2 takes it as the source. */
export type GovMode = 'FORM' | 'GOV1' | 'GOV2';

export interface RegisterBeneficiary {
  id: string;
  /** `info.<property>`, `ownershipPercentage` and `beneficiaryTypes` (roles: added to, never removed): what the register gave. */
  fields: string[];
}

/** The token type of the session that reserved the company (one token per company). */
export async function modeOf(db: Db, companyId: string): Promise<GovMode> {
  const row = await db.selectFrom('kyb_tokens').select('token_type').where('company_id', '=', companyId).executeTakeFirst();
  return row?.token_type === 'GOV1' || row?.token_type === 'GOV2' ? row.token_type : 'FORM';
}

export async function govSessionRow(db: Db, companyId: string): Promise<GovSessionRow | null> {
  return (await db.selectFrom('gov_sessions').selectAll().where('company_id', '=', companyId).executeTakeFirst()) ?? null;
}

export async function openProfile(db: Db, ctx: Pick<Ctx, 'keys'>, row: GovSessionRow): Promise<RegistryProfile> {
  return JSON.parse(await openForCompany(db, ctx, row.company_id, row.profile)) as RegistryProfile;
}

export interface RegisterLocks {
  companyFields: readonly string[];
  beneficiaries: ReadonlyMap<string, readonly string[]>;
}

const NO_LOCKS: RegisterLocks = { companyFields: [], beneficiaries: new Map() };

/**
 * What the register holds fixed for this actor: in a GOV2 session, after the pick, the
 * register's company fields and register beneficiaries are the client's to read, not to change.
 * The partner (key pair or manager) may still correct them, as with a flow's read-only fields.
 */
export async function registerLocks(db: Db, access: FormAccess): Promise<RegisterLocks> {
  if (access.actor.kind !== 'client') return NO_LOCKS;
  const row = await db
    .selectFrom('gov_sessions')
    .select(['locked_fields', 'register_beneficiaries'])
    .where('company_id', '=', access.companyId)
    .executeTakeFirst();
  if (!row) return NO_LOCKS;
  const beneficiaries = JSON.parse(row.register_beneficiaries) as RegisterBeneficiary[];
  return { companyFields: JSON.parse(row.locked_fields) as string[], beneficiaries: new Map(beneficiaries.map((b) => [b.id, b.fields])) };
}

/** Why an edit of a locked field is refused, in the validation error's field list. */
export const LOCKED_MESSAGE = 'comes from the company register in this session (GOV2) and cannot be changed';

/** Why taking a role from a register beneficiary is refused (adding one is allowed). */
export const ROLES_LOCKED_MESSAGE = 'come from the company register in this session (GOV2): roles may be added, not removed';

/** The session's register mode as the hosted form reads it. GOV1 proposals leave out whoever a beneficiary already is. */
export async function presentRegistrySession(
  db: Db,
  ctx: Pick<Ctx, 'keys'>,
  companyId: string,
  mode: GovMode,
  flow: KybFormUnifiedFlow | null,
): Promise<RegistrySession> {
  const row = mode === 'FORM' ? null : await govSessionRow(db, companyId);
  if (!row) return { mode, searchRequired: mode !== 'FORM', company: null, lockedFields: [], lockedBeneficiaries: [], proposedBeneficiaries: [] };
  const profile = await openProfile(db, ctx, row);
  const proposals = mode === 'GOV1' ? proposalsFromProfile(profile, (await beneficiaryRows(db, ctx, companyId)).map(declaredOf), flow) : [];
  return {
    mode,
    searchRequired: false,
    company: { ...companySummary(profile), pickedAt: new Date(row.picked_at).toISOString() },
    lockedFields: JSON.parse(row.locked_fields) as string[],
    lockedBeneficiaries: JSON.parse(row.register_beneficiaries) as RegisterBeneficiary[],
    proposedBeneficiaries: proposals,
  };
}

/**
 * Adds an error for each locked field whose value differs between `before` and `after`
 * (`info.name` reads `before.info.name`); the caller refuses the whole change (400).
 */
export function refuseLockedChanges(locked: readonly string[], before: object, after: object, path: string, errors: FieldErrors): void {
  const valueAt = (object: object, field: string) =>
    field
      .split('.')
      .reduce<unknown>((value, key) => (value && typeof value === 'object' ? ownValue(value as Record<string, unknown>, key) : undefined), object);
  for (const field of locked) {
    if (JSON.stringify(valueAt(before, field) ?? null) !== JSON.stringify(valueAt(after, field) ?? null)) {
      (errors[path ? `${path}.${field}` : field] ??= []).push(LOCKED_MESSAGE);
    }
  }
}

export async function isPicked(db: Db, companyId: string): Promise<boolean> {
  return (await db.selectFrom('gov_sessions').select('company_id').where('company_id', '=', companyId).executeTakeFirst()) !== undefined;
}

/** GOV1 and GOV2 forms are submitted only after a company was picked from the register. */
export async function isPickMissing(db: Db, companyId: string): Promise<boolean> {
  return (await modeOf(db, companyId)) !== 'FORM' && !(await isPicked(db, companyId));
}
