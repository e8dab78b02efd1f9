import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import type { Ctx } from '../context.js';
import { registerSubjects } from '../company-register/register-subjects.js';
import { openCompanyRow } from '../forms/company-row.js';
import { subjectsOf, type Subject } from './subjects.js';

/**
 * A stored company's subjects with their names opened (in memory only), or null when it has no
 * company data yet. Throws MissingKeyError for an erased company.
 */
export async function readSubjects(db: Db, ctx: Pick<Ctx, 'keys'>, stored: CompanyRow): Promise<{ company: CompanyRow; subjects: Subject[] } | null> {
  if (!stored.info) return null;
  const company = await openCompanyRow(db, ctx, stored);
  return {
    company,
    subjects: [
      ...subjectsOf(company as CompanyRow & { info: string }, await beneficiaryRows(db, ctx, stored.id)),
      // The register's officers and owners the client did not declare are screened like beneficiaries.
      ...(await registerSubjects(db, ctx, stored.id)),
    ],
  };
}
