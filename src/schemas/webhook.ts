import { Type, type Static } from 'typebox';
import { DateTime, HttpUrl, Nullable, Uuid } from './common.js';
import { WebhookEventTypeEnum } from './enums.js';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE } from '../shared/enums.js';

const strict = { additionalProperties: false } as const;

/** Header values are visible ASCII, spaces and tabs (no line breaks); names are checked by the verbs. */
export const HEADER_VALUE_PATTERN = '^[\\t\\x20-\\x7E]*$';

const CustomHeaders = Type.Record(Type.String(), Type.String({ maxLength: 1000, pattern: HEADER_VALUE_PATTERN }), {
  ...strict,
  maxProperties: 20,
  description: 'Sent with every request to this endpoint; may not replace the headers OpenKYB sets.',
});

export const SIGNING_KEY_PATTERN = '^[\\x21-\\x7E]+$';

const SigningKey = Type.String({
  minLength: 16,
  maxLength: 256,
  pattern: SIGNING_KEY_PATTERN,
  description: 'HMAC key. Omitted: a new "whsec_..." key is generated. Shown only when created or rotated.',
});

const endpointFields = {
  url: HttpUrl(2048),
  name: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
  eventTypes: Type.Array(WebhookEventTypeEnum, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
  isActive: Type.Boolean({ description: 'An inactive endpoint receives no new events; its pending deliveries fail.' }),
  headers: CustomHeaders,
};

export const WebhookInput = Type.Object(
  {
    url: endpointFields.url,
    name: Type.Optional(endpointFields.name),
    eventTypes: endpointFields.eventTypes,
    isActive: Type.Optional(Type.Boolean({ default: true })),
    headers: Type.Optional(CustomHeaders),
    signingKey: Type.Optional(SigningKey),
  },
  { ...strict, title: 'WebhookInput' },
);
export type WebhookInput = Static<typeof WebhookInput>;

export const WebhookPatch = Type.Partial(Type.Object(endpointFields, strict), { ...strict, title: 'WebhookPatch' });
export type WebhookPatch = Static<typeof WebhookPatch>;

export const RotateKeyInput = Type.Object({ signingKey: Type.Optional(SigningKey) }, { ...strict, title: 'RotateSigningKeyInput' });
export type RotateKeyInput = Static<typeof RotateKeyInput>;

const webhookProperties = { id: Uuid, ...endpointFields, createdAt: DateTime, updatedAt: DateTime };
export const Webhook = Type.Object(webhookProperties, { title: 'Webhook' });
export type Webhook = Static<typeof Webhook>;

export const WebhookWithKey = Type.Object({ ...webhookProperties, signingKey: Type.String() }, { title: 'WebhookWithSigningKey' });
export type WebhookWithKey = Static<typeof WebhookWithKey>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const DeliveryEventType = Type.Enum([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE], { title: 'WebhookDeliveryEventType' });

const deliveryProperties = {
  id: Uuid,
  webhook: Uuid,
  eventId: Uuid,
  eventType: DeliveryEventType,
  status: Type.Enum([...DELIVERY_STATUSES]),
  attemptCount: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Nullable(DateTime),
  lastAttemptAt: Nullable(DateTime),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
};
export const WebhookDelivery = Type.Object(deliveryProperties, { title: 'WebhookDelivery' });
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookAttempt = Type.Object(
  {
    attemptedAt: DateTime,
    statusCode: Nullable(Type.Integer()),
    durationMs: Type.Integer({ minimum: 0 }),
    error: Nullable(Type.String()),
  },
  { title: 'WebhookAttempt' },
);

export const WebhookDeliveryDetail = Type.Object({ ...deliveryProperties, attempts: Type.Array(WebhookAttempt) }, { title: 'WebhookDeliveryDetail' });
export type WebhookDeliveryDetail = Static<typeof WebhookDeliveryDetail>;

export const DeliveryListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...DELIVERY_STATUSES])),
    eventType: Type.Optional(DeliveryEventType),
    webhook: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The `next` value of the previous page.' })),
  },
  strict,
);
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const WebhookDeliveryPage = Type.Object(
  {
    results: Type.Array(WebhookDelivery),
    next: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page.' })),
  },
  { title: 'WebhookDeliveryPage' },
);
export type WebhookDeliveryPage = Static<typeof WebhookDeliveryPage>;
