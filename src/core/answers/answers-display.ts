import type { KybAnswersDisplay } from '../../schemas/answers.js';
import type { Question } from '../../schemas/questionnaire.js';
import type { Ctx } from '../context.js';
import { signedFileUrl } from '../files/signed-url.js';
import { loadForm, type FormCtx } from '../forms/access.js';
import { evaluateCondition, parseCondition } from '../../shared/condition.js';
import { storedAnswer, type StoredSections } from './check-answers.js';
import { isFileRef } from './file-answers.js';
import { companyQuestionnaire } from './questionnaire-of-company.js';
import { loadStoredAnswers } from './stored-answers.js';

type DisplayValue = KybAnswersDisplay['sections'][number]['questions'][number]['value'];

/** Answers as a reviewer reads them: choice titles, links for files, applicable questions only. */
export async function answersDisplay({ ctx }: { ctx: FormCtx }): Promise<KybAnswersDisplay[]> {
  const company = await loadForm(ctx.db, ctx);
  const questionnaire = await companyQuestionnaire(ctx.db, company);
  if (!questionnaire) return [];
  const answers: StoredSections = (await loadStoredAnswers(ctx.db, ctx, company.id, questionnaire.id)) ?? {};
  const answerOf = (section: string, question: string) => storedAnswer(answers, section, question);
  const applies = (condition: string | null | undefined, section: string) =>
    !condition || evaluateCondition(parseCondition(condition), (ref) => answerOf(ref.section ?? section, ref.question));
  return [
    {
      id: questionnaire.id,
      name: questionnaire.name,
      title: questionnaire.title,
      sections: questionnaire.sections
        .filter((s) => applies(s.condition, s.key))
        .map((section) => ({
          title: section.title,
          questions: section.questions
            .filter((q) => applies(q.condition, section.key))
            .map((question) => ({
              key: question.key,
              title: question.title,
              type: question.type,
              value: displayValue(ctx, question, answerOf(section.key, question.key)),
            })),
        })),
    },
  ];
}

function displayValue(ctx: Ctx, question: Question, value: unknown): DisplayValue {
  if (value === null || value === undefined) return null;
  const title = (key: unknown) => question.choices?.find((c) => c.key === key)?.title ?? String(key);
  const text = (item: unknown) => (isFileRef(item) ? signedFileUrl(ctx, { hash: item.$file, mime: item.mime, filename: null }) : String(item));
  switch (question.type) {
    case 'CHECKBOX':
      return value as boolean;
    case 'PASSWORD':
      return '********';
    case 'RADIO':
    case 'SELECT':
      return title(value);
    case 'SELECT_MULTI':
      return (value as unknown[]).map(title);
    default:
      return Array.isArray(value) ? value.map(text) : text(value);
  }
}
