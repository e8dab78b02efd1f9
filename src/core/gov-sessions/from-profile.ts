import type { DeclaredPerson, UndeclaredPerson } from '../../registries/compare-profile.js';
import { undeclaredPersons } from '../../registries/compare-profile.js';
import type { RegistryAddress, RegistryProfile } from '../../registries/provider.js';
import type { BeneficiaryCreateRequest } from '../../schemas/beneficiary.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import type { RegistryCompany, RegistryProposal } from '../../schemas/gov-session.js';
import { COUNTRIES } from '../../shared/enums.js';
import type { StoredCompanyInfo } from '../forms/company-info.js';

type Country = (typeof COUNTRIES)[number];
const isCountry = (value: string | undefined): value is Country => value !== undefined && (COUNTRIES as readonly string[]).includes(value);
const clip = (text: string | undefined, max: number) => (text && text.trim() ? text.trim().slice(0, max) : undefined);

/** The register's address on one line: its lines, then post code and city. */
export function addressLine(address: RegistryAddress | undefined): string | null {
  if (!address) return null;
  const line = [...address.lines, [address.postCode, address.city].filter(Boolean).join(' ')].filter((part) => part && part.trim()).join(', ');
  return line || null;
}

export function companySummary(
  profile: Pick<RegistryProfile, 'provider' | 'country' | 'number' | 'name' | 'status' | 'legalForm' | 'incorporatedOn' | 'address'>,
): RegistryCompany {
  const { provider, country, number, name, status, legalForm = null, incorporatedOn = null } = profile;
  return { provider, country, number, name, status, legalForm, incorporatedOn, address: addressLine(profile.address) };
}

/**
 * The company step's fields the register gives, each within the form's limits (a value that
 * does not fit is left for the client to type). The incorporation date has no form field: it
 * is shown with the picked company.
 */
export function companyFieldsFromProfile(profile: RegistryProfile, country: Country): Partial<StoredCompanyInfo> {
  const registered = profile.addresses.find((a) => a.kind === 'registered') ?? profile.address ?? profile.addresses[0];
  const fields: Partial<StoredCompanyInfo> = { companyName: profile.name.slice(0, 200), registrationNumber: profile.number.slice(0, 100), country };
  const set = <K extends keyof StoredCompanyInfo>(key: K, value: string | undefined, max: number) => {
    if (value && value.trim() && value.trim().length <= max) (fields as Record<string, unknown>)[key] = value.trim();
  };
  set('type', profile.legalForm, 100);
  set('postalAddress', addressLine(registered) ?? undefined, 255);
  set('street', registered?.lines[0], 100);
  set('city', registered?.city, 100);
  set('postcode', registered?.postCode, 20);
  set('activityCode', profile.activityCodes[0], 8);
  return fields;
}

const OFFICER_AS_CEO = /director|chief executive|\bceo\b|managing|manager|president|gesch[aä]ftsf[uü]hrer|vadovas|g[ée]rant/i;

/** The beneficiary types a register person gets: owners first (UBO for people, SHAREHOLDER for companies), then CEO or REPRESENTATIVE. */
function typesOf(person: UndeclaredPerson): string[] {
  const types: string[] = [];
  if (person.roles.includes('owner')) {
    if (person.kind === 'individual') types.push('UBO');
    if (person.sharesMin !== undefined || person.kind === 'company') types.push('SHAREHOLDER');
  }
  if (person.roles.includes('officer') && person.kind === 'individual') {
    types.push(person.positions.some((p) => OFFICER_AS_CEO.test(p)) ? 'CEO' : 'REPRESENTATIVE');
  }
  return types;
}

/** Only the types the flow lets the client add for this kind (a null flow allows every type). */
function allowedTypes(flow: KybFormUnifiedFlow | null, types: string[], infoType: 'INDIVIDUAL' | 'COMPANY'): string[] {
  const configured = flow?.beneficiaries;
  if (!configured) return types;
  return types.filter((type) => {
    const rule = configured.find((b) => b.beneficiaryType === type);
    return rule !== undefined && !rule.readOnly && rule.applicants.some((a) => a.applicantType === infoType);
  });
}

/** The register's fields of one proposed beneficiary: what GOV2 locks. */
export function registerGivenFields(beneficiary: BeneficiaryCreateRequest): string[] {
  const info = beneficiary.info as Record<string, unknown>;
  const fields = Object.keys(info)
    .filter((key) => key !== 'infoType' && key !== 'additionalInfo' && key !== 'brandNames')
    .map((key) => `info.${key}`);
  if (beneficiary.ownershipPercentage !== undefined && beneficiary.ownershipPercentage !== null) fields.push('ownershipPercentage');
  // The roles too: a director and majority owner turned into a mere representative would leave
  // the register's UBO out of the case as surely as a renamed one.
  fields.push('beneficiaryTypes');
  return fields;
}

/**
 * The register's current officers and owners that no beneficiary is yet, as beneficiary
 * bodies: individuals split into name (all but the last word, unless the register splits it)
 * and surname; a share range gives its lower bound as the ownership percentage. A person the
 * flow has no client-editable type for is left out (the register check will show them).
 */
export function proposalsFromProfile(profile: RegistryProfile, declared: readonly DeclaredPerson[], flow: KybFormUnifiedFlow | null): RegistryProposal[] {
  const split = new Map(
    [...profile.officers, ...profile.owners].filter((p) => p.firstName && p.lastName).map((p) => [p.name, { name: p.firstName!, surname: p.lastName! }]),
  );
  const proposals: RegistryProposal[] = [];
  for (const person of undeclaredPersons(profile, declared)) {
    const infoType = person.kind === 'individual' ? 'INDIVIDUAL' : 'COMPANY';
    const types = allowedTypes(flow, typesOf(person), infoType);
    if (types.length === 0) continue;
    const positions = person.positions
      .map((p) => p.replace(/,/g, ' ').trim().slice(0, 50))
      .filter(Boolean)
      .slice(0, 3);
    const ownershipPercentage = person.sharesMin ?? null;
    // The applicant union is discriminated at runtime (schemas/common.ts Discriminated): typed loosely here, checked by the insert.
    let info: Record<string, unknown>;
    if (person.kind === 'individual') {
      const words = person.name.trim().split(/\s+/);
      const names = split.get(person.name) ?? { name: words.slice(0, -1).join(' ') || words[0]!, surname: words.length > 1 ? words.at(-1)! : words[0]! };
      info = {
        infoType: 'INDIVIDUAL',
        name: names.name.slice(0, 100),
        surname: names.surname.slice(0, 100),
        ...(isCountry(person.nationality) ? { nationality: person.nationality } : {}),
        ...(isCountry(person.countryOfResidence) ? { countryOfResidence: person.countryOfResidence } : {}),
      };
    } else {
      const country = isCountry(person.registrationCountry) ? person.registrationCountry : isCountry(profile.country) ? profile.country : undefined;
      if (!country) continue;
      info = {
        infoType: 'COMPANY',
        companyName: person.name.slice(0, 200),
        country,
        ...(clip(person.registrationNumber, 100) ? { registrationNumber: clip(person.registrationNumber, 100)! } : {}),
        // The schema's default, given here so every presentation of a proposal is the same.
        brandNames: [],
      };
    }
    const beneficiary: BeneficiaryCreateRequest = {
      beneficiaryTypes: types as BeneficiaryCreateRequest['beneficiaryTypes'],
      positions,
      ownershipPercentage,
      info: info as unknown as BeneficiaryCreateRequest['info'],
    };
    proposals.push({ key: person.key, roles: person.roles, beneficiary });
  }
  return proposals;
}

export { isCountry };
