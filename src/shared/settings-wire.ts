/**
 * Wire shapes of the back office's settings pages, derived from the server's TypeBox schemas:
 * type-only (like backoffice-wire.ts), so nothing of TypeBox reaches the browser bundle.
 */
import type { Static } from 'typebox';
import type { ScreeningLists as ScreeningListsSchema } from '../schemas/screening.js';

export type * from '../schemas/api-keys.js';
export type * from '../schemas/flow.js';
export type * from '../schemas/questionnaire.js';
export type * from '../schemas/risk.js';
export type * from '../schemas/theme.js';
export type * from '../schemas/webhook.js';
export type ScreeningLists = Static<typeof ScreeningListsSchema>;
