import type { Db } from '../../db/database.js';

/**
 * Work other parts of OpenKYB add to a company's erasure, run inside the deletion's
 * transaction after its rows are gone (e.g. destroying the company's encryption key, which
 * makes any copy of its encrypted data, backups included, unreadable).
 */
export type CompanyEraseHook = (db: Db, erase: { partnerId: string; companyId: string; now: number }) => Promise<void>;

export const companyEraseHooks: CompanyEraseHook[] = [];
