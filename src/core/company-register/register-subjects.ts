import type { Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import type { Subject } from '../screening/subjects.js';
import { loadRegisterCheck, type RegisterCheck } from './register-check.js';

/**
 * The register's officers and owners the client did not declare, as screening subjects
 * (`REGISTER_PERSON`, id the person's stable key): screened like beneficiaries, so their hits
 * show and block approval like any other. Registers give a birth month only, not a date, so
 * the match leans on names and countries.
 */
export async function registerSubjects(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string): Promise<Subject[]> {
  return registerSubjectsOf(await loadRegisterCheck(db, ctx, companyId));
}

/** The subjects of a loaded register check (none without one, or without a profile). */
export function registerSubjectsOf(check: RegisterCheck | null | undefined): Subject[] {
  if (!check?.body) return [];
  const present = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
  return check.body.undeclared.map((person) => ({
    type: 'REGISTER_PERSON' as const,
    id: person.key,
    queries: [
      person.kind === 'individual'
        ? { name: person.name, kind: 'person' as const, countries: present([person.nationality, person.countryOfResidence]), identifiers: [] }
        : {
            name: person.name,
            kind: 'organisation' as const,
            countries: present([person.registrationCountry]),
            identifiers: present([person.registrationNumber]),
          },
    ],
  }));
}
