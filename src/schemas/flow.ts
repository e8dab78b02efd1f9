import { Type, type Static } from 'typebox';
import { ASCII_PATTERN, Discriminated, Key, Nullable, Timestamps, Uuid } from './common.js';
import { LIMITS } from '../shared/limits.js';
import { ApplicantTypeEnum, BeneficiaryFieldEnum, BeneficiaryTypeEnum, CompanyFieldEnum, CustomFieldTypeEnum, IndividualFieldEnum } from './enums.js';

const strict = { additionalProperties: false } as const;
const Description = Type.Optional(Nullable(Type.String({ maxLength: 512 })));
const Order = Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 4294967295 })));
const Flag = Type.Optional(Type.Boolean({ default: false }));

export const Choice = Type.Object({ key: Key(), title: Type.String({ minLength: 1, maxLength: 512 }) }, { ...strict, title: 'Choice' });

/** A partner-defined custom field; the server assigns `id` when a request leaves it out. */
export const CustomField = Type.Object(
  {
    id: Type.Optional(Uuid),
    key: Key(),
    title: Type.String({ minLength: 1, maxLength: 64 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 512, default: '' }))),
    type: CustomFieldTypeEnum,
    choices: Type.Optional(Type.Array(Choice, { maxItems: LIMITS.choices })),
  },
  { ...strict, title: 'CustomField' },
);

const fieldRules = { required: Flag, order: Order };
const unifiedRules = {
  ...fieldRules,
  readOnly: Flag,
  /** A field value: text, a number, a boolean, null or a list of texts (brandNames). */
  changeFrom: Type.Optional(
    Type.Union([Type.String({ maxLength: 255 }), Type.Number(), Type.Boolean(), Type.Null(), Type.Array(Type.String({ maxLength: 255 }), { maxItems: 10 })]),
  ),
  changeRequired: Type.Optional(Type.Boolean()),
};

export const CompanyFieldUnified = Type.Object({ field: CompanyFieldEnum, ...unifiedRules }, { ...strict, title: 'CompanyFieldUnified' });
export const CustomFieldAssignmentUnified = Type.Object({ field: CustomField, ...unifiedRules }, { ...strict, title: 'CustomFieldAssignmentUnified' });
export const CustomFieldAssignment = Type.Object({ field: CustomField, ...fieldRules }, { ...strict, title: 'CustomFieldAssignment' });

/** `docType` is a document-type code; the catalog checks it against the upload enums. */
export const DocType = Type.Object(
  {
    docType: Type.String({ minLength: 1, maxLength: 100, pattern: ASCII_PATTERN }),
    description: Description,
    required: Flag,
  },
  { ...strict, title: 'DocType' },
);

const applicantCommon = {
  required: Flag,
  fieldsCustom: Type.Optional(Nullable(Type.Array(CustomFieldAssignment, { maxItems: LIMITS.customFields }))),
  documents: Type.Optional(Nullable(Type.Array(DocType, { maxItems: LIMITS.flowDocuments }))),
};
export const IndividualFlow = Type.Object(
  {
    applicantType: Type.Literal('INDIVIDUAL'),
    fields: Type.Array(Type.Object({ field: IndividualFieldEnum, ...fieldRules }, strict), { maxItems: LIMITS.flowFields }),
    ...applicantCommon,
  },
  { ...strict, title: 'IndividualFlow' },
);
export const CompanyFlow = Type.Object(
  {
    applicantType: Type.Literal('COMPANY'),
    fields: Type.Array(Type.Object({ field: CompanyFieldEnum, ...fieldRules }, strict), { maxItems: LIMITS.flowFields }),
    ...applicantCommon,
  },
  { ...strict, title: 'CompanyFlow' },
);

export const BeneficiaryUnifiedFlow = Type.Object(
  {
    beneficiaryType: BeneficiaryTypeEnum,
    required: Flag,
    fields: Type.Optional(Nullable(Type.Array(Type.Object({ field: BeneficiaryFieldEnum, required: Flag }, strict), { maxItems: LIMITS.flowFields }))),
    applicants: Type.Array(Discriminated('applicantType', [IndividualFlow, CompanyFlow], { title: 'ApplicantFlow' }), { maxItems: LIMITS.flowApplicants }),
    description: Type.Optional(Type.String({ maxLength: 512 })),
    readOnly: Flag,
  },
  { ...strict, title: 'BeneficiaryUnifiedFlow' },
);

/** iDenfy's KybFormUnifiedFlow: which fields, documents and beneficiaries a form has. */
const unifiedFlowProperties = {
  fields: Type.Optional(Nullable(Type.Array(CompanyFieldUnified, { maxItems: LIMITS.flowFields }))),
  fieldsCustom: Type.Optional(Nullable(Type.Array(CustomFieldAssignmentUnified, { maxItems: LIMITS.customFields }))),
  documents: Type.Optional(Nullable(Type.Array(DocType, { maxItems: LIMITS.flowDocuments }))),
  beneficiaries: Type.Optional(Nullable(Type.Array(BeneficiaryUnifiedFlow, { maxItems: LIMITS.flowBeneficiaries }))),
  companySearch: Type.Optional(Nullable(Type.Boolean())),
  bankVerification: Type.Optional(Nullable(Type.Boolean())),
  emailVerification: Type.Optional(Nullable(Type.Boolean())),
  ownershipFullStructure: Type.Optional(Type.Boolean()),
  ownershipPercentageThreshold: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100 }))),
  description: Description,
  questionnaireDescription: Description,
};
export const KybFormUnifiedFlow = Type.Object(unifiedFlowProperties, { ...strict, title: 'KybFormUnifiedFlow' });
export type KybFormUnifiedFlow = Static<typeof KybFormUnifiedFlow>;

/** OpenKYB's flow object: a named KybFormUnifiedFlow plus the questionnaire it decides. */
const flowProperties = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  /** Questionnaire key; null or absent: the flow has no questionnaire. */
  questionnaire: Type.Optional(Nullable(Key())),
  ...unifiedFlowProperties,
};
export const FlowInput = Type.Object(flowProperties, { ...strict, title: 'FlowInput' });
export type FlowInput = Static<typeof FlowInput>;

export const Flow = Type.Object({ id: Uuid, ...flowProperties, ...Timestamps }, { title: 'Flow' });
export type Flow = Static<typeof Flow>;

export { ApplicantTypeEnum };
