import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import { MAX_OPEN_ITEMS, type SessionInfoRequest } from '../../schemas/info-request.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../errors.js';
import { isTokenValid } from '../tokens/present-token.js';
import type { ReviewCtx } from './load-company.js';
import { openInfoRequest, type OpenInfoRequest } from './open-items.js';

/**
 * Adds items to the request for information the client holds now, inside the caller's
 * transaction: a reviewer who rejects a document while the form is already with the client
 * widens that request instead of being refused. The client's link stays the same (its string is
 * stored only hashed, so no new COMPANY_INFO_REQUEST can carry it); the hosted form shows the
 * added items and the message with the new paragraph when it next loads. Returns null when no
 * request is open or its link has run out: the caller then sends a new one.
 */
export async function addToInfoRequestIn(
  trx: Db,
  ctx: ReviewCtx,
  company: Pick<CompanyRow, 'id' | 'info_request'>,
  input: { items: readonly string[]; message: string },
): Promise<SessionInfoRequest | null> {
  const open = openInfoRequest(company);
  if (!open) return null;
  const now = ctx.clock.now();
  const token = await trx.selectFrom('kyb_tokens').select(['expires_at', 'deactivated_at']).where('id', '=', open.tokenId).executeTakeFirst();
  if (!token || !isTokenValid(token, now)) return null;

  const items = [...new Set([...open.items, ...input.items])];
  if (items.length > MAX_OPEN_ITEMS) throw conflict(`A request for information holds at most ${MAX_OPEN_ITEMS} items; this one is full.`);
  const paragraphs = open.message.split('\n\n');
  const message = paragraphs.includes(input.message) ? open.message : `${open.message}\n\n${input.message}`;
  const widened: OpenInfoRequest = { ...open, items, message };
  const updated = await trx
    .updateTable('companies')
    .set({ info_request: JSON.stringify(widened), updated_at: now })
    .where('id', '=', company.id)
    .where('info_request', '=', company.info_request)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n) throw conflict('The company changed meanwhile; try again.');
  // The message is free text written to the client: the audit keeps the item paths only.
  await recordAudit(trx, {
    partnerId: ctx.partnerId,
    companyId: company.id,
    actor: ctx.actor,
    action: 'INFO_REQUEST_EXTENDED',
    now,
    details: { added: items.filter((item) => !open.items.includes(item)), tokenId: open.tokenId },
  });
  return { items, message, requestedAt: new Date(open.requestedAt).toISOString() };
}
