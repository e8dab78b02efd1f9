import { Type, type Static } from 'typebox';
import { CompanyGovChecks, KybDataMatchingList } from './company-register.js';
import { KybAnswersDisplay } from './answers.js';
import { Beneficiary } from './beneficiary.js';
import { Discriminated, DateTime, Nullable, PathId } from './common.js';
import { CompanyInfo, KybFormMeta } from './company.js';
import { KYB_STATUSES, type KybStatus } from '../shared/enums.js';
import { ApprovalStatusEnum, enumOf, KybStatusEnum, RiskLevelEnum } from './enums.js';
import { AmlCheckStatusEnum } from './screening.js';

const strict = { additionalProperties: false } as const;

/** A manager's id as input: the database's 32-bit serial, so a larger number is a 400, not a failed cast. */
const ManagerId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const ManagerAccount = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    surname: Type.String(),
    email: Type.String(),
  },
  { title: 'ManagerAccount' },
);
export type ManagerAccount = Static<typeof ManagerAccount>;

export const ManagerCreateRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    surname: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
  },
  { ...strict, title: 'ManagerCreateRequest' },
);
export type ManagerCreateRequest = Static<typeof ManagerCreateRequest>;

export const KybComments = Type.Object(
  {
    created: DateTime,
    content: Type.String(),
    manager: Nullable(ManagerAccount),
  },
  { title: 'KybComments' },
);
export type KybComments = Static<typeof KybComments>;

export const KybCommentRequest = Type.Object(
  {
    content: Type.String({ minLength: 1, maxLength: 10_000 }),
  },
  { ...strict, title: 'KybCommentsRequest' },
);

export const AssignRequest = Type.Object(
  {
    managerId: Nullable(ManagerId),
  },
  { ...strict, title: 'CompanyAssignRequest' },
);
export const AssignResponse = Type.Object({ assignedTo: Nullable(ManagerAccount) }, { title: 'CompanyAssignment' });

export const CompanyParams = Type.Object({ id: PathId });

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
/** `deadline`: the soonest due first (overdue on top), cases without a running review clock last. */
export const COMPANY_ORDERINGS = ['created', '-created', 'deadline'] as const;

/**
 * iDenfy's query (created, page, perPage, registrationNumber) plus OpenKYB's filters. `created`
 * is iDenfy's comma-separated date-time list read as a range: `from,to` (either may be empty).
 */
export const CompanyListQuery = Type.Object({
  created: Type.Optional(
    Type.String({ maxLength: 100, description: 'Two comma-separated date-times: from (inclusive) and to (exclusive); either may be empty.' }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PER_PAGE, description: `Default ${DEFAULT_PER_PAGE}.` })),
  registrationNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  status: Type.Optional(KybStatusEnum),
  approvalStatus: Type.Optional(Type.Union([ApprovalStatusEnum, Type.Literal('NONE')], { description: 'NONE: no decision yet.' })),
  assignedTo: Type.Optional(Type.Union([ManagerId, Type.Literal('none')], { description: 'A manager id, or `none`.' })),
  riskLevel: Type.Optional(RiskLevelEnum),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'A substring of the company name or registration number, three characters or more once accents and case are dropped.',
    }),
  ),
  ordering: Type.Optional(enumOf(COMPANY_ORDERINGS, 'CompanyOrderingEnum')),
});
export type CompanyListQuery = Static<typeof CompanyListQuery>;

/** The list's filters but the status, the page and the order: what a queue's status tabs count. */
export const CompanyStatusCountsQuery = Type.Omit(CompanyListQuery, ['status', 'page', 'perPage', 'ordering']);
export type CompanyStatusCountsQuery = Static<typeof CompanyStatusCountsQuery>;

/** How many listed companies each status holds under the other filters, and all of them. */
export const CompanyStatusCounts = Type.Object(
  { total: Type.Integer({ minimum: 0 }), statuses: Type.Object(Object.fromEntries(KYB_STATUSES.map((status) => [status, Type.Integer({ minimum: 0 })]))) },
  { title: 'CompanyStatusCounts' },
);
export type CompanyStatusCounts = { total: number; statuses: Record<KybStatus, number> };

/** A case's review deadline (the partner's review policy). */
export const ReviewDeadline = Type.Object(
  {
    dueAt: DateTime,
    /** Negative once overdue; frozen while the case waits for the client. */
    timeLeftMs: Type.Integer(),
    isPaused: Type.Boolean(),
  },
  { title: 'ReviewDeadline' },
);
export type ReviewDeadline = Static<typeof ReviewDeadline>;

/** OpenKYB: what a review queue shows beside iDenfy's fields, so a list needs no dossier reads. */
export const CompanyListReview = Type.Object(
  {
    created: DateTime,
    riskLevel: Nullable(RiskLevelEnum),
    assignedTo: Nullable(ManagerAccount),
    /** The review deadline (the partner's review policy); null when the case has none. */
    deadline: Type.Optional(Nullable(ReviewDeadline)),
  },
  { title: 'CompanyListReview' },
);
export type CompanyListReview = Static<typeof CompanyListReview>;
export const CompanyList = Type.Object({ id: Type.String(), company: CompanyInfo, meta: KybFormMeta, review: CompanyListReview }, { title: 'CompanyList' });
export const PaginatedCompanyListList = Type.Object(
  {
    count: Type.Integer(),
    next: Nullable(Type.String({ format: 'uri' })),
    previous: Nullable(Type.String({ format: 'uri' })),
    results: Type.Array(CompanyList),
  },
  { title: 'PaginatedCompanyListList' },
);
export type PaginatedCompanyListList = Static<typeof PaginatedCompanyListList>;

const NeedToStatusRequest = Type.Object(
  { status: enumOf(['NEED_TO_PROCESS', 'NEED_TO_REVIEW'] as const, 'NeedToStatusEnum') },
  { ...strict, title: 'NeedToStatusRequest' },
);
const ManualApproveRequest = Type.Object({ approvalStatus: Type.Literal('APPROVED') }, { ...strict, title: 'ManualApproveRequest' });
const ManualDenyRequest = Type.Object(
  {
    approvalStatus: Type.Literal('DENIED'),
    denyReason: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { ...strict, title: 'ManualDenyRequest' },
);
const CompletedStatusRequest = Type.Object(
  {
    status: Type.Literal('COMPLETED'),
    reviewInfo: Discriminated('approvalStatus', [ManualApproveRequest, ManualDenyRequest], { title: 'ManualReviewRequest' }),
  },
  { ...strict, title: 'CompletedStatusRequest' },
);
export const CompanyStatusRequest = Discriminated('status', [NeedToStatusRequest, CompletedStatusRequest], { title: 'CompanyStatusRequest' });
export type CompanyStatusRequest = Static<typeof CompanyStatusRequest>;

export const CompanyStatus = Type.Object(
  {
    status: KybStatusEnum,
    reviewInfo: Type.Optional(Type.Object({ approvalStatus: ApprovalStatusEnum, denyReason: Nullable(Type.String()) })),
  },
  { title: 'CompanyStatus' },
);
export type CompanyStatus = Static<typeof CompanyStatus>;

export const KybAuditLog = Type.Object(
  {
    identifier: Type.String(),
    text: Type.String(),
    additionalText: Type.String(),
    logType: enumOf(['AUTOMATION', 'CLIENT', 'DEFAULT', 'PARTNER', 'SYSTEM'] as const, 'KybLogTypeEnum'),
    logLevel: enumOf(['DEBUG', 'INFO', 'STEP', 'ACTION', 'WARNING', 'FE_ERROR', 'ERROR', 'CRITICAL', 'NOT_SET'] as const, 'LogLevelEnum'),
    timestamp: DateTime,
    manager: Type.Optional(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
    logId: Nullable(Type.String()),
  },
  { title: 'KybAuditLog' },
);
export type KybAuditLog = Static<typeof KybAuditLog>;

export const CompanyMeta = Type.Object(
  {
    created: DateTime,
    status: KybStatusEnum,
    statusChangedAt: Nullable(DateTime),
    statusChangedBy: Nullable(ManagerAccount),
    expirationStatus: Nullable(Type.String()),
    assignedTo: Nullable(ManagerAccount),
    reviewLevel: Nullable(Type.String()),
    initialSubmissionTime: Nullable(DateTime),
    submissionTime: Nullable(DateTime),
    informationRequested: Type.Boolean(),
    soleProprietor: Type.Boolean(),
    matchedBlacklists: Nullable(Type.String()),
    blacklistStatuses: Nullable(Type.Array(Type.Unknown())),
    automationFlags: Nullable(Type.String()),
    automationStatuses: Nullable(Type.Unknown()),
    automationRanAt: Nullable(DateTime),
    ipProxyRiskLevel: Nullable(RiskLevelEnum),
    fraudProbLevel: Nullable(RiskLevelEnum),
    sanctionsCheckStatus: AmlCheckStatusEnum,
    sanctionsStatusSetAt: Nullable(DateTime),
    sanctionsStatusSetBy: Nullable(ManagerAccount),
    amlComment: Nullable(Type.String()),
    negativeNewsStatus: AmlCheckStatusEnum,
    newsStatusSetAt: Nullable(DateTime),
    newsStatusSetBy: Nullable(ManagerAccount),
    negativeNewsComment: Nullable(Type.String()),
    approvalStatus: Nullable(ApprovalStatusEnum),
    approvalStatusChangedAt: Nullable(DateTime),
    denyReason: Nullable(Type.String()),
  },
  { title: 'CompanyMeta' },
);
export type CompanyMeta = Static<typeof CompanyMeta>;

/** The AML parts follow iDenfy's AmlCheck shapes; they are built in core/review/aml-check.ts. */
export const BeneficiaryDetail = Type.Object(
  {
    ...Beneficiary.properties,
    meta: Type.Unknown(),
    documents: Type.Array(Type.Unknown()),
    amlCheck: Type.Unknown(),
    amlMonitoringUser: Type.Unknown(),
  },
  { title: 'BeneficiaryDetail' },
);

export const CompanyDetail = Type.Object(
  {
    id: Type.String(),
    company: CompanyInfo,
    meta: CompanyMeta,
    documents: Type.Array(Type.Object({ created: DateTime, type: Type.String(), file: Type.String({ format: 'uri' }) })),
    beneficiaries: Type.Array(BeneficiaryDetail),
    questionnaires: Type.Array(KybAnswersDisplay),
    comments: Type.Array(KybComments),
    auditLogs: Type.Object({ logs: Type.Array(KybAuditLog), logsCount: Type.Integer() }),
    addressAudit: Type.Unknown(),
    websiteAudit: Type.Unknown(),
    companyNameAudit: Type.Unknown(),
    dataMatchings: Type.Array(KybDataMatchingList),
    einVerification: Type.Unknown(),
    govChecks: CompanyGovChecks,
    amlCheck: Type.Unknown(),
    amlChecks: Type.Array(Type.Unknown()),
    amlMonitoringUsers: Type.Unknown(),
    riskAssessment: Type.Unknown(),
  },
  { title: 'CompanyDetail' },
);
