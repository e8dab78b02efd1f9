import { Type, type Static } from 'typebox';
import { RISK_LEVELS } from '../shared/enums.js';
import { DateTime, Nullable } from './common.js';
import { ApprovalStatusEnum, RiskLevelEnum } from './enums.js';
import { InfoRequest, SessionInfoRequest } from './info-request.js';
import { ReviewDeadline } from './review.js';

const strict = { additionalProperties: false } as const;

/** A deadline of at most a year, in whole hours. */
const Hours = Type.Integer({ minimum: 1, maximum: 8760 });
const DeadlineHours = Type.Object(
  Object.fromEntries(RISK_LEVELS.map((level) => [level, Type.Optional(Hours)])) as Record<
    (typeof RISK_LEVELS)[number],
    ReturnType<typeof Type.Optional<typeof Hours>>
  >,
  {
    ...strict,
    title: 'DeadlineHours',
    description: 'Hours a case of this risk level may wait for a decision, counted from its first submission, excluding time spent waiting for the client',
  },
);

const policyProperties = {
  /** Decisions on cases of these risk levels wait for a second reviewer. */
  fourEyesRiskLevels: Type.Array(RiskLevelEnum, { uniqueItems: true, maxItems: RISK_LEVELS.length }),
  deadlineHours: DeadlineHours,
  /** A submitted case goes to the active reviewer with the fewest open cases (away managers skipped). */
  autoAssign: Type.Boolean(),
};

export const ReviewPolicy = Type.Object(policyProperties, { title: 'ReviewPolicy' });
export type ReviewPolicy = Static<typeof ReviewPolicy>;
export const ReviewPolicyPatch = Type.Partial(Type.Object(policyProperties, strict), { ...strict, title: 'ReviewPolicyPatch' });
export type ReviewPolicyPatch = Static<typeof ReviewPolicyPatch>;

export const DecisionActor = Type.Object({ kind: Type.String(), managerId: Nullable(Type.Integer()) }, { title: 'DecisionActor' });

export const CaseDecision = Type.Object(
  {
    /** Whether a decision on this case needs a second reviewer (the partner's policy and the case's risk level). */
    fourEyesRequired: Type.Boolean(),
    pending: Nullable(
      Type.Object({
        approvalStatus: ApprovalStatusEnum,
        denyReason: Nullable(Type.String()),
        proposedBy: DecisionActor,
        proposedAt: DateTime,
        /** The case's evidence changed since: the proposal can no longer be confirmed. */
        isVoided: Type.Boolean(),
        /** The caller proposed it, so the caller cannot confirm it. */
        isOwnProposal: Type.Boolean(),
      }),
    ),
    /** The review deadline: time left, overdue, or paused while the client has the form; null when the case has none. */
    deadline: Nullable(ReviewDeadline),
  },
  { title: 'CaseDecision' },
);
export type CaseDecision = Static<typeof CaseDecision>;

export const DocumentDecisionRequest = Type.Union(
  [
    Type.Object({ decision: Type.Literal('ACCEPTED') }, strict),
    Type.Object(
      {
        decision: Type.Literal('REJECTED'),
        /** Shown to the client as the request for a new upload. */
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
        /** Seconds the correction link is valid (see InfoRequestCreate). */
        lifetime: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_592_000 })),
      },
      strict,
    ),
  ],
  { title: 'DocumentDecisionRequest' },
);
export type DocumentDecisionRequest = Static<typeof DocumentDecisionRequest>;

export const DocumentDecision = Type.Object(
  {
    documentId: Type.String(),
    decision: Type.Union([Type.Literal('ACCEPTED'), Type.Literal('REJECTED')]),
    reason: Nullable(Type.String()),
    decidedBy: DecisionActor,
    decidedAt: DateTime,
  },
  { title: 'DocumentDecision' },
);
export type DocumentDecision = Static<typeof DocumentDecision>;

/**
 * A decision and what a rejection set off: `infoRequest`, a new request for information (a new
 * link for the client), or `addedToInfoRequest`, the request the client already held, widened by
 * the document and the reason (the same link).
 */
export const DocumentDecisionResult = Type.Object(
  { decision: DocumentDecision, infoRequest: Nullable(InfoRequest), addedToInfoRequest: Nullable(SessionInfoRequest) },
  { title: 'DocumentDecisionResult' },
);
export type DocumentDecisionResult = Static<typeof DocumentDecisionResult>;

/** One document of a case as the reviewer decides on it: its id, whose it is, its signed link and the decision standing on it. */
export const CaseDocument = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    /** The beneficiary the document belongs to; null for the company's own documents. */
    beneficiaryId: Nullable(Type.String()),
    /** A signed, expiring link to the file. */
    file: Type.String(),
    created: DateTime,
    decision: Nullable(DocumentDecision),
  },
  { title: 'CaseDocument' },
);
export type CaseDocument = Static<typeof CaseDocument>;

export const DocumentIdParams = Type.Object({ id: Type.String({ format: 'uuid' }), documentId: Type.String({ format: 'uuid' }) });

const Change = Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() });

export const CaseChanges = Type.Object(
  {
    /** The submission compared against; null when the case was submitted once (nothing to compare). */
    previousSubmission: Nullable(DateTime),
    lastSubmission: Nullable(DateTime),
    company: Type.Array(Change),
    beneficiaries: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        change: Type.Union([Type.Literal('ADDED'), Type.Literal('REMOVED'), Type.Literal('CHANGED')]),
        fields: Type.Array(Change),
      }),
    ),
    documents: Type.Array(
      Type.Object({
        id: Type.String(),
        type: Type.String(),
        filename: Nullable(Type.String()),
        change: Type.Union([Type.Literal('ADDED'), Type.Literal('REMOVED')]),
      }),
    ),
    answers: Type.Array(Change),
  },
  { title: 'CaseChanges' },
);
export type CaseChanges = Static<typeof CaseChanges>;

/** How many views one manager may save. */
export const MAX_SAVED_VIEWS = 50;
const ViewName = Type.String({ minLength: 1, maxLength: 80, description: "Unique among the manager's views; surrounding spaces are dropped" });
/** The queue's URL query string (without "?"), restored as is when the view is opened. */
const ViewQuery = Type.String({ maxLength: 1000 });

export const SavedViewCreate = Type.Object({ name: ViewName, query: ViewQuery }, { ...strict, title: 'SavedViewCreate' });
export type SavedViewCreate = Static<typeof SavedViewCreate>;
export const SavedViewPatch = Type.Object(
  { name: Type.Optional(ViewName), query: Type.Optional(ViewQuery) },
  { ...strict, minProperties: 1, title: 'SavedViewPatch' },
);
export type SavedViewPatch = Static<typeof SavedViewPatch>;
export const SavedView = Type.Object(
  { id: Type.String(), name: Type.String(), query: Type.String(), createdAt: DateTime },
  { title: 'SavedView', description: "A manager's saved queue view (its own; nobody else sees it)" },
);
export type SavedView = Static<typeof SavedView>;
export const SavedViewList = Type.Object({ results: Type.Array(SavedView) }, { title: 'SavedViewList' });
export const SavedViewParams = Type.Object({ viewId: Type.String({ format: 'uuid' }) });
