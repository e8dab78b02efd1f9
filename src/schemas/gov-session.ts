import { Type, type Static } from 'typebox';
import { BeneficiaryCreateRequest } from './beneficiary.js';
import { DateTime, Nullable } from './common.js';
import { CompanyInfo } from './company.js';
import { CountryEnum } from './enums.js';

const strict = { additionalProperties: false } as const;

/** `GET /v1/forms/{id}/registry/search/`: the query as the hosted form's search box sends it. */
export const RegistrySearchQuerystring = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'A company name, or a registration number (digits with at most three leading letters).' }),
  country: CountryEnum,
});
export type RegistrySearchQuerystring = Static<typeof RegistrySearchQuerystring>;

/** One company a register knows, as a search lists it and as a session shows the picked one. */
export const RegistryCompany = Type.Object(
  {
    provider: Type.String({ description: 'The provider id to send back with the pick.' }),
    country: Type.String(),
    number: Type.String({ description: 'The register\u2019s own identifier of the company.' }),
    name: Type.String(),
    status: Type.String({ description: 'active, dissolved, liquidation, inactive or unknown' }),
    legalForm: Nullable(Type.String()),
    incorporatedOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
    address: Nullable(Type.String({ description: 'The registered address on one line.' })),
  },
  { title: 'RegistryCompany' },
);
export type RegistryCompany = Static<typeof RegistryCompany>;

export const RegistrySearchResult = Type.Object({ results: Type.Array(RegistryCompany) }, { title: 'RegistrySearchResult' });

/** `POST /v1/forms/{id}/registry/pick/`: which company; the server reads its profile from the register itself. */
export const RegistryPickRequest = Type.Object(
  {
    provider: Type.String({ minLength: 1, maxLength: 100 }),
    country: CountryEnum,
    number: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { ...strict, title: 'RegistryPickRequest' },
);
export type RegistryPickRequest = Static<typeof RegistryPickRequest>;

/** A register person proposed as a beneficiary (GOV1): the body to POST to the beneficiaries, and the register's key of the person. */
export const RegistryProposal = Type.Object(
  { key: Type.String(), roles: Type.Array(Type.String()), beneficiary: BeneficiaryCreateRequest },
  { title: 'RegistryProposal' },
);
export type RegistryProposal = Static<typeof RegistryProposal>;

/**
 * What the hosted form needs to know of the session's register mode (`registry` in `/kyb/info/`,
 * `GET /v1/forms/{id}/registry/`, and the pick's answer).
 */
export const RegistrySession = Type.Object(
  {
    mode: Type.Union([Type.Literal('FORM'), Type.Literal('GOV1'), Type.Literal('GOV2')]),
    searchRequired: Type.Boolean({ description: 'GOV1/GOV2 before a company was picked: submit is refused until one is.' }),
    company: Nullable(Type.Intersect([RegistryCompany, Type.Object({ pickedAt: DateTime })])),
    lockedFields: Type.Array(Type.String(), { description: 'Company properties the register gave (GOV2): the client cannot change them.' }),
    lockedBeneficiaries: Type.Array(Type.Object({ id: Type.String(), fields: Type.Array(Type.String()) }), {
      description: 'Beneficiaries added from the register (GOV2): their listed fields cannot be changed and they cannot be deleted by the client.',
    }),
    proposedBeneficiaries: Type.Array(RegistryProposal, { description: 'GOV1: the register\u2019s officers and owners no beneficiary is yet.' }),
  },
  { title: 'RegistrySession' },
);
export type RegistrySession = Static<typeof RegistrySession>;

export const RegistryPickResult = Type.Object({ registry: RegistrySession, company: CompanyInfo }, { title: 'RegistryPickResult' });
