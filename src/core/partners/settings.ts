import type { Db } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';

/** What partners.settings holds: references by id, so renaming a questionnaire key is safe. */
export interface StoredSettings {
  defaultFlowId: string | null;
  defaultThemeId: string | null;
  defaultQuestionnaireId: string | null;
  statusOnSubmit: 'NEED_TO_REVIEW' | 'NEED_TO_PROCESS';
  submitRedirectUrl: string | null;
  /**
   * How many automation runs (POST /kyb/companies/{id}/automation/) the partner may make in
   * total; null is unlimited. An operator's limit: not in the partner's settings API.
   */
  automationRunLimit: number | null;
}

export const DEFAULT_SETTINGS: StoredSettings = Object.freeze({
  defaultFlowId: null,
  defaultThemeId: null,
  defaultQuestionnaireId: null,
  statusOnSubmit: 'NEED_TO_REVIEW',
  submitRedirectUrl: null,
  automationRunLimit: null,
});

const selectSettings = prepared((db, p: { partnerId: string }) => db.selectFrom('partners').select('settings').where('id', '=', p.partnerId));

export async function readSettings(db: Db, partnerId: string): Promise<StoredSettings> {
  const [row] = await selectSettings(db, { partnerId });
  if (!row) throw notFound('Partner');
  return parseSettings(row.settings);
}

/** The settings of the acting partner: those authentication read with the key pair, else a read. */
export async function settingsOf(db: Db, ctx: Pick<PartnerCtx, 'partnerId' | 'settingsJson'>): Promise<StoredSettings> {
  return ctx.settingsJson !== undefined ? parseSettings(ctx.settingsJson) : readSettings(db, ctx.partnerId);
}

function parseSettings(json: string): StoredSettings {
  return { ...DEFAULT_SETTINGS, ...(JSON.parse(json) as Partial<StoredSettings>) };
}

export async function writeSettings(db: Db, partnerId: string, settings: StoredSettings): Promise<void> {
  await db
    .updateTable('partners')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', partnerId)
    .execute();
}
