import { getSettings } from '../../../core/partners/get-settings.js';
import { updateSettings } from '../../../core/partners/update-settings.js';
import { PartnerSettings, PartnerSettingsPatch } from '../../../schemas/settings.js';
import { partnerCtx, type App } from '../../context.js';
import { ADMIN, errorResponses, PARTNER } from '../../route-schemas.js';

/** Per-partner defaults: which flow, theme and questionnaire a token gets when it names none. */
export function settingsRoutes(app: App): void {
  const common = { tags: ['Settings'] };
  app.get(
    '/v1/settings/',
    {
      ...PARTNER,
      schema: { ...common, summary: 'Retrieve partner settings', response: { 200: PartnerSettings, ...errorResponses(401, 429) } },
    },
    async (request) => getSettings({ ctx: partnerCtx(request) }),
  );
  app.patch(
    '/v1/settings/',
    {
      ...ADMIN,
      schema: {
        ...common,
        summary: 'Change partner settings',
        body: PartnerSettingsPatch,
        response: { 200: PartnerSettings, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => updateSettings({ ctx: partnerCtx(request), input: request.body }),
  );
}
