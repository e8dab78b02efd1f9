import type { ReviewCtx } from './load-company.js';
import { newRowId } from '../../db/row-id.js';
import type { Db } from '../../db/database.js';
import type { KybTokenRow } from '../../db/tables.js';
import type { InfoRequest, InfoRequestCreate } from '../../schemas/info-request.js';
import { recordAudit } from '../audit/record-audit.js';
import { keyedHash, randomString } from '../crypto.js';
import { conflict } from '../errors.js';
import { loadCompany } from '../forms/access.js';
import { insertTokenRow } from '../tokens/create-token.js';
import { isTokenValid } from '../tokens/present-token.js';
import { enqueueEvent } from '../webhooks/enqueue-event.js';
import { checkItems } from './check-items.js';
import { openInfoRequest, type OpenInfoRequest } from './open-items.js';

/** A week: the client must first get the message, then find the documents. */
export const DEFAULT_INFO_REQUEST_LIFETIME_S = 7 * 24 * 3600;
const TOKEN_LENGTH = 40;
/** Review states a request may come from; PENDING means the form is with the client already. */
const REVIEWABLE = new Set(['NEED_TO_REVIEW', 'NEED_TO_PROCESS']);

/**
 * Sends a submitted form back to the client with only the named items open. In one
 * transaction: the company goes to PENDING with the open items and message, its earlier
 * tokens are deactivated and a new one is issued (as iDenfy's COMPANY_INFO_REQUEST carries a
 * new token), the audit row and the COMPANY_INFO_REQUEST event.
 */
export async function requestInfo({ ctx, input }: { ctx: ReviewCtx; input: InfoRequestCreate & { companyId: string } }): Promise<InfoRequest> {
  return ctx.db.transaction().execute((trx) => requestInfoIn(trx, ctx, input));
}

/** The request inside the caller's transaction (a rejected document asks for a new upload through it). */
export async function requestInfoIn(trx: Db, ctx: ReviewCtx, input: InfoRequestCreate & { companyId: string }): Promise<InfoRequest> {
  const access = { partnerId: ctx.partnerId, companyId: input.companyId, actor: ctx.actor };
  const company = await loadCompany(trx, { ...ctx, access });
  if (company.submission_time === null || company.info === null) throw conflict('The form was not submitted yet.');
  const open = openInfoRequest(company);
  const now = ctx.clock.now();
  // A request whose link ran out unanswered may be sent again; a live one may not.
  if (open && (await isLinkLive(trx, open.tokenId, now))) throw conflict('Information was already requested; the client has not re-submitted yet.');
  if (!open && !REVIEWABLE.has(company.status)) {
    throw conflict(
      company.status === 'PROCESSING'
        ? 'Automation is running on this company; request information once it is back in review.'
        : 'The review is completed; set the status back to NEED_TO_REVIEW to request information.',
    );
  }
  await checkItems(trx, company as typeof company & { info: string }, input.items);

  const previous = await trx
    .selectFrom('kyb_tokens')
    .selectAll()
    .where('company_id', '=', company.id)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const tokenString = randomString(TOKEN_LENGTH);
  // The correction session keeps the original session's settings.
  const token: KybTokenRow = {
    ...previous,
    id: newRowId(),
    token_hash: keyedHash(ctx.pepper, tokenString),
    created_at: now,
    deactivated_at: null,
    expires_at: now + (input.lifetime ?? DEFAULT_INFO_REQUEST_LIFETIME_S) * 1000,
  };
  // One live link per company: an older link must not reopen the form.
  await trx.updateTable('kyb_tokens').set({ deactivated_at: now }).where('company_id', '=', company.id).where('deactivated_at', 'is', null).execute();
  await insertTokenRow(trx, token);

  const request: OpenInfoRequest = { items: [...input.items], message: input.message, tokenId: token.id, requestedAt: now };
  const updated = await trx
    .updateTable('companies')
    // The review clock stops while the form is with the client (core/case-review/deadline.ts).
    .set({ status: 'PENDING', info_request: JSON.stringify(request), updated_at: now, review_paused_at: now, review_due_at: null })
    .where('id', '=', company.id)
    .where('status', '=', company.status)
    .$call((q) => (company.info_request === null ? q.where('info_request', 'is', null) : q.where('info_request', '=', company.info_request)))
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n) throw conflict('The company changed meanwhile; try again.');
  // The message is free text and may hold personal data: the audit keeps the item paths only.
  await recordAudit(trx, { ...access, action: 'INFO_REQUESTED', details: { items: request.items, tokenId: token.id, previousStatus: company.status }, now });
  const date = new Date(now).toISOString();
  await enqueueEvent(trx, {
    partnerId: company.partner_id,
    eventType: 'COMPANY_INFO_REQUEST',
    now,
    payload: { companyId: company.id, token: tokenString, date, email: null, manager: null, status: 'REQUESTED' },
  });
  return {
    companyId: company.id,
    status: 'REQUESTED',
    items: request.items,
    message: request.message,
    tokenString,
    expiration: new Date(token.expires_at).toISOString(),
    url: `${ctx.files.publicUrl}/welcome?authToken=${tokenString}`,
    date,
  };
}

async function isLinkLive(db: Db, tokenId: string, now: number): Promise<boolean> {
  const token = await db.selectFrom('kyb_tokens').select(['expires_at', 'deactivated_at']).where('id', '=', tokenId).executeTakeFirst();
  return token !== undefined && isTokenValid(token, now);
}
