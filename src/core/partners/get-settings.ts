import type { PartnerSettings } from '../../schemas/settings.js';
import type { Db } from '../../db/database.js';
import type { PartnerCtx } from '../context.js';
import { readSettings, type StoredSettings } from './settings.js';

export async function getSettings({ ctx }: { ctx: PartnerCtx }): Promise<PartnerSettings> {
  return presentSettings(ctx.db, await readSettings(ctx.db, ctx.partnerId));
}

export async function presentSettings(db: Db, stored: StoredSettings): Promise<PartnerSettings> {
  const questionnaire = stored.defaultQuestionnaireId
    ? await db.selectFrom('questionnaires').select('key').where('id', '=', stored.defaultQuestionnaireId).executeTakeFirst()
    : undefined;
  return {
    defaultFlow: stored.defaultFlowId,
    defaultTheme: stored.defaultThemeId,
    defaultQuestionnaire: questionnaire?.key ?? null,
    statusOnSubmit: stored.statusOnSubmit,
    submitRedirectUrl: stored.submitRedirectUrl,
  };
}
