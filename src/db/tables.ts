import type { Generated, Selectable } from 'kysely';
import type { RiskLevel } from '../shared/enums.js';

/**
 * Row types, one interface per table. Times are epoch milliseconds; JSON columns are text.
 * Booleans are 0/1 integers so SQLite and PostgreSQL return the same values.
 */
export interface Database {
  partners: PartnerRow;
  api_keys: ApiKeyRow;
  flows: FlowRow;
  themes: ThemeRow;
  questionnaires: QuestionnaireRow;
  companies: CompanyRow;
  kyb_tokens: KybTokenRow;
  idempotency_keys: IdempotencyKeyRow;
  beneficiaries: BeneficiaryRow;
  stored_files: StoredFileRow;
  documents: DocumentRow;
  questionnaire_answers: QuestionnaireAnswersRow;
  answer_files: AnswerFileRow;
  audit_logs: AuditLogRow;
  audit_heads: AuditHeadRow;
  screening_lists: ScreeningListRow;
  screening_entities: ScreeningEntityRow;
  screening_subjects: ScreeningSubjectRow;
  screening_hits: ScreeningHitRow;
  webhook_endpoints: WebhookEndpointRow;
  webhook_events: WebhookEventRow;
  webhook_deliveries: WebhookDeliveryRow;
  webhook_attempts: WebhookAttemptRow;
  risk_models: RiskModelRow;
  risk_assessments: RiskAssessmentRow;
  company_keys: CompanyKeyRow;
  health_checks: HealthCheckRow;
  automation_runs: AutomationRunRow;
  company_register_checks: CompanyRegisterCheckRow;
  gov_sessions: GovSessionRow;
  managers: ManagerRow;
  company_comments: CompanyCommentRow;
  company_counts: CompanyCountRow;
  company_created_counts: CompanyCreatedCountRow;
  company_search: CompanySearchRow;
  company_search_partitions: CompanySearchPartitionRow;
  file_blobs: FileBlobRow;
  rate_limit_hits: RateLimitHitRow;
  sign_in_misses: SignInMissRow;
  gov_document_orders: GovDocumentOrderRow;
  sos_reports: SosReportRow;
  registry_center_checks: RegistryCenterCheckRow;
  manager_password_tokens: ManagerPasswordTokenRow;
  manager_recovery_codes: ManagerRecoveryCodeRow;
  manager_sessions: ManagerSessionRow;
  registry_imports: RegistryImportRow;
  registry_companies: RegistryCompanyRow;
  registry_persons: RegistryPersonRow;
  registry_relationships: RegistryRelationshipRow;
  review_policies: ReviewPolicyRow;
  pending_decisions: PendingDecisionRow;
  document_reviews: DocumentReviewRow;
  submission_snapshots: SubmissionSnapshotRow;
  saved_views: SavedViewRow;
  theme_logos: ThemeLogoRow;
}

export interface PartnerRow {
  id: string;
  name: string;
  /** JSON: PartnerSettings */
  settings: string;
  created_at: number;
}

export interface ApiKeyRow {
  id: string;
  partner_id: string;
  api_key: string;
  secret_hash: string;
  label: string | null;
  created_at: number;
  revoked_at: number | null;
}

/** Flows, themes and questionnaires share one shape: a partner-owned JSON definition. */
interface DefinitionRow {
  id: string;
  partner_id: string;
  name: string;
  /** JSON: the entity's definition (flow settings, theme, questionnaire sections) */
  definition: string;
  created_at: number;
  updated_at: number;
  /** Soft delete: sessions that already use the object keep working. */
  deleted_at: number | null;
}

export interface FlowRow extends DefinitionRow {
  questionnaire_id: string | null;
}

export type ThemeRow = DefinitionRow;

export interface QuestionnaireRow extends DefinitionRow {
  key: string;
}

export interface CompanyRow {
  id: string;
  partner_id: string;
  client_id: string;
  external_ref: string | null;
  status: string;
  created_at: number;
  /** The session settings the form is checked against (from the token that reserved it). */
  flow_id: string | null;
  questionnaire_id: string | null;
  questionnaire_required: number;
  /** JSON: the stored CompanyInfoRequest; null until the form is created. */
  info: string | null;
  /** JSON: ClientSystemRequest */
  client_system: string | null;
  form_created_at: number | null;
  approval_status: string | null;
  deny_reason: string | null;
  submission_time: number | null;
  initial_submission_time: number | null;
  sole_proprietor: number;
  updated_at: number;
  /** Set when the company must be (re-)screened: at submit, on demand, or when a list changes. */
  screening_requested_at: number | null;
  /** A screening worker's claim on the request. */
  screening_lease_until: number | null;
  /** The request time the last completed screening answered. */
  screened_at: number | null;
  /** RiskLevelEnum of the latest risk assessment; null until one is made. */
  risk_level: string | null;
  /** Set when the risk must be assessed again (the model changed, a screening finished). */
  risk_requested_at: number | null;
  /** JSON: OpenInfoRequest, while a reviewer's request for more information is open. */
  info_request: string | null;
  /** CompanyExpirationStatusEnum: EXPIRED once the session ran out before submission. */
  expiration_status: string | null;
  automation_ran_at: number | null;
  /** JSON: {check: outcome} of the last automation run. */
  automation_statuses: string | null;
  /** The manager the review is assigned to. */
  assigned_to: number | null;
  status_changed_at: number | null;
  /** The manager who changed the status; null when a key pair (the partner) or the system did. */
  status_changed_by: number | null;
  approval_status_changed_at: number | null;
  /** Folded (lower case, no accents) company name and registration number, for search. */
  search_text: string | null;
  registration_number: string | null;
  /** When the retention job erased this decided case's personal data; null until then. */
  erased_at: number | null;
  /** The review clock (core/review-controls/deadline.ts): first submission, time paused, paused since, due. */
  review_started_at?: number | null;
  review_paused_ms?: number | null;
  review_paused_at?: number | null;
  review_due_at?: number | null;
}

export interface BeneficiaryRow {
  id: string;
  company_id: string;
  parent_id: string | null;
  info_type: string;
  /** JSON: BeneficiaryTypeEnum[] (the first is the legacy beneficiaryType) */
  beneficiary_types: string;
  /** JSON: the applicant fields without infoType */
  info: string;
  /** JSON: string[] */
  positions: string;
  form_filler: number;
  ownership_percentage: number | null;
  scan_ref: string | null;
  created_at: number;
  updated_at: number;
}

export interface StoredFileRow {
  /** The file's id: a keyed hash of its content (per company), or its SHA-256 for files stored before encryption. */
  hash: string;
  mime: string;
  size: number;
  created_at: number;
  /** The company whose key encrypts the file; null: a plaintext file from before encryption. */
  company_id: string | null;
}

/** A stored file (no company, stored as it is) that is a partner's theme logo: public, served by its id. */
export interface ThemeLogoRow {
  hash: string;
  partner_id: string;
  /** image/png, image/jpeg or image/webp: decided by content at upload. */
  mime: string;
  size: number;
  created_at: number;
}

export interface DocumentRow {
  id: string;
  company_id: string;
  beneficiary_id: string | null;
  type: string;
  filename: string | null;
  file_hash: string;
  created_at: number;
}

export interface QuestionnaireAnswersRow {
  company_id: string;
  questionnaire_id: string;
  /** JSON: {sections: {s: {q: {value}}}} with file values as stored-file references */
  answers: string;
  /** 1 when saved with every required question answered */
  is_complete: number;
  updated_at: number;
}

export interface AnswerFileRow {
  company_id: string;
  questionnaire_id: string;
  file_hash: string;
}

export interface AuditLogRow {
  id: string;
  partner_id: string;
  /** Position in the partner's chain: 1, 2, 3, ... without gaps. */
  seq: number;
  /** null for partner-level entries (settings, catalog, webhooks, keys) */
  company_id: string | null;
  /** client (token), partner (key pair), system, operator (CLI), manager */
  actor_type: string;
  actor_id: string | null;
  action: string;
  /** JSON: ids and outcomes, never personal data */
  details: string;
  created_at: number;
  /** hash of the partner's previous entry (64 zeros for seq 1) */
  prev_hash: string;
  /** hex SHA-256 of the canonical content (src/core/audit/chain.ts) */
  hash: string;
}

/** Each partner's last link; appenders lock this row, so the chain cannot fork. */
export interface AuditHeadRow {
  partner_id: string;
  seq: number;
  hash: string;
  /** PostgreSQL: the hash before the last advance (the last entry's prev_hash); null on SQLite. */
  prev_hash: Generated<string | null>;
}

export interface KybTokenRow {
  id: string;
  partner_id: string;
  token_hash: string;
  token_type: string;
  client_id: string;
  external_ref: string | null;
  locale: string | null;
  flow_id: string | null;
  theme_id: string | null;
  questionnaire_id: string | null;
  questionnaire_required: number;
  /** JSON: string[] */
  tags: string;
  /** JSON: string[] | null */
  scan_refs: string;
  company_id: string;
  expires_at: number;
  deactivated_at: number | null;
  created_at: number;
}

export interface IdempotencyKeyRow {
  partner_id: string;
  idempotency_key: string;
  request_hash: string;
  status_code: number;
  /** The original response body, encrypted (it may hold a token string). */
  response: string;
  created_at: number;
}

/** A partner's receiver of webhook events. */
export interface WebhookEndpointRow {
  id: string;
  partner_id: string;
  url: string;
  name: string | null;
  /** JSON: WebhookEventType[] */
  event_types: string;
  /** Encrypted: it must be usable to sign, so it cannot be hashed. */
  signing_key: string;
  /** Encrypted JSON: Record<string, string> (custom headers often carry credentials). */
  headers: string;
  is_active: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** The outbox: one row per event, with the exact bytes every attempt sends. */
export interface WebhookEventRow {
  id: string;
  partner_id: string;
  event_type: string;
  /** The raw JSON body, serialised once. */
  body: string;
  created_at: number;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event to one endpoint, fanned out in the transaction that wrote the event. */
export interface WebhookDeliveryRow {
  id: string;
  partner_id: string;
  event_id: string;
  endpoint_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  /** Every attempt ever made, resends included. */
  attempt_count: number;
  /** Failed attempts since the delivery was last queued: the position in the retry schedule. */
  round_failures: number;
  /** When a pending delivery is due; null once delivered or failed. */
  next_attempt_at: number | null;
  /** The claim of the worker sending it; the claim lapses at lease_expires_at. */
  lease_token: string | null;
  lease_expires_at: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface WebhookAttemptRow {
  id: string;
  delivery_id: string;
  attempted_at: number;
  status_code: number | null;
  duration_ms: number;
  /** What went wrong, without personal data (no bodies, no URLs). */
  error: string | null;
}

export interface ScreeningListRow {
  id: string;
  source: string;
  sha256: string;
  published_at: string | null;
  entity_count: number;
  /** JSON: string[] */
  warnings: string;
  imported_at: number;
  is_live: number;
  /** JSON: ListChanges (entity ids added, changed, removed against the version it replaced); null for a first import. */
  changes: string | null;
  /** 1 while the open cases have not been matched against `changes` yet. */
  rescreen_pending: number;
  /** Entities with a PEP tier: a version with any checks subjects for politically exposed persons. */
  pep_entity_count: number;
}

export interface ScreeningEntityRow {
  list_id: string;
  entity_id: string;
  fingerprint: string;
  /** JSON: the screening library's Entity */
  data: string;
}

export interface ScreeningSubjectRow {
  id: string;
  partner_id: string;
  company_id: string;
  /** COMPANY or BENEFICIARY */
  subject_type: string;
  /** The company id or the beneficiary id */
  subject_id: string;
  /** AmlCheckStatusEnum */
  status: string;
  /** Why the status is NOT_CHECKED, when it is */
  status_reason: string | null;
  /** JSON: [{source, sha256, publishedAt}] of the lists used */
  list_versions: string;
  checked_at: number | null;
  updated_at: number;
}

export interface ScreeningHitRow {
  id: string;
  subject_row_id: string;
  company_id: string;
  partner_id: string;
  entity_id: string;
  entity_fingerprint: string;
  score: number;
  is_alert: number;
  /** 1 when the latest screening found it */
  is_current: number;
  /** JSON: the library's Hit (the explanation) */
  detail: string;
  /** TRUE_POSITIVE or FALSE_POSITIVE once a reviewer decided */
  resolution: string | null;
  resolution_comment: string | null;
  resolved_by: string | null;
  resolved_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
}

/** One version of a partner's risk model; the highest version is in force. */
export interface RiskModelRow {
  partner_id: string;
  version: number;
  /** JSON: RiskModelDefinition */
  model: string;
  created_at: number;
}

export interface RiskAssessmentRow {
  id: string;
  partner_id: string;
  company_id: string;
  /** 0..100 */
  score: number;
  level: RiskLevel;
  /** JSON: each factor's weight, severity, contribution and explanation */
  factors: string;
  /** JSON: {level, factor} when a factor raised the level, else null */
  floor: string | null;
  /** 0 is the built-in default model */
  model_version: number;
  /** SUBMIT, AUTOMATION, RECOMPUTE */
  reason: string;
  created_at: number;
}

/** A company's data key, wrapped by a master key (see src/core/privacy/). */
export interface CompanyKeyRow {
  company_id: string;
  /** `v1:` + base64(iv | tag | ciphertext) of the 32-byte data key. */
  wrapped_key: string;
  /** Which master key wrapped it (a fingerprint, not the key). */
  master_key_id: string;
  created_at: number;
  rewrapped_at: number | null;
}

/** Written by /healthz: proof that the database accepts writes. */
export interface HealthCheckRow {
  id: string;
  checked_at: number;
}

/** One re-run of the automated checks; open (finished_at null) while the company is PROCESSING. */
export interface AutomationRunRow {
  id: string;
  partner_id: string;
  company_id: string;
  /** The review status the company returns to when the run finishes. */
  previous_status: string;
  requested_at: number;
  finished_at: number | null;
  /** JSON: {check: outcome} */
  statuses: string | null;
}
/** A case's latest register check (core/company-register): one row per company, replaced whole. */
export interface CompanyRegisterCheckRow {
  id: string;
  partner_id: string;
  company_id: string;
  /** The provider asked; null when no configured register serves the case. */
  provider: string | null;
  country: string | null;
  registration_number: string | null;
  /** FOUND, NOT_FOUND, REJECTED, TIMED_OUT, FAILED or NOT_SERVED (core/company-register/register-check.ts). */
  status: string;
  checked_at: number;
  /** Sealed JSON: {profile, comparison, undeclared} when FOUND, else null. */
  body: string | null;
  data_file_hash: string | null;
  report_file_hash: string | null;
}
/** The company a GOV1/GOV2 session picked from a register (core/gov-sessions): one row per form. */
export interface GovSessionRow {
  company_id: string;
  partner_id: string;
  /** GOV1 or GOV2: the token type when the company was picked. */
  token_type: string;
  provider: string;
  country: string;
  company_number: string;
  /** Sealed JSON: the RegistryProfile the server read from the provider. */
  profile: string;
  /** JSON: string[], the company properties the register gave and the client may not change (GOV2; [] for GOV1). */
  locked_fields: string;
  /** JSON: Array<{id, fields}>, the beneficiaries added from the register and their locked fields (GOV2; [] for GOV1). */
  register_beneficiaries: string;
  picked_at: number;
}
/** A reviewer of one partner (iDenfy's ManagerAccount). Logins come with the back office. */
export interface ManagerRow {
  id: Generated<number>;
  partner_id: string;
  email: string;
  name: string;
  surname: string;
  created_at: number;
  /** admin | auditor | reviewer | viewer (core/managers/roles.ts). */
  role: Generated<string>;
  password_hash: string | null;
  disabled_at: number | null;
  away: Generated<number>;
  failed_sign_ins: Generated<number>;
  locked_until: number | null;
  last_sign_in_at: number | null;
  totp_secret: string | null;
  totp_master_key_id: string | null;
  totp_enabled_at: number | null;
  totp_last_step: number | null;
  /** When automatic or manual assignment last gave this manager a case (ties of automatic assignment). */
  last_assigned_at: number | null;
}

/** A managers row as read (its generated columns filled in). */
export type ManagerRecord = Selectable<ManagerRow>;

export interface ManagerPasswordTokenRow {
  token_hash: string;
  manager_id: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface ManagerRecoveryCodeRow {
  code_hash: string;
  manager_id: number;
  created_at: number;
  used_at: number | null;
}

export interface ManagerSessionRow {
  /** SHA-256 (hex) of the cookie value. */
  id: string;
  manager_id: number;
  partner_id: string;
  created_at: number;
  last_seen_at: number;
  idle_expires_at: number;
  expires_at: number;
  ended_at: number | null;
}

export interface CompanyCommentRow {
  id: string;
  partner_id: string;
  company_id: string;
  /** null: written with the partner's key pair */
  manager_id: number | null;
  content: string;
  created_at: number;
}

/**
 * The number of listed companies (search_text is not null) per partner and combination of status,
 * approval status, risk level and assignee,
 * kept exact by triggers on companies (migration 20261127T1650). A missing approval status or
 * risk level is '', no assignee 0.
 */
export interface CompanyCountRow {
  partner_id: string;
  status: string;
  approval_status: string;
  risk_level: string;
  /** 0: not assigned. */
  assigned_to: number;
  count: number;
}

/**
 * The number of listed companies per partner, status and creation-time bucket: `bucket` is the
 * start (ms) of a span of `width` ms, aligned on the epoch, at each of the widths of migration
 * 20261201T0100 (a second, a minute, an hour, a day, 32 days), kept exact by triggers on companies.
 */
export interface CompanyCreatedCountRow {
  partner_id: string;
  width: number;
  bucket: number;
  status: string;
  count: number;
}

/**
 * A narrow copy of each listed company for `q`, kept by triggers on companies. SQLite: a stable
 * integer rowid for its FTS5 trigram index (company_search_fts, read with raw SQL; migration
 * 20261127T1650) and the list's filters. PostgreSQL: the folded text under a pg_trgm GIN index,
 * the partner's slot, the status's band, the filters' codes and the creation time (migrations
 * 20261129T0200, 20261205T0100).
 */
export interface CompanySearchRow {
  /** SQLite only: the partner's slot << 40, its status's band << 36, plus a sequence (migration 20261129T0200). */
  rowid: number;
  company_id: string;
  created_at: number;
  /** SQLite only: the list's filters on few values (the assignee on PostgreSQL too). */
  partner_id: string;
  status: string;
  approval_status: string | null;
  risk_level: string | null;
  assigned_to: number | null;
  /** PostgreSQL only: the partner's slot (company_search_partitions). */
  slot: number;
  /** PostgreSQL only: the status's band (0 to 4 in KYB_STATUSES' order, 15 for any other). */
  band: number;
  /** PostgreSQL only: the risk level's and approval status's codes (migration 20261205T0100; null for none). */
  risk: number | null;
  approval: number | null;
  /** PostgreSQL only: companies.search_text. */
  search_text: string;
}

/** Each partner's slot: SQLite's search rowids (migration 20261128T0700), PostgreSQL's company_search.slot (20261129T0200). */
export interface CompanySearchPartitionRow {
  slot: number;
  partner_id: string;
}

/** A stored file's bytes, when the file store is the database (migration 20261128T0400). */
export interface FileBlobRow {
  hash: string;
  bytes: Buffer;
  /** Epoch ms of the last write (or re-store): the sweep's grace period starts here. */
  written_at: number;
}

/** Failed sign-ins of an e-mail holding no usable account (its keyed hash), locked like an account's. */
export interface SignInMissRow {
  email_hash: string;
  failures: number;
  locked_until: number | null;
  updated_at: number;
}

/** Requests counted by the shared rate limiter: per SHA-256 of the limiter key and fixed window. */
export interface RateLimitHitRow {
  key: string;
  /** Epoch ms at which the window began (a multiple of the window's length). */
  window_start: number;
  count: number;
}

/**
 * One imported version of an open-data register (migration 20261128T0300): `uk-basic`, `uk-psc`,
 * `gleif-lei` or `gleif-rr`. Rows are loaded under a non-live import, which becomes live in one
 * transaction; at most one import per dataset is live.
 */
export interface RegistryImportRow {
  id: string;
  dataset: string;
  sha256: string;
  file_name: string;
  row_count: number;
  published_at: string | null;
  imported_at: number;
  is_live: number;
  /** The import's own rows table (`registry_companies_<id>`...); null: its rows are in the common table (imports before 20261130T0100). */
  rows_table: string | null;
}

/** A company of an imported register (Companies House basic data or a GLEIF LEI record). */
export interface RegistryCompanyRow {
  id: Generated<number>;
  import_id: string;
  country: string;
  /** The register's number as published (an LEI for GLEIF). */
  number: string;
  /** `number` without spaces, dashes and leading zeros, upper case. */
  number_key: string;
  name: string;
  /** Name words without legal forms, normalised, in order (trigram-indexed). */
  search_text: string;
  /** The same words sorted: equal for "Acme Widgets Ltd" and "WIDGETS ACME LIMITED". */
  name_key: string;
  status: string;
  legal_form: string | null;
  incorporated_on: string | null;
  /** GLEIF: the registration authority's number for the entity, as a number_key. */
  registered_number_key: string | null;
  /** JSON: addresses, activity codes and the rest of the profile. */
  data: string;
}

/** An owner (person with significant control) of a company of an imported register. */
export interface RegistryPersonRow {
  id: Generated<number>;
  import_id: string;
  company_number_key: string;
  /** JSON: a RegistryPerson. */
  data: string;
}

/** A GLEIF level 2 accounting consolidation relationship: child consolidated by parent. */
export interface RegistryRelationshipRow {
  id: Generated<number>;
  import_id: string;
  child_lei: string;
  parent_lei: string;
  kind: 'direct' | 'ultimate';
  status: string;
}

/** A register document ordered through `POST /api/v2/gov-ordered-documents/document-order/` (migration 20261128T0200). */
export interface GovDocumentOrderRow {
  id: string;
  partner_id: string;
  provider: string;
  country_code: string;
  registration_number: string;
  region: string | null;
  company_name: string;
  product_key: string;
  title: string | null;
  document_format: string | null;
  /** In the currency's minor unit. */
  price_minor: number;
  currency: string | null;
  /** GovDocumentOrderStatusEnum */
  status: string;
  ordered_at: number;
  expected_delivery_at: number;
  delivered_at: number | null;
  file_hash: string | null;
  file_mime: string | null;
  attempts: number;
  /** When the worker may try (again); null once final. */
  next_attempt_at: number | null;
  /** The last fault's kind (timeout, failure, rejected, garbage), never its text. */
  last_error: string | null;
}

/** A Secretary-of-State report (`/api/v2/sos-filing-documents/`): a company's public record; `request` is its JSON. */
export interface SosReportRow {
  id: string;
  partner_id: string;
  provider: string;
  request: string;
  status: string;
  created_at: number;
  checked_at: number | null;
  company_name: string | null;
  formation_date: string | null;
  entity_type: string | null;
  watchlist_hits_count: number | null;
  data_file_hash: string | null;
  report_file_hash: string | null;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
}

/** A person-register check (`/api/v2/registry-center-checks/`); `body` is sealed with the check's key. */
export interface RegistryCenterCheckRow {
  id: string;
  partner_id: string;
  provider: string;
  database: string;
  client_id: string | null;
  name_hash: string | null;
  surname_hash: string | null;
  /** JSON array of the request fields given, in the list filter's spelling (first_name...). */
  checked_fields: string;
  /** MATCH, PARTIAL_MATCH, NO_MATCH or NO_DATA over the checked fields. */
  status: string;
  body: string;
  created_at: number;
}

/** A partner's review controls (JSON: ReviewPolicy in core/review-controls/policy.ts). */
export interface ReviewPolicyRow {
  partner_id: string;
  definition: string;
  updated_at: number;
}

/** A decision waiting for a second reviewer (four-eyes). */
export interface PendingDecisionRow {
  company_id: string;
  partner_id: string;
  approval_status: string;
  deny_reason: string | null;
  /** The proposing actor as `kind:id` (a manager, or a key pair). */
  proposed_by: string;
  proposed_at: number;
  /** The case's evidence when proposed; a different one now voids the proposal. */
  evidence_hash: string;
}

/** A reviewer's decision on one document: ACCEPTED, or REJECTED with a reason. */
export interface DocumentReviewRow {
  document_id: string;
  partner_id: string;
  company_id: string;
  decision: string;
  reason: string | null;
  decided_by: string;
  decided_at: number;
}

/** The form as submitted (JSON sealed with the company's key), one per submission. */
export interface SubmissionSnapshotRow {
  id: string;
  company_id: string;
  submitted_at: number;
  snapshot: string;
}

/** A manager's saved queue filters (the queue's URL query string). */
export interface SavedViewRow {
  id: string;
  partner_id: string;
  manager_id: number;
  name: string;
  query: string;
  created_at: number;
}
