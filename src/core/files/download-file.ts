import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import type { LinkViewer, SignedLink } from './signed-url.js';
import { readStoredFile } from './stored-files.js';

/**
 * The bytes behind a verified signed link, or null when the file is gone (erased company) or
 * the viewer the link names no longer may read (a disabled manager, a revoked key pair).
 *
 * A download through a link issued to a manager or a key pair is an audit entry in the
 * partner's chain, written (durably: the commit resolves after the fsync) before the bytes are
 * returned: no entry, no bytes. The entry holds ids only, never the file's name.
 */
export async function downloadFile({ ctx, link }: { ctx: Ctx; link: SignedLink }): Promise<Buffer | null> {
  const bytes = await readStoredFile(ctx, link.hash);
  if (!bytes || !link.viewer) return bytes;
  const { viewer } = link;
  if (!(await mayStillRead(ctx, viewer))) return null;
  const file = await ctx.db.selectFrom('stored_files').select('company_id').where('hash', '=', link.hash).executeTakeFirst();
  if (!file) return null;
  await recordAudit(ctx.db, {
    partnerId: viewer.partnerId,
    companyId: file.company_id,
    actor: viewer.actor,
    action: link.documentId ? 'document.downloaded' : 'file.downloaded',
    details: {
      ...(viewer.actor.kind === 'manager' ? { managerId: viewer.actor.managerId } : { keyId: viewer.actor.keyId }),
      ...(link.documentId ? { documentId: link.documentId } : {}),
      fileId: link.hash,
    },
    now: ctx.clock.now(),
  });
  return bytes;
}

/** The link's manager is still enabled, or its key pair still live, in the link's partner. */
async function mayStillRead(ctx: Ctx, { actor, partnerId }: LinkViewer): Promise<boolean> {
  const found =
    actor.kind === 'manager'
      ? ctx.db.selectFrom('managers').select('partner_id').where('id', '=', actor.managerId).where('disabled_at', 'is', null)
      : ctx.db.selectFrom('api_keys').select('partner_id').where('id', '=', actor.keyId).where('revoked_at', 'is', null);
  const row = await found.executeTakeFirst();
  return row?.partner_id === partnerId;
}
