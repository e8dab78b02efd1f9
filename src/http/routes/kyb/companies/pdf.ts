import { Type } from 'typebox';
import { KybPdfRequest } from '../../../../schemas/dossier.js';
import { IdParams } from '../../../../schemas/common.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

/** iDenfy answers 200 with the file itself (application/pdf), not a link. */
const PDF_FILE = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The PDF dossier' });

export function pdfRoute(app: App): void {
  app.post(
    '/kyb/companies/:id/pdf/',
    {
      ...PARTNER,
      schema: {
        operationId: 'kybCompaniesPdfCreate',
        summary: 'Generate company PDF',
        tags: ['Companies'],
        params: IdParams,
        body: KybPdfRequest,
        response: { 200: { description: 'The PDF dossier', content: { 'application/pdf': { schema: PDF_FILE } } }, ...errorResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { content, password } = request.body;
      // pdfkit and its fonts (fontkit, a brotli decoder, unicode tables) are tens of MB of heap:
      // loaded at the first dossier, not by every server that never renders one.
      const { buildDossier } = await import('../../../../core/dossier/build-dossier.js');
      const pdf = await buildDossier({
        ctx: partnerCtx(request),
        input: { companyId: request.params.id, ...(content ? { content } : {}), ...(password !== undefined ? { password } : {}) },
      });
      // Personal data: never cached by a proxy or the browser.
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="kyb-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
}
