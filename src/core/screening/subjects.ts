import type { BeneficiaryRow, CompanyRow } from '../../db/tables.js';
import type { ScreeningQuery } from '../../screening/engine.js';
import type { StoredCompanyInfo } from '../forms/company-info.js';

/** Someone screened in a case: the company itself, one of its beneficiaries, or an officer or owner its register names that the client did not declare. */
export interface Subject {
  type: 'COMPANY' | 'BENEFICIARY' | 'REGISTER_PERSON';
  id: string;
  /** One query per name the subject goes by (a company's brand names too). */
  queries: ScreeningQuery[];
}

const present = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];

function organisation(info: Record<string, unknown>, names: unknown[]): ScreeningQuery[] {
  const countries = present([info.country]);
  const identifiers = present([info.registrationNumber, info.tin]);
  return present(names).map((name) => ({ name, kind: 'organisation' as const, countries, identifiers }));
}

/** The company and every beneficiary, with what the matcher can use: names, birth date, countries, ids. */
export function subjectsOf(company: CompanyRow & { info: string }, beneficiaries: BeneficiaryRow[]): Subject[] {
  const info = JSON.parse(company.info) as StoredCompanyInfo & Record<string, unknown>;
  const subjects: Subject[] = [{ type: 'COMPANY', id: company.id, queries: organisation(info, [info.companyName, ...(info.brandNames ?? [])]) }];
  for (const beneficiary of beneficiaries) {
    const person = JSON.parse(beneficiary.info) as Record<string, unknown>;
    const queries =
      beneficiary.info_type === 'INDIVIDUAL'
        ? [
            {
              name: `${String(person.name ?? '')} ${String(person.surname ?? '')}`.trim(),
              kind: 'person' as const,
              ...(typeof person.dateOfBirth === 'string' ? { birthDate: person.dateOfBirth } : {}),
              countries: present([person.nationality, person.citizenship, person.countryOfResidence, person.countryOfBirth, person.country]),
              identifiers: present([person.documentNumber, person.personalNumber, person.tin]),
            },
          ]
        : organisation(person, [person.companyName, ...((person.brandNames as unknown[]) ?? [])]);
    subjects.push({ type: 'BENEFICIARY', id: beneficiary.id, queries });
  }
  return subjects;
}
