import type { PartnerSettings, PartnerSettingsPatch } from '../../schemas/settings.js';
import type { PartnerCtx } from '../context.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import { findLiveEntry, findQuestionnaireByKey } from '../catalog/find-entry.js';
import { presentSettings } from './get-settings.js';
import { readSettings, writeSettings } from './settings.js';

/** Changes the partner's defaults; every reference must name a live object of this partner. */
export async function updateSettings({ ctx, input }: { ctx: PartnerCtx; input: PartnerSettingsPatch }): Promise<PartnerSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const settings = await readSettings(trx, ctx.partnerId);
    if (input.defaultFlow !== undefined) {
      settings.defaultFlowId = input.defaultFlow && (await findLiveEntry(trx, ctx.partnerId, 'flows', input.defaultFlow, 'defaultFlow')).id;
    }
    if (input.defaultTheme !== undefined) {
      settings.defaultThemeId = input.defaultTheme && (await findLiveEntry(trx, ctx.partnerId, 'themes', input.defaultTheme, 'defaultTheme')).id;
    }
    if (input.defaultQuestionnaire !== undefined) {
      settings.defaultQuestionnaireId =
        input.defaultQuestionnaire && (await findQuestionnaireByKey(trx, ctx.partnerId, input.defaultQuestionnaire, 'defaultQuestionnaire')).id;
    }
    if (input.statusOnSubmit !== undefined) settings.statusOnSubmit = input.statusOnSubmit;
    if (input.submitRedirectUrl !== undefined) settings.submitRedirectUrl = input.submitRedirectUrl;
    await writeSettings(trx, ctx.partnerId, settings);
    await recordPartnerAudit(trx, ctx, {
      action: 'SETTINGS_UPDATED',
      now: ctx.clock.now(),
      details: {
        fields: Object.keys(input).sort(),
        defaultFlowId: settings.defaultFlowId,
        defaultThemeId: settings.defaultThemeId,
        defaultQuestionnaireId: settings.defaultQuestionnaireId,
        statusOnSubmit: settings.statusOnSubmit,
      },
    });
    return presentSettings(trx, settings);
  });
}
