import type { RegistryAddress, RegistryCompanyStatus } from '../provider.js';

/** The profile fields of an imported company kept as JSON in `registry_companies.data`. */
export interface CompanyData {
  addresses: RegistryAddress[];
  activityCodes: string[];
  lei?: string;
  previousNames?: string[];
  dissolvedOn?: string;
  jurisdiction?: string;
  registrationAuthority?: { id: string; entityId: string };
}

/** Companies House's status wording ("Active - Proposal to Strike off", "Liquidation") as a status. */
export function companyStatusOf(text: string): RegistryCompanyStatus {
  const status = text.toLowerCase();
  if (/dissolved|closed|converted|removed|struck/.test(status)) return 'dissolved';
  if (/liquidation|receiver|administration|insolvency|winding/.test(status)) return 'liquidation';
  if (/active|live|open/.test(status)) return 'active';
  if (/inactive|dormant/.test(status)) return 'inactive';
  return 'unknown';
}

/** A non-empty address, or undefined when every part is blank. */
export function addressOf(
  kind: RegistryAddress['kind'],
  lines: Array<string | undefined>,
  city?: string,
  postCode?: string,
  country?: string,
): RegistryAddress | undefined {
  const kept = lines.map((line) => line?.trim()).filter((line): line is string => Boolean(line));
  const address: RegistryAddress = { kind, lines: kept };
  if (city?.trim()) address.city = city.trim();
  if (postCode?.trim()) address.postCode = postCode.trim();
  if (country?.trim()) address.country = country.trim();
  return kept.length > 0 || address.city || address.postCode ? address : undefined;
}
