import { emptyRecord } from '../../shared/records.js';
import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { Ctx } from '../context.js';
import { openForCompany, openNullable, sealForCompany, sealNullable } from '../privacy/seal.js';
import type { StoredCompanyInfo } from './company-info.js';

/**
 * The company's register data stays in clear: its legal name, registration number, country,
 * region, legal form, activity code and brand names are public in business registers, and the
 * back office lists and searches by them. Everything else in `companies.info` (phone, e-mail,
 * website, tax number, addresses, custom fields) is sealed with the company's key under
 * `$sealed`. See docs/security.md.
 */
const PUBLIC_FIELDS = new Set(['companyName', 'registrationNumber', 'country', 'region', 'type', 'activityCode', 'brandNames']);
const SEALED = '$sealed';

type KeyCtx = Pick<Ctx, 'keys' | 'clock'>;

export async function sealCompanyInfo(db: Db, ctx: KeyCtx, companyId: string, info: StoredCompanyInfo): Promise<string> {
  const clear = emptyRecord<unknown>();
  const personal = emptyRecord<unknown>();
  for (const [field, value] of Object.entries(info)) (PUBLIC_FIELDS.has(field) ? clear : personal)[field] = value;
  return JSON.stringify({ ...clear, [SEALED]: await sealForCompany(db, ctx, companyId, JSON.stringify(personal)) });
}

/** `companies.info` as JSON text in clear; rows stored before encryption are read as they are. */
export async function openCompanyInfo(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string, stored: string): Promise<string> {
  const { [SEALED]: sealed, ...clear } = JSON.parse(stored) as Record<string, unknown>;
  if (typeof sealed !== 'string') return stored;
  return JSON.stringify({ ...clear, ...(JSON.parse(await openForCompany(db, ctx, companyId, sealed)) as Record<string, unknown>) });
}

/** The row with its info and client system (the client's IP address) opened. */
export async function openCompanyRow<T extends Pick<CompanyRow, 'id' | 'info' | 'client_system'>>(db: Db, ctx: Pick<Ctx, 'keys'>, row: T): Promise<T> {
  return {
    ...row,
    info: row.info === null ? null : await openCompanyInfo(db, ctx, row.id, row.info),
    client_system: await openNullable(db, ctx, row.id, row.client_system),
  };
}

export async function sealClientSystem(db: Db, ctx: KeyCtx, companyId: string, clientSystem: string | null): Promise<string | null> {
  return sealNullable(db, ctx, companyId, clientSystem);
}
