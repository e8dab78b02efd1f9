import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import { conflict } from '../errors.js';
import { modeOf, type GovMode } from './gov-session.js';

/** The register search and pick belong to GOV1 and GOV2 sessions; a FORM session is refused with 409. */
export async function assertGovSession(db: Db, company: Pick<CompanyRow, 'id'>): Promise<Exclude<GovMode, 'FORM'>> {
  const mode = await modeOf(db, company.id);
  if (mode === 'FORM') throw conflict('This session is a FORM session: the company register search and pick are for GOV1 and GOV2 sessions.');
  return mode;
}
