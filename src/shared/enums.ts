/**
 * The value lists both the server and the web apps need. This folder is dependency-free (the
 * browser bundles it): src/schemas builds its TypeBox enums from these lists, so there is one copy.
 */

// Enum values copied exactly from iDenfy's KYB API (wire compatibility depends on them), in spec order.

export const LOCALES = [
  'en', 'es', 'fr', 'ru', 'de', 'it', 'pl', 'lt', 'lv', 'et', 'cs', 'ro', 'hu', 'ja', 'bg', 'nl',
  'pt',
] as const;
export const COMPANY_FIELDS = [
  'COMPANY_NAME', 'REGISTRATION_NUMBER', 'COUNTRY', 'REGION', 'TYPE', 'PHONE', 'WEBSITE', 'EMAIL',
  'BRAND_NAMES', 'ACTIVITY_CODE', 'TIN', 'OPERATING_ADDRESS', 'POSTAL_ADDRESS', 'POSTCODE',
  'STREET', 'CITY',
] as const;
export const INDIVIDUAL_FIELDS = [
  'NAME', 'SURNAME', 'COUNTRY', 'EMAIL', 'PHONE', 'DATE_OF_BIRTH', 'NATIONALITY',
  'DOCUMENT_NUMBER', 'PERSONAL_NUMBER', 'CITIZENSHIP', 'COUNTRY_OF_BIRTH', 'RESIDENTIAL_ADDRESS',
  'COUNTRY_OF_RESIDENCE', 'POSTCODE', 'ADDRESS', 'STREET', 'CITY', 'TIN', 'TAX_RESIDENCE',
  'SELF_DECLARED_PEP', 'POSITIONS',
] as const;
export const CUSTOM_FIELD_TYPES = [
  'CHECKBOX', 'COUNTRY', 'COUNTRY_MULTI', 'DATE', 'INTEGER', 'SELECT', 'SELECT_MULTI', 'TEXT',
] as const;
export const QUESTION_TYPES = [
  'CHECKBOX', 'COLOR', 'COUNTRY', 'COUNTRY_MULTI', 'DATE', 'DATETIME', 'EMAIL', 'FILE',
  'FILE_MULTI', 'FLOAT', 'LIST', 'INTEGER', 'PASSWORD', 'RADIO', 'SELECT', 'SELECT_MULTI', 'TEL',
  'TEXT', 'TEXT_AREA', 'TIME', 'URL',
] as const;
export const QUESTIONNAIRE_TYPES = [
  'KYC', 'KYB',
] as const;
export const BENEFICIARY_TYPES = [
  'CEO', 'REPRESENTATIVE', 'SHAREHOLDER', 'UBO', 'ABO',
] as const;
export const BENEFICIARY_FIELDS = [
  'OWNERSHIP_PERCENTAGE',
] as const;
export const APPLICANT_TYPES = [
  'INDIVIDUAL', 'COMPANY',
] as const;
export const COMPANY_DOCUMENT_TYPES = [
  'INCORPORATION_CERT', 'DIRECTOR_CERT', 'SHAREHOLDER_CERT', 'UBO_CERT', 'INCORPORATION_ARTICLES',
  'SHAREHOLDER_REGISTRY', 'DIRECTORS_REGISTRY', 'STATE_REGISTRY', 'UBO_REGISTRY',
  'OWNERSHIP_STRUCTURE', 'INCUMBENCY_CERT', 'TRUST_AGREEMENT', 'INFORMATION_STATEMENT',
  'GOOD_STANDING_CERT', 'PROOF_OF_DOMAIN', 'PROOF_OF_ADDRESS', 'SOURCE_OF_FUNDS', 'BANK_STATEMENT',
  'INVOICE', 'ONLINE_PRESENCE', 'DIRECTOR_ONLINE_PRESENCE', 'SHAREHOLDER_ONLINE_PRESENCE',
  'WEBSITE_OVERVIEW', 'E_SIGNATURE_CERT', 'ANNUAL_REPORT', 'NAME_CHANGE_PROOF',
  'TRADING_STATUS_PROOF', 'ORG_CHART', 'COMPANY_ADVERSE_MEDIA', 'INDIVIDUAL_ADVERSE_MEDIA',
  'EMAIL_CHECK', 'SOURCE_OF_WEALTH', 'OTHER',
] as const;
export const INDIVIDUAL_DOCUMENT_TYPES = [
  'IDENTITY_DOCUMENT', 'PROOF_OF_ADDRESS', 'OTHER',
] as const;
export const COUNTRIES = [
  'AF', 'AX', 'AL', 'DZ', 'AS', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AR', 'AM', 'AW', 'AU', 'AT', 'AZ',
  'BS', 'BH', 'BD', 'BB', 'BY', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BO', 'BQ', 'BA', 'BW', 'BV', 'BR',
  'IO', 'BN', 'BG', 'BF', 'BI', 'CV', 'KH', 'CM', 'CA', 'KY', 'CF', 'TD', 'CL', 'CN', 'CX', 'CC',
  'CO', 'KM', 'CG', 'CK', 'CR', 'CI', 'HR', 'CU', 'CW', 'CY', 'CZ', 'CD', 'DK', 'DJ', 'DM', 'DO',
  'EC', 'EG', 'SV', 'GQ', 'ER', 'EE', 'SZ', 'ET', 'FK', 'FO', 'FJ', 'FI', 'FR', 'GF', 'PF', 'TF',
  'GA', 'GM', 'GE', 'DE', 'GH', 'GI', 'GR', 'GL', 'GD', 'GP', 'GU', 'GT', 'GG', 'GN', 'GW', 'GY',
  'HT', 'HM', 'HN', 'HK', 'HU', 'IS', 'IN', 'ID', 'IR', 'IQ', 'IE', 'IM', 'IL', 'IT', 'JM', 'JP',
  'JE', 'JO', 'KZ', 'KE', 'KI', 'XK', 'KW', 'KG', 'LA', 'LV', 'LB', 'LS', 'LR', 'LY', 'LI', 'LT',
  'LU', 'MO', 'MG', 'MW', 'MY', 'MV', 'ML', 'MT', 'MH', 'MQ', 'MR', 'MU', 'YT', 'MX', 'FM', 'MD',
  'MC', 'MN', 'ME', 'MS', 'MA', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'NC', 'NZ', 'NI', 'NE', 'NG',
  'NU', 'NF', 'KP', 'MK', 'MP', 'NO', 'OM', 'PK', 'PW', 'PS', 'PA', 'PG', 'PY', 'PE', 'PH', 'PN',
  'PL', 'PT', 'PR', 'QA', 'RE', 'RO', 'RU', 'RW', 'BL', 'SH', 'KN', 'LC', 'MF', 'PM', 'VC', 'WS',
  'SM', 'ST', 'SA', 'SN', 'RS', 'SC', 'SL', 'SG', 'SX', 'SK', 'SI', 'SB', 'SO', 'ZA', 'GS', 'KR',
  'SS', 'ES', 'LK', 'SD', 'SR', 'SJ', 'SE', 'CH', 'SY', 'TW', 'TJ', 'TZ', 'TH', 'TL', 'TG', 'TK',
  'TO', 'TT', 'TN', 'TR', 'TM', 'TC', 'TV', 'UG', 'UA', 'AE', 'GB', 'UM', 'US', 'UY', 'UZ', 'VU',
  'VA', 'VE', 'VN', 'VG', 'VI', 'WF', 'EH', 'YE', 'ZM', 'ZW',
] as const;
export const KYB_STATUSES = [
  'PENDING', 'PROCESSING', 'NEED_TO_PROCESS', 'NEED_TO_REVIEW', 'COMPLETED',
] as const;
export const TOKEN_TYPES = [
  'FORM', 'GOV1', 'GOV2',
] as const;
export const APPROVAL_STATUSES = [
  'APPROVED', 'DENIED',
] as const;
export const RISK_LEVELS = [
  'VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_CHECKED',
] as const;
/**
 * Webhook event types (the `Idenfy-Event-Type` header), iDenfy's KYB events. A partner's
 * endpoint subscribes to some of them; enqueueEvent accepts only these.
 */
export const WEBHOOK_EVENT_TYPES = [
  'COMPANY_SUBMIT', 'COMPANY_REVIEW', 'COMPANY_AML_REVIEW', 'COMPANY_INFO_REQUEST',
  'COMPANY_EXPIRATION', 'COMPANY_DELETE', 'GOV_ORDERED_DOCUMENT', 'SOS_REPORT',
] as const;
/** OpenKYB's own event, sent only by `POST /v1/webhooks/{id}/test/`; no endpoint subscribes to it. */
export const WEBHOOK_TEST_EVENT_TYPE = 'WEBHOOK_TEST';

/** The colours a partner's theme may set (iDenfy's ThemeColor). */
export const THEME_COLORS = [
  'primary', 'secondary', 'primaryBackground', 'secondaryBackground', 'hoveredButton',
  'disabledIconButton', 'disabledButtonTypography', 'disabledButton', 'typography', 'success',
  'successBackground', 'error', 'errorBackground', 'warning', 'warningBackground', 'info',
  'infoBackground', 'border',
] as const;

export type KybLocale = (typeof LOCALES)[number];
export type KybTokenType = (typeof TOKEN_TYPES)[number];
export type KybStatus = (typeof KYB_STATUSES)[number];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export type CompanyField = (typeof COMPANY_FIELDS)[number];
export type IndividualField = (typeof INDIVIDUAL_FIELDS)[number];
export type CompanyDocType = (typeof COMPANY_DOCUMENT_TYPES)[number];
export type IndividualDocType = (typeof INDIVIDUAL_DOCUMENT_TYPES)[number];
export type BeneficiaryType = (typeof BENEFICIARY_TYPES)[number];
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export type ThemeColorName = (typeof THEME_COLORS)[number];
