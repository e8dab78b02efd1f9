import type { KybFormAnswers, KybFormAnswersRequest } from '../../schemas/answers.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertValid } from '../errors.js';
import { releaseFiles, storeFile } from '../files/stored-files.js';
import { editForm, type FormCtx } from '../forms/access.js';
import { checkAnswers } from './check-answers.js';
import { answersOf, loadStoredAnswers, sealAnswers } from './stored-answers.js';
import { emptyRecord } from '../../shared/records.js';
import { assertItemsOpen, changedQuestionItems, openInfoRequest } from '../review/open-items.js';
import type { StoredSections } from './check-answers.js';
import { answerFileHashes, fileHashes, fileInputs, presentAnswerSections } from './file-answers.js';
import { getQuestionnaire } from './questionnaire-of-company.js';

/** The saved answers, or null (the route answers 204) when there are none. */
export async function getAnswers({ ctx, questionnaireId }: { ctx: FormCtx; questionnaireId: string }): Promise<KybFormAnswers | null> {
  await getQuestionnaire({ ctx, id: questionnaireId });
  const sections = await loadStoredAnswers(ctx.db, ctx, ctx.access.companyId, questionnaireId);
  return sections ? { sections: presentAnswerSections(ctx, sections) } : null;
}

/**
 * Replaces the answers of one questionnaire. Every value is checked against its question;
 * `draft` (OpenKYB extension) skips the required check so the hosted form can save as the
 * user goes. Submit checks completeness again either way.
 */
export async function putAnswers(args: { ctx: FormCtx; questionnaireId: string; input: KybFormAnswersRequest; draft: boolean }): Promise<KybFormAnswers> {
  const { ctx, questionnaireId, input, draft } = args;
  return editForm(ctx, async (trx, company) => {
    const questionnaire = await getQuestionnaire({ ctx: { ...ctx, db: trx }, id: questionnaireId });
    const files = await fileInputs(trx, ctx, company.id, questionnaireId);
    const checked = checkAnswers(questionnaire, input.sections, files.inputs, !draft);
    assertValid(checked.errors);
    if (openInfoRequest(company)) {
      const current: StoredSections = (await loadStoredAnswers(trx, ctx, company.id, questionnaireId)) ?? emptyRecord();
      assertItemsOpen(company, ctx.access, changedQuestionItems(questionnaire.key, current, checked.sections));
    }

    const hashes = fileHashes(checked.sections);
    for (const upload of files.uploads) await storeFile(trx, ctx, company.id, upload);
    const now = ctx.clock.now();
    const row = {
      company_id: company.id,
      questionnaire_id: questionnaireId,
      answers: await sealAnswers(trx, ctx, company.id, checked.sections),
      is_complete: checked.missing.length === 0 ? 1 : 0,
      updated_at: now,
    };
    await trx
      .insertInto('questionnaire_answers')
      .values(row)
      .onConflict((oc) => oc.columns(['company_id', 'questionnaire_id']).doUpdateSet({ answers: row.answers, is_complete: row.is_complete, updated_at: now }))
      .execute();
    await trx
      .deleteFrom('answer_files')
      .where((eb) => eb.and(answersOf(company.id, questionnaireId)))
      .execute();
    for (const hash of hashes)
      await trx.insertInto('answer_files').values({ company_id: company.id, questionnaire_id: questionnaireId, file_hash: hash }).execute();
    await releaseFiles(
      trx,
      ctx,
      [...files.previous].filter((h) => !hashes.has(h)),
    );
    await recordAudit(trx, { ...ctx.access, action: 'ANSWERS_SAVED', details: { questionnaireId, isComplete: row.is_complete === 1 }, now });
    return { sections: presentAnswerSections(ctx, checked.sections) };
  });
}

export async function deleteAnswers({ ctx, questionnaireId }: { ctx: FormCtx; questionnaireId: string }): Promise<void> {
  await editForm(ctx, async (trx, company) => {
    const questionnaire = await getQuestionnaire({ ctx: { ...ctx, db: trx }, id: questionnaireId });
    assertItemsOpen(company, ctx.access, [[`questionnaires.${questionnaire.key}`]]);
    const files = await answerFileHashes(trx, company.id, questionnaireId);
    await trx
      .deleteFrom('answer_files')
      .where((eb) => eb.and(answersOf(company.id, questionnaireId)))
      .execute();
    await trx
      .deleteFrom('questionnaire_answers')
      .where((eb) => eb.and(answersOf(company.id, questionnaireId)))
      .execute();
    await releaseFiles(trx, ctx, files);
    await recordAudit(trx, { ...ctx.access, action: 'ANSWERS_DELETED', details: { questionnaireId }, now: ctx.clock.now() });
  });
}
