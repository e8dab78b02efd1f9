import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { sha256Hex } from '../crypto.js';
import { decodeUpload } from '../files/decode-upload.js';
import { LOGO_TYPES, logoPath, MAX_LOGO_BYTES } from './logo-types.js';

export interface UploadedLogo {
  /** The logo's public address on this server: what a theme's `logo` holds. */
  url: string;
  mime: string;
  size: number;
}

/**
 * Stores a theme logo (base64, checked by content: PNG, JPEG or WebP up to 512 KB) and returns
 * the address a theme's `logo` field takes. The row, the bytes and the audit entry are written
 * in one transaction; a refused file changes nothing. Logos are public brand images, not
 * personal data: stored unencrypted, under an id of their own content (domain-separated, so no
 * company's file can share it).
 */
export async function uploadThemeLogo({ ctx, input }: { ctx: PartnerCtx; input: { file: string } }): Promise<UploadedLogo> {
  const upload = decodeUpload(input.file, MAX_LOGO_BYTES, 'file', LOGO_TYPES);
  const hash = sha256Hex(Buffer.concat([Buffer.from('openkyb theme logo\0'), upload.bytes]));
  const now = ctx.clock.now();
  const logo = { hash, mime: upload.mime, size: upload.bytes.length };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('stored_files')
      .values({ ...logo, company_id: null, created_at: now })
      .onConflict((oc) => oc.column('hash').doUpdateSet({ created_at: now }))
      .execute();
    await trx
      .insertInto('theme_logos')
      .values({ ...logo, partner_id: ctx.partnerId, created_at: now })
      .onConflict((oc) => oc.columns(['hash', 'partner_id']).doNothing())
      .execute();
    await ctx.files.storage.put(hash, upload.bytes);
    await recordPartnerAudit(trx, ctx, { action: 'THEME_LOGO_UPLOADED', details: { logoId: hash, mime: logo.mime, size: logo.size }, now });
  });
  return { url: `${ctx.files.publicUrl}${logoPath(hash, logo.mime)}`, mime: logo.mime, size: logo.size };
}
