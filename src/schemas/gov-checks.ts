import { Type, type Static, type TSchema } from 'typebox';
import { DateTime, Discriminated, Nullable, Uuid } from './common.js';
import { CountryEnum, enumOf } from './enums.js';
import {
  GOV_COUNTRY_CODES,
  GOV_ORDER_ORDERINGS,
  GOV_ORDER_STATUSES,
  REGISTRY_CENTER_CHECKED_FIELDS,
  REGISTRY_CENTER_DATABASES,
  REGISTRY_CENTER_LIST_DATABASES,
  REGISTRY_CENTER_STATUSES,
  SOFT_KYC_MATCH_STATUSES,
  SOS_ENTITY_TYPES,
  US_STATES,
} from '../shared/gov-checks.js';

/** iDenfy's KYB GOV checks (§3.7): register documents, Secretary-of-State reports, registry-center checks. */
const strict = { additionalProperties: false } as const;
const DateOnly = Type.String({ format: 'date' });

export const GovDocumentOrderStatusEnum = enumOf(GOV_ORDER_STATUSES, 'GovDocumentOrderStatusEnum');
export const CountryCodeEnum = enumOf(GOV_COUNTRY_CODES, 'CountryCodeEnum');
export const StateEnum = enumOf(US_STATES, 'StateEnum');
export const SosEntityTypeEnum = enumOf(SOS_ENTITY_TYPES, 'SosEntityTypeEnum');
export const DatabaseEnum = enumOf(REGISTRY_CENTER_DATABASES, 'DatabaseEnum');
export const SoftKycMatchStatusEnum = enumOf(SOFT_KYC_MATCH_STATUSES, 'SoftKycMatchStatusEnum');
/** iDenfy leaves the UK check's four status enums undefined; OpenKYB defines them as this one (docs/registries.md). */
export const UkMatchStatusEnum = enumOf(REGISTRY_CENTER_STATUSES, 'UkMatchStatusEnum');

// ---- gov-ordered-documents ----

/** The company a register is asked about: what it offers (the query) and what is ordered (the request). */
const RegisterCompany = {
  countryCode: CountryCodeEnum,
  registrationNumber: Type.String({ minLength: 1, maxLength: 100 }),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
};

export const AvailableDocumentsQuery = Type.Object(RegisterCompany);
export type AvailableDocumentsQuery = Static<typeof AvailableDocumentsQuery>;

export const GovRegistersFilingResult = Type.Object(
  {
    id: Type.String(),
    productCode: Type.String(),
    price: Nullable(Type.Integer({ description: 'In the currency’s minor unit (cents).' })),
    productFormat: Nullable(Type.String()),
    productTitle: Type.String(),
    deliveryTimeMinutes: Type.Integer(),
    type: Type.String(),
    displayDate: Type.String(),
    priceTag: Type.String(),
    companyName: Type.String(),
    countryISO: Type.String(),
    noVatPrice: Type.String(),
    vatCharge: Type.String(),
    currency: Type.String(),
    companyCode: Type.String(),
    status: GovDocumentOrderStatusEnum,
    canOrder: Type.Boolean(),
  },
  { title: 'GovRegistersFilingResult' },
);
export type GovRegistersFilingResult = Static<typeof GovRegistersFilingResult>;
export const GovRegistersAvailableDocuments = Type.Object({ products: Type.Array(GovRegistersFilingResult) }, { title: 'GovRegistersAvailableDocuments' });

export const GovPartnerOrderDocumentRequest = Type.Object(
  {
    ...RegisterCompany,
    companyName: Type.String({ minLength: 1, maxLength: 200 }),
    productKey: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { ...strict, title: 'GovPartnerOrderDocumentRequest' },
);
export type GovPartnerOrderDocumentRequest = Static<typeof GovPartnerOrderDocumentRequest>;

export const GovPartnerOrderedDocument = Type.Object(
  {
    id: Uuid,
    title: Nullable(Type.String()),
    documentFormat: Type.String({ maxLength: 5 }),
    productKey: Type.String(),
    expectedDeliveryTime: DateTime,
    price: Type.Number({ minimum: 0 }),
    deliveredAt: Nullable(DateTime),
    status: GovDocumentOrderStatusEnum,
    file: Nullable(Type.String({ format: 'uri' })),
  },
  { title: 'GovPartnerOrderedDocument' },
);
export type GovPartnerOrderedDocument = Static<typeof GovPartnerOrderedDocument>;

/** A comma-separated list in one query parameter (iDenfy's `explode: false` arrays). */
const CommaList = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });

export const GovOrderListQuery = Type.Object({
  deliveredAfter: Type.Optional(DateTime),
  deliveredBefore: Type.Optional(DateTime),
  expectedDeliveryAfter: Type.Optional(DateTime),
  expectedDeliveryBefore: Type.Optional(DateTime),
  orderedAfter: Type.Optional(DateTime),
  orderedBefore: Type.Optional(DateTime),
  documentFormat: Type.Optional(Type.String({ minLength: 1, maxLength: 5 })),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  status: Type.Optional(GovDocumentOrderStatusEnum),
  orderBy: Type.Optional(CommaList(`Comma-separated, of ${GOV_ORDER_ORDERINGS.join(', ')}.`)),
});
export type GovOrderListQuery = Static<typeof GovOrderListQuery>;

// ---- sos-filing-documents ----

export const SosReportParameterRequest = Type.Object(
  {
    companyName: Type.String({ minLength: 1, maxLength: 200 }),
    state: StateEnum,
    city: Type.String({ minLength: 1, maxLength: 100 }),
    street: Type.String({ minLength: 1, maxLength: 255 }),
    postalCode: Type.String({ minLength: 1, maxLength: 10, pattern: '^\\d{5}$' }),
  },
  { ...strict, title: 'SosReportParameterRequest' },
);
export type SosReportParameterRequest = Static<typeof SosReportParameterRequest>;

export const SosReportDocument = Type.Object(
  {
    id: Type.String(),
    checkedAt: Nullable(DateTime),
    status: GovDocumentOrderStatusEnum,
    dataFile: Nullable(Type.String({ format: 'uri', pattern: '(?:json)$' })),
    reportFile: Nullable(Type.String({ format: 'uri', pattern: '(?:pdf)$' })),
    companyName: Nullable(Type.String({ maxLength: 200 })),
    formationDate: Nullable(DateOnly),
    entityType: Nullable(SosEntityTypeEnum),
    watchlistHitsCount: Nullable(Type.Integer()),
  },
  { title: 'SosReportDocument' },
);
export type SosReportDocument = Static<typeof SosReportDocument>;

export const SosListQuery = Type.Object({
  checkedAt: Type.Optional(CommaList('Two comma-separated date-times: from (inclusive) and to (exclusive); either may be empty.')),
  status: Type.Optional(GovDocumentOrderStatusEnum),
});
export type SosListQuery = Static<typeof SosListQuery>;

// ---- registry-center-checks ----

const ClientId = Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 })));

/** Undefined in iDenfy's spec (`UkAddressRequest`); OpenKYB's definition, docs/registries.md. */
export const UkAddressRequest = Type.Object(
  {
    buildingNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 20 }))),
    buildingName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    street: Type.String({ minLength: 1, maxLength: 255 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    postCode: Type.String({ minLength: 1, maxLength: 10 }),
  },
  { ...strict, title: 'UkAddressRequest' },
);
export const UkAddress = Type.Object(
  {
    buildingNumber: Type.Optional(Nullable(Type.String())),
    buildingName: Type.Optional(Nullable(Type.String())),
    street: Type.String(),
    city: Type.String(),
    postCode: Type.String(),
  },
  { title: 'UkAddress' },
);

const database = <T extends (typeof REGISTRY_CENTER_DATABASES)[number]>(value: T) => Type.Literal(value);
/** The checked person's first and last name, as long as the register takes them. */
const personNames = (maxLength: number) => ({
  firstName: Type.String({ minLength: 1, maxLength }),
  lastName: Type.String({ minLength: 1, maxLength }),
});

export const LithuaniaRegistryCenterCheckRequest = Type.Object(
  {
    database: database('LT'),
    checkedPersonalNumber: Type.String({ minLength: 1, maxLength: 30 }),
    checkedDocumentType: Type.Optional(Nullable(Type.String({ maxLength: 2 }))),
    clientId: ClientId,
  },
  { ...strict, title: 'LithuaniaRegistryCenterCheckRequest' },
);
export const HungaryRegistryCenterCheckRequest = Type.Object(
  { database: database('HU'), checkedMrz: Type.String({ minLength: 1, maxLength: 100 }), clientId: ClientId },
  { ...strict, title: 'HungaryRegistryCenterCheckRequest' },
);
export const UkRegistryCenterCheckRequest = Type.Object(
  {
    database: database('UK'),
    clientId: ClientId,
    ...personNames(255),
    dateOfBirth: DateOnly,
    address: UkAddressRequest,
  },
  { ...strict, title: 'UkRegistryCenterCheckRequest' },
);
export const UsRegistryCenterCheckRequest = Type.Object(
  {
    database: database('US_15'),
    clientId: ClientId,
    ...personNames(100),
    middleName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    dob: Type.Optional(Nullable(DateOnly)),
    yob: Type.Optional(Nullable(Type.Integer({ minimum: 1901, maximum: 2050 }))),
    address1: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 255 }))),
    address2: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 255 }))),
    city: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 100 }))),
    state: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 2 }))),
    zip: Type.Optional(Nullable(Type.String({ maxLength: 10, pattern: '^[0-9]*$' }))),
    idNum: Type.Optional(Nullable(Type.String({ maxLength: 9 }))),
    phone: Type.Optional(Nullable(Type.String({ minLength: 10, maxLength: 128 }))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  },
  { ...strict, title: 'UsRegistryCenterCheckRequest' },
);

export const RegistryCenterCheckRequest = Discriminated(
  'database',
  [LithuaniaRegistryCenterCheckRequest, HungaryRegistryCenterCheckRequest, UkRegistryCenterCheckRequest, UsRegistryCenterCheckRequest],
  { title: 'RegistryCenterCheckRequest' },
);
export type RegistryCenterCheckRequest = Static<typeof RegistryCenterCheckRequest>;

const Ro = <T extends ReturnType<typeof Type.String>>(schema: T) => Nullable(schema);
const AnyObject = Type.Record(Type.String(), Type.Unknown());
/** Fields of one schema, in this order: a register answers long runs of alike fields. */
const alike = <S extends TSchema, K extends string>(schema: S, names: readonly K[]) => Object.fromEntries(names.map((name) => [name, schema])) as Record<K, S>;

/** The result fields a provider answers per database, checked before anything is stored (a garbage answer is a provider failure). */
export const REGISTRY_CENTER_RESULTS = {
  LT: Type.Object({
    ...alike(Ro(Type.String()), ['personalNumber', 'name', 'surname', 'documentNumber']),
    documentExpiration: Ro(DateOnly),
    facePhoto: Ro(Type.String({ format: 'uri' })),
  }),
  HU: Type.Object({
    ...alike(Ro(Type.String()), ['firstName', 'lastName', 'maidenName', 'mothersMaidenName']),
    birthDate: Ro(DateOnly),
    birthPlace: Ro(Type.String()),
    nationality: Nullable(CountryEnum),
    ...alike(AnyObject, ['address', 'residentialAddress', 'idCard', 'passport', 'additionalData']),
  }),
  UK: Type.Object({
    ...alike(UkMatchStatusEnum, ['firstNameStatus', 'lastNameStatus', 'dateOfBirthStatus', 'addressStatus']),
    addressStatusScore: Type.Number({ minimum: 0, maximum: 1 }),
  }),
  US_15: Type.Object(
    alike(
      Nullable(SoftKycMatchStatusEnum),
      ['firstName', 'lastName', 'middleName', 'dob', 'yob', 'address1', 'address2', 'city', 'state', 'zip', 'idNum', 'phone', 'email'].map(
        (field) => `${field}Status`,
      ),
    ),
  ),
} as const;

/**
 * A check as answered: `id`, the request's fields echoed, and the database's result fields
 * (iDenfy's RegistryCenterCheck, a oneOf on `database`).
 */
const answered = (title: string, request: { properties: object }, result: { properties: object }) =>
  Type.Object({ id: Uuid, ...(request.properties as Record<string, never>), ...(result.properties as Record<string, never>) }, { title });
export const RegistryCenterCheck = Discriminated(
  'database',
  [
    answered('LithuaniaRegistryCenterCheck', LithuaniaRegistryCenterCheckRequest, REGISTRY_CENTER_RESULTS.LT),
    answered('HungaryRegistryCenterCheck', HungaryRegistryCenterCheckRequest, REGISTRY_CENTER_RESULTS.HU),
    answered('UkRegistryCenterCheck', { properties: { ...UkRegistryCenterCheckRequest.properties, address: UkAddress } }, REGISTRY_CENTER_RESULTS.UK),
    answered('UsRegistryCenterCheck', UsRegistryCenterCheckRequest, REGISTRY_CENTER_RESULTS.US_15),
  ],
  { title: 'RegistryCenterCheck' },
);
export type RegistryCenterCheck = Record<string, unknown> & { id: string; database: string };

export const RegistryCenterListQuery = Type.Object({
  checkedFields: Type.Optional(Type.Array(enumOf(REGISTRY_CENTER_CHECKED_FIELDS, 'CheckedFieldsEnum'), { maxItems: REGISTRY_CENTER_CHECKED_FIELDS.length })),
  clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  surname: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  created: Type.Optional(CommaList('Two comma-separated date-times: from (inclusive) and to (exclusive); either may be empty.')),
  databases: Type.Optional(Type.Array(enumOf(REGISTRY_CENTER_LIST_DATABASES, 'DatabasesEnum'), { maxItems: REGISTRY_CENTER_LIST_DATABASES.length })),
  id: Type.Optional(Uuid),
  orderBy: Type.Optional(enumOf(['created', '-created'] as const, 'RegistryCenterOrderByEnum')),
  partnerIn: Type.Optional(Type.Array(Type.Integer(), { maxItems: 100 })),
  partnerNotIn: Type.Optional(Type.Array(Type.Integer(), { maxItems: 100 })),
  status: Type.Optional(enumOf(REGISTRY_CENTER_STATUSES, 'RegistryCenterStatusEnum')),
});
export type RegistryCenterListQuery = Static<typeof RegistryCenterListQuery>;
