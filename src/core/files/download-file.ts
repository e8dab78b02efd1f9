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

async function mayStillRead(ctx: Ctx, viewer: LinkViewer): Promise<boolean> {
  const { actor, partnerId } = viewer;
  if (actor.kind === 'manager') {
    const manager = await ctx.db
      .selectFrom('managers')
      .select('id')
      .where('id', '=', actor.managerId)
      .where('partner_id', '=', partnerId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return manager !== undefined;
  }
  const key = await ctx.db
    .selectFrom('api_keys')
    .select('id')
    .where('id', '=', actor.keyId)
    .where('partner_id', '=', partnerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return key !== undefined;
}
