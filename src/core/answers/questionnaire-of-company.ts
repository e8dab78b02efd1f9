import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { Questionnaire } from '../../schemas/questionnaire.js';
import { questionnaires } from '../catalog/questionnaires.js';
import { notFound } from '../errors.js';
import { loadForm, type FormCtx } from '../forms/access.js';

/** The questionnaire the session was issued with (the flow's, the named one or the default). */
export async function companyQuestionnaire(db: Db, company: CompanyRow): Promise<Questionnaire | null> {
  if (!company.questionnaire_id) return null;
  const row = await db.selectFrom('questionnaires').selectAll().where('id', '=', company.questionnaire_id).executeTakeFirst();
  return row ? (await questionnaires.present(db, [row]))[0]! : null;
}

export async function listQuestionnaires({ ctx }: { ctx: FormCtx }): Promise<Questionnaire[]> {
  const company = await loadForm(ctx.db, ctx);
  const questionnaire = await companyQuestionnaire(ctx.db, company);
  return questionnaire ? [questionnaire] : [];
}

/** Only the form's own questionnaire is reachable through it. */
export async function getQuestionnaire({ ctx, id }: { ctx: FormCtx; id: string }): Promise<Questionnaire> {
  const company = await loadForm(ctx.db, ctx);
  const questionnaire = await companyQuestionnaire(ctx.db, company);
  if (!questionnaire || questionnaire.id !== id) throw notFound('Questionnaire');
  return questionnaire;
}
