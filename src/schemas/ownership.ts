import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { ApplicantTypeEnum, BeneficiaryTypeEnum } from './enums.js';

const Percentage = Type.Number({ minimum: 0 });

/** `GET /v1/companies/{id}/ownership/`: the beneficiary tree, explained. */
export const CompanyOwnership = Type.Object(
  {
    companyId: Type.String(),
    /** The UBO threshold in %: the flow's ownershipPercentageThreshold when set, else 25. */
    threshold: Type.Number(),
    thresholdSource: Type.Union([Type.Literal('FLOW'), Type.Literal('DEFAULT')]),
    maxDepth: Type.Integer({ minimum: 0 }),
    /** The part of the company not traced to a person. */
    unexplainedPercentage: Percentage,
    nodes: Type.Array(
      Type.Object({
        id: Type.String({ description: 'A beneficiary id, or the company id for the root.' }),
        isRoot: Type.Boolean(),
        infoType: ApplicantTypeEnum,
        name: Type.String(),
        depth: Type.Integer({ minimum: 0 }),
        beneficiaryTypes: Type.Array(BeneficiaryTypeEnum),
        positions: Type.Array(Type.String()),
        effectivePercentage: Nullable(Percentage),
        isReachable: Type.Boolean({ description: 'False when the node is not connected to the company (an inconsistent tree).' }),
      }),
    ),
    edges: Type.Array(
      Type.Object({
        from: Type.String({ description: 'The owning company: the root company id or a company beneficiary id.' }),
        to: Type.String(),
        percentage: Nullable(Percentage),
        effectivePercentage: Nullable(Percentage),
      }),
    ),
    persons: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        beneficiaryIds: Type.Array(Type.String()),
        effectivePercentage: Percentage,
        hasUnknownShare: Type.Boolean(),
        isUbo: Type.Boolean(),
        isDeclaredUbo: Type.Boolean(),
        paths: Type.Array(Type.Object({ beneficiaryIds: Type.Array(Type.String()), percentage: Nullable(Percentage) })),
      }),
    ),
    remainders: Type.Array(
      Type.Object({
        id: Type.String({ description: 'The company id for the root, else the company beneficiary id.' }),
        declaredPercentage: Percentage,
        remainderPercentage: Percentage,
        isOverDeclared: Type.Boolean(),
        undeclaredOwners: Type.Integer({ minimum: 0 }),
      }),
    ),
    controlRoles: Type.Array(
      Type.Object({
        beneficiaryId: Type.String(),
        name: Type.String(),
        beneficiaryTypes: Type.Array(BeneficiaryTypeEnum),
        positions: Type.Array(Type.String()),
        isOwner: Type.Boolean(),
      }),
    ),
    problems: Type.Array(
      Type.Object({
        beneficiaryId: Nullable(Type.String()),
        code: Type.Union([Type.Literal('UNREACHABLE'), Type.Literal('MISSING_PERCENTAGE'), Type.Literal('OVER_DECLARED')]),
        message: Type.String(),
      }),
    ),
  },
  { title: 'CompanyOwnership' },
);
export type CompanyOwnership = Static<typeof CompanyOwnership>;
