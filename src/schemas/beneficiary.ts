import { Type, type Static, type TObject } from 'typebox';
import { ASCII_PATTERN, Discriminated, NOCOMMA_PATTERN, Nullable, PathId, withoutDefaults } from './common.js';
import { AdditionalInfo, AdditionalInfoRequest, companyFields, CompanyInfo, Phone, ReadOnly } from './company.js';
import { BeneficiaryTypeEnum, CountryEnum } from './enums.js';

const strict = { additionalProperties: false } as const;
const Text = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
const Country = Type.Optional(Nullable(CountryEnum));
const AsciiId = Type.Optional(Nullable(Type.String({ maxLength: 50, pattern: ASCII_PATTERN })));

/** iDenfy's IndividualApplicantRequest fields. */
export const individualFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  surname: Type.String({ minLength: 1, maxLength: 100 }),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Phone,
  dateOfBirth: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  country: Country,
  nationality: Country,
  documentNumber: AsciiId,
  personalNumber: AsciiId,
  citizenship: Country,
  countryOfBirth: Country,
  residentialAddress: Text(255),
  countryOfResidence: Country,
  postcode: Text(20),
  address: Text(255),
  street: Text(100),
  city: Text(100),
  tin: Text(20),
  taxResidence: Country,
  selfDeclaredPep: Type.Optional(Nullable(Type.Boolean())),
  additionalInfo: Type.Optional(AdditionalInfoRequest),
};

const individual = (extra = {}) => ({ infoType: Type.Literal('INDIVIDUAL'), ...individualFields, ...extra });
const company = () => ({ infoType: Type.Literal('COMPANY'), ...companyFields });
/** scanRef links an existing KYC verification; honoured only with the partner key pair. */
const scanRef = { scanRef: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) };

const applicant = (title: string, variants: TObject[]) => Discriminated('infoType', variants, { title });
export const ApplicantCreateRequest = applicant('ApplicantCreateRequest', [Type.Object(individual(scanRef), strict), Type.Object(company(), strict)]);
export const ApplicantRequest = applicant('ApplicantRequest', [Type.Object(individual(), strict), Type.Object(company(), strict)]);
/** PATCH: the applicant's fields are optional and merged; its infoType cannot change. */
export const PatchedApplicantRequest = applicant('PatchedApplicantRequest', [
  Type.Object({ infoType: Type.Literal('INDIVIDUAL'), ...Type.Partial(Type.Object(individualFields)).properties }, strict),
  Type.Object({ infoType: Type.Literal('COMPANY'), ...Type.Partial(Type.Object(withoutDefaults(companyFields))).properties }, strict),
]);

const beneficiaryFields = {
  beneficiaryType: Type.Optional(BeneficiaryTypeEnum),
  beneficiaryTypes: Type.Optional(Type.Array(BeneficiaryTypeEnum, { minItems: 1, maxItems: 5 })),
  positions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50, pattern: NOCOMMA_PATTERN }), { maxItems: 3, default: [] })),
  formFiller: Type.Optional(Type.Boolean()),
  ownershipPercentage: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100 }))),
};

export const BeneficiaryCreateRequest = Type.Object(
  {
    ...beneficiaryFields,
    info: ApplicantCreateRequest,
    parent: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  },
  { ...strict, title: 'BeneficiaryCreateRequest' },
);
export type BeneficiaryCreateRequest = Static<typeof BeneficiaryCreateRequest>;

/** `id` and `parent` come back from a GET; sent again they are accepted (a different parent is refused). */
const beneficiaryReadOnly = { id: ReadOnly, parent: Type.Optional(Nullable(Type.String({ maxLength: 100 }))) };
export const BeneficiaryRequest = Type.Object(
  { ...beneficiaryFields, info: ApplicantRequest, ...beneficiaryReadOnly },
  { ...strict, title: 'BeneficiaryRequest' },
);
export type BeneficiaryRequest = Static<typeof BeneficiaryRequest>;

export const PatchedBeneficiaryRequest = Type.Object(
  {
    beneficiaryType: beneficiaryFields.beneficiaryType,
    beneficiaryTypes: beneficiaryFields.beneficiaryTypes,
    positions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50, pattern: NOCOMMA_PATTERN }), { maxItems: 3 })),
    formFiller: beneficiaryFields.formFiller,
    ownershipPercentage: beneficiaryFields.ownershipPercentage,
    info: Type.Optional(PatchedApplicantRequest),
    ...beneficiaryReadOnly,
  },
  { ...strict, title: 'PatchedBeneficiaryRequest' },
);
export type PatchedBeneficiaryRequest = Static<typeof PatchedBeneficiaryRequest>;

const nullableText = Nullable(Type.String());
const IndividualApplicant = Type.Object(
  {
    infoType: Type.Literal('INDIVIDUAL'),
    ...Object.fromEntries(
      Object.keys(individualFields)
        .filter((k) => !['additionalInfo', 'selfDeclaredPep'].includes(k))
        .map((k) => [k, nullableText]),
    ),
    name: Type.String(),
    surname: Type.String(),
    selfDeclaredPep: Nullable(Type.Boolean()),
    additionalInfo: AdditionalInfo,
  },
  { title: 'IndividualApplicant' },
);
const CompanyApplicant = Type.Object({ infoType: Type.Literal('COMPANY'), ...CompanyInfo.properties }, { title: 'CompanyApplicant' });

/** Response shape; `beneficiaryType` is the first of `beneficiaryTypes` (legacy field kept consistent). */
export const Beneficiary = Type.Object(
  {
    id: Type.String(),
    beneficiaryType: BeneficiaryTypeEnum,
    beneficiaryTypes: Type.Array(BeneficiaryTypeEnum),
    info: Type.Union([IndividualApplicant, CompanyApplicant]),
    positions: Type.Array(Type.String()),
    formFiller: Type.Boolean(),
    ownershipPercentage: Nullable(Type.Number()),
    parent: Nullable(Type.String()),
  },
  { title: 'Beneficiary' },
);
export type Beneficiary = Static<typeof Beneficiary>;

export const BeneficiaryParams = Type.Object({ companyId: PathId, id: PathId });
