import type { KYB_STATUSES, LOCALES, TOKEN_TYPES, WEBHOOK_EVENT_TYPES } from './enums.js';

export type KybLocale = (typeof LOCALES)[number];
export type KybTokenType = (typeof TOKEN_TYPES)[number];
export type KybStatus = (typeof KYB_STATUSES)[number];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
