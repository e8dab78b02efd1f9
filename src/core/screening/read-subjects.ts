import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import { beneficiaryRows, beneficiaryRowsOf, openBeneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import type { Ctx } from '../context.js';
import { openRegisterCheck, registerCheckRows } from '../company-register/register-check.js';
import { registerSubjects, registerSubjectsOf } from '../company-register/register-subjects.js';
import { openCompanyRow } from '../forms/company-row.js';
import { MissingKeyError, preloadDataKeys } from '../privacy/company-keys.js';
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

/**
 * `readSubjects` for a page of companies in four statements instead of four per company (their
 * keys, beneficiaries and register checks read together): re-screening reads every open case.
 * A company with no company data yet, or whose key was erased, is left out of the map.
 */
export async function readPageSubjects(db: Db, ctx: Pick<Ctx, 'keys'>, page: readonly CompanyRow[]): Promise<Map<string, Subject[]>> {
  const stored = page.filter((row) => row.info);
  const ids = stored.map((row) => row.id);
  await preloadDataKeys(db, ctx.keys, ids);
  const [beneficiaries, checks] = await Promise.all([beneficiaryRowsOf(db, ids), registerCheckRows(db, ids)]);
  const subjects = new Map<string, Subject[]>();
  for (const row of stored) {
    try {
      const company = (await openCompanyRow(db, ctx, row)) as CompanyRow & { info: string };
      const check = checks.get(row.id);
      subjects.set(row.id, [
        ...subjectsOf(company, await openBeneficiaryRows(db, ctx, beneficiaries.get(row.id)!)),
        ...registerSubjectsOf(check && (await openRegisterCheck(db, ctx, check))),
      ]);
    } catch (error) {
      if (error instanceof MissingKeyError) continue;
      throw error;
    }
  }
  return subjects;
}
