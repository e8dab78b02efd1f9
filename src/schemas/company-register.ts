import { Type, type Static } from 'typebox';
import { DateTime, Nullable } from './common.js';
import { CompanyFieldEnum } from './enums.js';
import { AmlCheckStatusEnum } from './screening.js';

export const KybDataMatchEnum = Type.Union([Type.Literal('MATCH'), Type.Literal('NO_MATCH'), Type.Literal('PARTIAL_MATCH')], { title: 'KybDataMatchEnum' });

/** iDenfy's CompanyComparisonDataMatching: one form field against the register. */
export const CompanyComparisonDataMatching = Type.Object(
  {
    field: CompanyFieldEnum,
    systemValue: Nullable(Type.String({ maxLength: 255 })),
    reportValue: Nullable(Type.String({ maxLength: 255 })),
    match: Nullable(KybDataMatchEnum),
  },
  { title: 'CompanyComparisonDataMatching' },
);

/** iDenfy's KybDataMatchingList (CompanyDetail.dataMatchings). */
export const KybDataMatchingList = Type.Object(
  {
    id: Type.String(),
    created: DateTime,
    reportId: Type.String({ maxLength: 36 }),
    reportType: Type.Literal('GOV_REGISTERS'),
    companyComparison: Type.Array(CompanyComparisonDataMatching),
  },
  { title: 'KybDataMatchingList' },
);

/** What the client picked from the register in a GOV1/GOV2 session (core/company-register/present-pick.ts). */
export const RegisterPick = Type.Object(
  {
    mode: Type.Union([Type.Literal('GOV1'), Type.Literal('GOV2')]),
    provider: Type.String(),
    country: Type.String(),
    registrationNumber: Type.String({ description: "The register's number of the company picked." }),
    companyName: Type.String({ description: "The register's name of the company picked." }),
    pickedAt: DateTime,
    lockedFields: Type.Array(Type.String(), { description: 'GOV2: the company fields the register gave, which the client could not change; [] for GOV1.' }),
    profile: Type.Unknown({ description: 'The register profile as the server read it at the pick (src/registries/provider.ts RegistryProfile).' }),
    formComparison: Type.Array(CompanyComparisonDataMatching, {
      description:
        'Each field the register gave: the form now (systemValue) against the picked profile (reportValue). A line that is not MATCH was changed after the pick (by the client in GOV1, by the partner in GOV2).',
    }),
  },
  { title: 'RegisterPick' },
);
export type RegisterPick = Static<typeof RegisterPick>;

const RegisterPersonRole = Type.Union([Type.Literal('officer'), Type.Literal('owner')]);

/** `GET /v1/companies/{id}/register/`: the case's latest register check, for the reviewer. */
export const CompanyRegister = Type.Object(
  {
    companyId: Type.String(),
    status: Type.Enum(['NOT_CHECKED', 'FOUND', 'NOT_FOUND', 'REJECTED', 'TIMED_OUT', 'FAILED', 'NOT_SERVED'], {
      description:
        'NOT_CHECKED: no check ran yet. FOUND: the register knows the company. NOT_FOUND: it does not know the number. REJECTED: it refuses the number as written. TIMED_OUT / FAILED: the register did not answer in time / failed or answered nonsense. NOT_SERVED: no configured register serves the country, or the form has no registration number.',
    }),
    checkedAt: Nullable(DateTime),
    provider: Nullable(Type.String()),
    country: Nullable(Type.String()),
    registrationNumber: Nullable(Type.String()),
    /** The register's profile as the provider gave it (src/registries/provider.ts RegistryProfile); null unless FOUND. */
    profile: Nullable(
      Type.Unknown({ description: 'The register profile (legal name, number, status, legal form, addresses, activity codes, officers, owners, parents).' }),
    ),
    dataMatching: Nullable(KybDataMatchingList),
    /** GOV1/GOV2 sessions: the company the client picked from the register; null for FORM sessions and before the pick. */
    pick: Nullable(RegisterPick),
    /** The register's current officers and owners that no declared beneficiary is, each screened like a beneficiary. */
    undeclaredPersons: Type.Array(
      Type.Object({
        key: Type.String({ description: "Stable across checks; the person's screening subject id (subjectType REGISTER_PERSON)." }),
        kind: Type.Union([Type.Literal('individual'), Type.Literal('company')]),
        name: Type.String(),
        roles: Type.Array(RegisterPersonRole),
        positions: Type.Array(Type.String()),
        natureOfControl: Type.Array(Type.String()),
        sharesMin: Nullable(Type.Number()),
        sharesMax: Nullable(Type.Number()),
        birthMonth: Nullable(Type.String()),
        nationality: Nullable(Type.String()),
        countryOfResidence: Nullable(Type.String()),
        registrationNumber: Nullable(Type.String()),
        sanctionsCheckStatus: AmlCheckStatusEnum,
      }),
    ),
  },
  { title: 'CompanyRegister' },
);
export type CompanyRegister = Static<typeof CompanyRegister>;

const NullableText = (maxLength: number) => Nullable(Type.String({ maxLength }));
const FreeObject = Nullable(Type.Record(Type.String(), Type.Unknown()));

/** iDenfy's CompanyGovRegistersDocument: a register profile the case's automation fetched (core/company-register/present-register.ts). */
export const CompanyGovRegistersDocument = Type.Object(
  {
    id: Type.String(),
    externalCompanyId: Type.String({ maxLength: 512 }),
    lite: Type.Boolean(),
    checkedAt: Nullable(DateTime),
    dataFile: Nullable(Type.String({ format: 'uri', pattern: '(?:json)$' })),
    reportFile: Nullable(Type.String({ format: 'uri', pattern: '(?:pdf)$' })),
    checkedCompanyName: NullableText(200),
    checkedRegistrationNumber: NullableText(100),
    companyName: NullableText(200),
    postcode: NullableText(20),
    city: NullableText(100),
    activityCode: NullableText(32),
    activity: FreeObject,
    addresses: FreeObject,
    aliases: FreeObject,
    email: NullableText(128),
    faxNumber: NullableText(32),
    telephoneNumber: NullableText(32),
    fiscalCode: NullableText(128),
    websiteUrl: NullableText(128),
    foundationDate: NullableText(128),
    legalForm: NullableText(128),
    legalStatus: NullableText(128),
    registrationAuthority: NullableText(128),
    registrationAuthorityCode: NullableText(128),
    registrationDate: NullableText(128),
    registrationNumber: NullableText(128),
    vatNumber: NullableText(128),
    stateOfIncorporation: NullableText(128),
    associatedPersons: FreeObject,
    beneficiaryDocument: Type.Boolean(),
  },
  { title: 'CompanyGovRegistersDocument' },
);

/** iDenfy's CompanyGovChecks (CompanyDetail.govChecks): OpenKYB fills govRegistersDocuments; the other three stay empty for a case. */
export const CompanyGovChecks = Type.Object(
  {
    creditBureauDocuments: Type.Array(Type.Unknown()),
    govRegistersDocuments: Type.Array(CompanyGovRegistersDocument),
    govOrderedDocuments: Type.Array(Type.Unknown()),
    sosFilingDocuments: Type.Array(Type.Unknown()),
  },
  { title: 'CompanyGovChecks' },
);
