import { Type, type Static } from 'typebox';
import { boundedBy, DateTime, Nullable, PathId, withoutDefaults } from './common.js';
import { LIMITS } from '../shared/limits.js';
import { ApprovalStatusEnum, CountryEnum, CustomFieldTypeEnum, KybStatusEnum } from './enums.js';

const strict = { additionalProperties: false } as const;
const Text = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

/** E.164: a plus, a non-zero digit, up to 15 digits in all. */
export const E164_PATTERN = '^\\+[1-9][0-9]{1,14}$';
export const Phone = Type.Optional(Nullable(Type.String({ maxLength: 128, pattern: E164_PATTERN })));

/** Accepted and ignored; bounded only by the body limit and the JSON depth limit. */
const ignoredEcho = boundedBy('ignored; the request body limit and JSON depth limit');

/** A custom field's value in a request: `{value}`, typed by the flow's field definition. */
// `title` and `type` are what responses carry; a request may send them back, they are ignored.
export const AdditionalInfoRequest = Type.Record(
  Type.String({ maxLength: 32 }),
  Type.Object(
    {
      value: Type.Union([
        Type.String({ maxLength: 1000 }),
        Type.Number(),
        Type.Boolean(),
        Type.Null(),
        Type.Array(Type.String({ maxLength: 1000 }), { maxItems: LIMITS.answerListItems }),
      ]),
      title: Type.Optional(Type.Unknown(ignoredEcho)),
      type: Type.Optional(Type.Unknown(ignoredEcho)),
    },
    strict,
  ),
  { maxProperties: LIMITS.customFields },
);

/** Response-only fields a client may send back from a GET; they are accepted and ignored. */
export const ReadOnly = Type.Optional(
  Type.Unknown({ description: 'Read-only: ignored in requests.', ...boundedBy('ignored; the request body limit and JSON depth limit') }),
);
export const AdditionalInfo = Type.Record(Type.String(), Type.Object({ title: Type.String(), type: CustomFieldTypeEnum, value: Type.Unknown() }));

/** The company fields of iDenfy's CompanyInfoRequest (also used by company beneficiaries). */
export const companyFields = {
  companyName: Type.String({ minLength: 1, maxLength: 200 }),
  registrationNumber: Text(100),
  country: CountryEnum,
  region: Text(2),
  type: Text(100),
  phone: Phone,
  website: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 200 }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  brandNames: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 10, default: [] })),
  activityCode: Text(8),
  tin: Text(32),
  operatingAddress: Text(255),
  postalAddress: Text(255),
  postcode: Text(20),
  street: Text(100),
  city: Text(100),
  additionalInfo: Type.Optional(AdditionalInfoRequest),
};

export const CompanyInfoRequest = Type.Object(companyFields, { ...strict, title: 'CompanyInfoRequest' });
export type CompanyInfoRequest = Static<typeof CompanyInfoRequest>;

/** PATCH: a partial company, merged into the stored one. */
export const PatchedCompanyInfoRequest = Type.Partial(Type.Object(withoutDefaults(companyFields), strict), { ...strict, title: 'PatchedCompanyInfoRequest' });

const responseText = Nullable(Type.String());
export const CompanyInfo = Type.Object(
  {
    companyName: Type.String(),
    registrationNumber: responseText,
    country: CountryEnum,
    region: responseText,
    type: responseText,
    phone: responseText,
    website: responseText,
    email: responseText,
    brandNames: Type.Array(Type.String()),
    activityCode: responseText,
    tin: responseText,
    operatingAddress: responseText,
    postalAddress: responseText,
    postcode: responseText,
    street: responseText,
    city: responseText,
    additionalInfo: AdditionalInfo,
  },
  { title: 'CompanyInfo' },
);
export type CompanyInfo = Static<typeof CompanyInfo>;

export const ClientSystemRequest = Type.Object(
  {
    ipAddress: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 45, anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] }))),
    timeZone: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  },
  { ...strict, title: 'ClientSystemRequest' },
);
export type ClientSystemRequest = Static<typeof ClientSystemRequest>;
export const ClientSystem = Type.Object({ ipAddress: Nullable(Type.String()), timeZone: Nullable(Type.String()) }, { title: 'ClientSystem' });

export const KybFormMeta = Type.Object(
  {
    status: KybStatusEnum,
    approvalStatus: Nullable(ApprovalStatusEnum),
    submissionTime: Nullable(DateTime),
    soleProprietor: Type.Boolean(),
  },
  { title: 'KybFormMeta' },
);
export type KybFormMeta = Static<typeof KybFormMeta>;

export const FormIdParams = Type.Object({ id: PathId });
export const CompanyIdParams = Type.Object({ companyId: PathId });
