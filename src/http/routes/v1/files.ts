import { Type } from 'typebox';
import { downloadFile } from '../../../core/files/download-file.js';
import { parseLinkViewer, verifyFileSignature } from '../../../core/files/signed-url.js';
import { requestCtx, type App } from '../../context.js';
import { sendError } from '../../errors.js';

const Params = Type.Object({ hash: Type.String({ maxLength: 64, pattern: '^[0-9a-f]{64}$' }) });
const Query = Type.Object({
  type: Type.String({ maxLength: 100 }),
  expires: Type.Integer(),
  partner: Type.Optional(Type.String({ maxLength: 64 })),
  viewer: Type.Optional(Type.String({ maxLength: 120 })),
  document: Type.Optional(Type.String({ maxLength: 64 })),
  name: Type.Optional(Type.String({ maxLength: 100 })),
  signature: Type.String({ maxLength: 64 }),
});

/**
 * Downloads through signed, expiring links (see signed-url.ts). Files are sent with the type
 * decided at upload, never sniffed, and sandboxed, so a crafted file cannot run in our origin.
 * A link issued to a manager or a key pair writes its audit entry before any byte is sent.
 */
export function fileRoutes(app: App): void {
  app.get(
    '/v1/files/:hash',
    {
      schema: { tags: ['Files'], summary: 'Download a file through a signed link', params: Params, querystring: Query },
    },
    async (request, reply) => {
      const { hash } = request.params;
      const { type, expires, name, signature } = request.query;
      const ctx = requestCtx(request);
      const link = {
        hash,
        mime: type,
        filename: name ?? null,
        documentId: request.query.document ?? null,
        viewer: parseLinkViewer(request.query.partner, request.query.viewer),
      };
      if (!verifyFileSignature(ctx, link, expires, signature)) {
        return sendError(reply, 'NOT_FOUND', 'This link is invalid or has expired.');
      }
      // Decrypted in core with the company's key; an erased company's files are gone.
      // An audited link is never cached: each preview or download reaches the server and its entry.
      const bytes = await downloadFile({ ctx, link });
      if (!bytes) return sendError(reply, 'NOT_FOUND', 'Not found.');
      const filename = (name ?? `document`).replace(/[^\w.\- ]/g, '_');
      return reply
        .header('content-type', type)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', link.viewer ? 'no-store' : 'private, max-age=300')
        .header('content-disposition', `inline; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(name ?? 'document')}`)
        .send(bytes);
    },
  );
}
