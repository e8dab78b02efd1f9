import type { Db } from '../../db/database.js';
import type { CompanyRegisterCheckRow } from '../../db/tables.js';
import type { FieldComparison, UndeclaredPerson } from '../../registries/compare-profile.js';
import type { RegistryProfile } from '../../registries/provider.js';
import type { Ctx } from '../context.js';
import { openForCompany } from '../privacy/seal.js';

/**
 * How a case's register check ended. FOUND: the profile is stored and compared. NOT_FOUND: the
 * register does not know the number. REJECTED: the register refuses the number as written.
 * TIMED_OUT / FAILED: the register's fault (FAILED includes an answer that is not a profile).
 * NOT_SERVED: no configured register serves the country, or the form has no registration number.
 */
export const REGISTER_CHECK_STATUSES = ['FOUND', 'NOT_FOUND', 'REJECTED', 'TIMED_OUT', 'FAILED', 'NOT_SERVED'] as const;
export type RegisterCheckStatus = (typeof REGISTER_CHECK_STATUSES)[number];

/** What a FOUND check holds, sealed: the register's profile, the comparison with the form, the undeclared persons. */
export interface RegisterCheckBody {
  profile: RegistryProfile;
  comparison: FieldComparison[];
  undeclared: UndeclaredPerson[];
}

export interface RegisterCheck {
  row: CompanyRegisterCheckRow;
  body: RegisterCheckBody | null;
}

/** The company's latest register check with its body opened, or null when none ran. */
export async function loadRegisterCheck(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string): Promise<RegisterCheck | null> {
  const row = await db.selectFrom('company_register_checks').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  return row ? openRegisterCheck(db, ctx, row) : null;
}

/** The latest register check rows of several companies (those with one), their bodies still sealed. */
export async function registerCheckRows(db: Db, companyIds: readonly string[]): Promise<Map<string, CompanyRegisterCheckRow>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db.selectFrom('company_register_checks').selectAll().where('company_id', 'in', companyIds).execute();
  return new Map(rows.map((row) => [row.company_id, row]));
}

/** A register check row with its body opened. */
export async function openRegisterCheck(db: Db, ctx: Pick<Ctx, 'keys'>, row: CompanyRegisterCheckRow): Promise<RegisterCheck> {
  return { row, body: row.body === null ? null : (JSON.parse(await openForCompany(db, ctx, row.company_id, row.body)) as RegisterCheckBody) };
}

/** The automation step's outcome (automationStatuses.register): the status and counts, never names. */
export function registerStepOutcome(check: RegisterCheck | null) {
  if (!check) return { status: 'NOT_SERVED' as const };
  const { row, body } = check;
  return {
    status: row.status as RegisterCheckStatus,
    ...(row.provider ? { provider: row.provider } : {}),
    ...(body
      ? {
          mismatches: body.comparison.filter((line) => line.match === 'NO_MATCH').map((line) => line.field),
          partialMatches: body.comparison.filter((line) => line.match === 'PARTIAL_MATCH').map((line) => line.field),
          undeclaredPersons: body.undeclared.length,
        }
      : {}),
  };
}

/** The files of a company's register check, for whoever deletes the check with the company. */
export async function registerCheckFiles(db: Db, companyId: string): Promise<string[]> {
  const rows = await db.selectFrom('company_register_checks').select(['data_file_hash', 'report_file_hash']).where('company_id', '=', companyId).execute();
  return rows.flatMap((row) => [row.data_file_hash, row.report_file_hash]).filter((hash): hash is string => hash !== null);
}
