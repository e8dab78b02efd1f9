import { Type } from 'typebox';
import { readThemeLogo } from '../../../core/theme-logos/read-theme-logo.js';
import { MAX_LOGO_BYTES } from '../../../core/theme-logos/logo-types.js';
import { uploadThemeLogo } from '../../../core/theme-logos/upload-theme-logo.js';
import { ThemeLogo, ThemeLogoUpload } from '../../../schemas/theme.js';
import { partnerCtx, requestCtx, type App } from '../../context.js';
import { sendError } from '../../errors.js';
import { ADMIN, errorResponses, uploadBodyLimit } from '../../route-schemas.js';

const LogoParams = Type.Object({ file: Type.String({ maxLength: 70, pattern: '^[0-9a-f]{64}\\.(png|jpg|webp)$' }) });

/**
 * Theme logos: an admin uploads one (the back office's theme settings), and anyone fetches it
 * (the hosted form shows it before any sign-in). Served from this origin, so the form's and the
 * back office's `img-src 'self'` allow it; the id is the content's hash, so it is cached for good.
 */
export function themeLogoRoutes(app: App): void {
  app.post(
    '/v1/theme-logos/',
    {
      ...ADMIN,
      bodyLimit: uploadBodyLimit(MAX_LOGO_BYTES),
      schema: {
        tags: ['Themes'],
        summary: "Upload a theme logo (PNG, JPEG or WebP up to 512 KB); set the answer's url as a theme's logo",
        body: ThemeLogoUpload,
        response: { 201: ThemeLogo, ...errorResponses(400, 401, 413, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await uploadThemeLogo({ ctx: partnerCtx(request), input: request.body })),
  );
  app.get(
    '/v1/theme-logos/:file',
    { schema: { tags: ['Themes'], summary: 'A theme logo (public: the hosted form shows it)', params: LogoParams } },
    async (request, reply) => {
      const logo = await readThemeLogo({ ctx: requestCtx(request), hash: request.params.file.slice(0, 64) });
      if (!logo) return sendError(reply, 'NOT_FOUND', 'Not found.');
      return reply
        .header('content-type', logo.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(logo.bytes);
    },
  );
}
