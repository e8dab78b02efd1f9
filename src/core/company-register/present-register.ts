import type { RegistryAddress } from '../../registries/provider.js';
import type { Ctx } from '../context.js';
import { signedFileUrl } from '../files/signed-url.js';
import type { RegisterCheck } from './register-check.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const cut = (value: string | undefined | null, max: number) => (value ? value.slice(0, max) : null);
const addressOf = (address: RegistryAddress) => ({
  lines: address.lines,
  city: address.city ?? null,
  postCode: address.postCode ?? null,
  country: address.country ?? null,
});

/**
 * iDenfy's CompanyGovRegistersDocument from a FOUND check: what the form asked for (`checked*`),
 * what the register holds, and the profile as signed links to its JSON (`dataFile`) and PDF
 * (`reportFile`). Fields the registers do not give (email, phones, VAT, fiscal code) are null.
 */
export function presentGovRegistersDocument(ctx: Ctx, check: RegisterCheck, form: { companyName?: string | null; registrationNumber?: string | null }) {
  const { row, body } = check;
  if (!body) return null;
  const { profile } = body;
  const link = (hash: string | null, mime: string, filename: string) => (hash === null ? null : signedFileUrl(ctx, { hash, mime, filename }));
  const registered = profile.addresses.find((a) => a.kind === 'registered') ?? profile.address ?? profile.addresses[0];
  return {
    id: row.id,
    externalCompanyId: profile.number.slice(0, 512),
    lite: false,
    checkedAt: iso(row.checked_at),
    dataFile: link(row.data_file_hash, 'application/json', 'register-profile.json'),
    reportFile: link(row.report_file_hash, 'application/pdf', 'register-profile.pdf'),
    checkedCompanyName: cut(form.companyName, 200),
    checkedRegistrationNumber: cut(form.registrationNumber, 100),
    companyName: cut(profile.name, 200),
    postcode: cut(registered?.postCode, 20),
    city: cut(registered?.city, 100),
    activityCode: cut(profile.activityCodes[0], 32),
    activity: profile.activityCodes.length > 0 ? { codes: profile.activityCodes } : null,
    addresses: profile.addresses.length > 0 ? { items: profile.addresses.map((a) => ({ kind: a.kind, ...addressOf(a) })) } : null,
    aliases: null,
    email: null,
    faxNumber: null,
    telephoneNumber: null,
    fiscalCode: null,
    websiteUrl: null,
    foundationDate: cut(profile.incorporatedOn, 128),
    legalForm: cut(profile.legalForm, 128),
    legalStatus: cut(profile.status, 128),
    registrationAuthority: cut(profile.provider, 128),
    registrationAuthorityCode: null,
    registrationDate: cut(profile.incorporatedOn, 128),
    registrationNumber: cut(profile.number, 128),
    vatNumber: null,
    stateOfIncorporation: null,
    associatedPersons: { officers: profile.officers, owners: profile.owners, parents: profile.parents },
    beneficiaryDocument: false,
  };
}

/** iDenfy's KybDataMatchingList of a FOUND check: the form's fields against the register (`GOV_REGISTERS`). */
export function presentDataMatching(check: RegisterCheck) {
  const { row, body } = check;
  if (!body) return null;
  return { id: row.id, created: iso(row.checked_at), reportId: row.id, reportType: 'GOV_REGISTERS' as const, companyComparison: body.comparison };
}
