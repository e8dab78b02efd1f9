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
