import { ReadOnly } from './company.js';
import { Type, type Static, type TSchema } from 'typebox';
import { DateTime, Key, Nullable } from './common.js';
import { CountryEnum, RiskLevelEnum } from './enums.js';

const strict = { additionalProperties: false } as const;
/** The most points a factor adds to the 0..100 score. */
const Weight = Type.Number({ minimum: 0, maximum: 100 });
/** How bad a finding is, 0 (none) to 1 (the factor's worst case: its full weight). */
const Severity = Type.Number({ minimum: 0, maximum: 1 });
/** At severity 1 a factor may also raise the level to at least this one, whatever the score. */
export const RiskFloor = Nullable(Type.Union([Type.Literal('LOW'), Type.Literal('MEDIUM'), Type.Literal('HIGH'), Type.Literal('VERY_HIGH')]));
const CountryList = Type.Array(CountryEnum, { maxItems: 300, uniqueItems: true });
const factor = <P extends Record<string, TSchema>>(properties: P) => Type.Object({ weight: Weight, floor: RiskFloor, ...properties }, strict);
const plainFactor = () => Type.Object({ weight: Weight, floor: RiskFloor }, strict);
const Level = Type.Integer({ minimum: 1, maximum: 100 });

/** A partner's risk model: weighted factors, country lists and level thresholds. */
export const RiskModelDefinition = Type.Object(
  {
    /** The lowest score of each level; below LOW is VERY_LOW. Strictly increasing. */
    levels: Type.Object({ LOW: Level, MEDIUM: Level, HIGH: Level, VERY_HIGH: Level }, strict),
    countryLists: Type.Object(
      {
        black: CountryList,
        grey: CountryList,
        /** Where and when the lists were taken from; operators keep them current. */
        source: Type.String({ maxLength: 500 }),
      },
      strict,
    ),
    factors: Type.Object(
      {
        companyCountry: factor({ black: Severity, grey: Severity }),
        ownerCountries: factor({ black: Severity, grey: Severity }),
        legalForm: factor({ highRiskForms: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }) }),
        screening: factor({
          severity: Type.Object(
            { NOT_CHECKED: Severity, NO_FLAGS: Severity, FALSE_POSITIVE: Severity, TRUE_POSITIVE: Severity, FLAGS_FOUND: Severity },
            strict,
          ),
        }),
        ownershipDepth: factor({ fromDepth: Type.Integer({ minimum: 1, maximum: 20 }), fullAtDepth: Type.Integer({ minimum: 1, maximum: 20 }) }),
        ownershipOpacity: plainFactor(),
        missingUbos: plainFactor(),
        companyAge: factor({ dateField: Key(32), youngerThanMonths: Type.Integer({ minimum: 1, maximum: 1200 }), unknown: Severity }),
        questionnaire: Type.Object(
          {
            rules: Type.Array(
              Type.Object(
                {
                  condition: Type.String({ minLength: 1, maxLength: 1000 }),
                  points: Weight,
                  floor: RiskFloor,
                  explanation: Type.String({ minLength: 1, maxLength: 200 }),
                },
                strict,
              ),
              { maxItems: 50 },
            ),
          },
          strict,
        ),
      },
      strict,
    ),
  },
  strict,
);
export type RiskModelDefinition = Static<typeof RiskModelDefinition>;

const modelMeta = {
  version: Type.Integer({ minimum: 0, description: '0 is the built-in default.' }),
  isDefault: Type.Boolean(),
  updatedAt: Nullable(DateTime),
};

export const RiskModel = Type.Object({ ...modelMeta, ...RiskModelDefinition.properties }, { title: 'RiskModel' });
export type RiskModel = Static<typeof RiskModel>;
/** What GET returns may be sent back: the read-only fields are accepted and ignored. */
export const RiskModelRequest = Type.Object(
  { ...RiskModelDefinition.properties, version: ReadOnly, isDefault: ReadOnly, updatedAt: ReadOnly },
  { ...strict, title: 'RiskModelRequest' },
);

export const RiskFactorResult = Type.Object({
  factor: Type.String(),
  weight: Type.Number(),
  severity: Type.Number(),
  /** Points this factor added to the score. */
  contribution: Type.Number(),
  floor: RiskFloor,
  isFloorApplied: Type.Boolean(),
  explanation: Type.String(),
});
export type RiskFactorResult = Static<typeof RiskFactorResult>;

export const RiskAssessment = Type.Object(
  {
    id: Type.String(),
    companyId: Type.String(),
    score: Type.Integer({ minimum: 0, maximum: 100 }),
    level: RiskLevelEnum,
    modelVersion: Type.Integer({ minimum: 0 }),
    reason: Type.Union([Type.Literal('SUBMIT'), Type.Literal('AUTOMATION'), Type.Literal('RECOMPUTE')], {
      description: 'RECOMPUTE: the model changed, or a screening finished.',
    }),
    /** The factor that raised the level above what the score alone gives, if any. */
    floor: Nullable(Type.Object({ level: RiskLevelEnum, factor: Type.String() })),
    factors: Type.Array(RiskFactorResult),
    createdAt: DateTime,
  },
  { title: 'RiskAssessment' },
);
export type RiskAssessment = Static<typeof RiskAssessment>;

/** iDenfy's RiskAssessmentSummary, as CompanyDetail.riskAssessment carries it. */
export const RiskAssessmentSummary = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    riskScore: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
    riskLevel: Nullable(RiskLevelEnum),
    comment: Nullable(Type.String()),
  },
  { title: 'RiskAssessmentSummary' },
);
export type RiskAssessmentSummary = Static<typeof RiskAssessmentSummary>;
