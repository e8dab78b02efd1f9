import { parseRecordJson } from '../../shared/records.js';
import type { Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { openForCompany, sealForCompany } from '../privacy/seal.js';
import type { StoredSections } from './check-answers.js';

/** The key of one company's answers to one questionnaire, shared by `questionnaire_answers` and `answer_files`. */
export const answersOf = (companyId: string, questionnaireId: string) => ({ company_id: companyId, questionnaire_id: questionnaireId });

/** A questionnaire's saved answers, opened; null when none were saved. */
export async function loadStoredAnswers(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string, questionnaireId: string): Promise<StoredSections | null> {
  const row = await db
    .selectFrom('questionnaire_answers')
    .select('answers')
    .where((eb) => eb.and(answersOf(companyId, questionnaireId)))
    .executeTakeFirst();
  // User-chosen keys: parsed into records without a prototype (see core/records.ts).
  return row ? parseRecordJson<StoredSections>(await openForCompany(db, ctx, companyId, row.answers)) : null;
}

/** Answers are free text about the company and its people: sealed whole. */
export async function sealAnswers(db: Db, ctx: Pick<Ctx, 'keys' | 'clock'>, companyId: string, sections: StoredSections): Promise<string> {
  return sealForCompany(db, ctx, companyId, JSON.stringify(sections));
}
