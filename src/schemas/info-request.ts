import { Type, type Static } from 'typebox';
import { DateTime } from './common.js';

/** At most this many items per request: a request names what to fix, not the whole form. */
export const MAX_OPEN_ITEMS = 100;

const ItemPath = Type.String({
  minLength: 1,
  maxLength: 200,
  description:
    'company.<field>, company.additionalInfo.<key>, documents.<TYPE>, beneficiaries.<id>, beneficiaries.<TYPE>, questionnaires.<key> or questionnaires.<key>.<section>.<question>',
});

/** OpenKYB: a reviewer sends the form back to the client with these items open. */
export const InfoRequestCreate = Type.Object(
  {
    items: Type.Array(ItemPath, { minItems: 1, maxItems: MAX_OPEN_ITEMS, uniqueItems: true }),
    /** Shown to the client on the hosted form. */
    message: Type.String({ minLength: 1, maxLength: 2000 }),
    /** Seconds the new token is valid; default 7 days, at most 30 days (iDenfy's token maximum). */
    lifetime: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_592_000 })),
  },
  { additionalProperties: false, title: 'InfoRequestCreate' },
);
export type InfoRequestCreate = Static<typeof InfoRequestCreate>;

export const InfoRequest = Type.Object(
  {
    companyId: Type.String(),
    status: Type.Literal('REQUESTED'),
    items: Type.Array(Type.String()),
    message: Type.String(),
    /** The new session token for the correction (its string is shown only here and in the webhook). */
    tokenString: Type.String(),
    expiration: DateTime,
    /** The hosted form link to send the client. */
    url: Type.String(),
    date: DateTime,
  },
  { title: 'InfoRequest' },
);
export type InfoRequest = Static<typeof InfoRequest>;

/** What the hosted form shows while information is requested. */
export const SessionInfoRequest = Type.Object(
  {
    message: Type.String(),
    items: Type.Array(Type.String()),
    requestedAt: DateTime,
  },
  { title: 'SessionInfoRequest' },
);
export type SessionInfoRequest = Static<typeof SessionInfoRequest>;
