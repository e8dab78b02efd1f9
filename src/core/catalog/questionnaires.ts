import { Value } from 'typebox/value';
import { QuestionnaireInput, type Questionnaire } from '../../schemas/questionnaire.js';
import { DomainError } from '../errors.js';
import { selectLive } from '../live-rows.js';
import { checkQuestionnaire } from '../../shared/check-questionnaire.js';
import { inUse } from './entries.js';
import { presentEntry, type CatalogKind } from './kind.js';

type Definition = Omit<QuestionnaireInput, 'key' | 'name'>;

export const questionnaires: CatalogKind<QuestionnaireInput, Questionnaire> = {
  table: 'questionnaires',
  label: 'Questionnaire',
  async prepare(db, ctx, input, currentId) {
    const errors = checkQuestionnaire(input);
    const clash = await selectLive(db, 'questionnaires', ctx.partnerId).where('key', '=', input.key).executeTakeFirst();
    if (clash && clash.id !== currentId) (errors.key ??= []).push(`a questionnaire with key "${input.key}" already exists`);
    if (Object.keys(errors).length > 0) throw new DomainError('VALIDATION_ERROR', 'Validation failed.', errors);
    const { key, name, ...rest } = Value.Default(QuestionnaireInput, structuredClone(input)) as QuestionnaireInput;
    const definition: Definition = { ...rest, type: rest.type ?? 'KYB' };
    return { name, definition, columns: { key } };
  },
  async present(_db, rows) {
    return rows.map((row) => presentEntry<Definition, { key: string }>(row, { key: (row as typeof row & { key: string }).key }));
  },
  defaultSetting: 'defaultQuestionnaireId',
  async checkDelete(db, ctx, id) {
    const flow = await db
      .selectFrom('flows')
      .select('id')
      .where('partner_id', '=', ctx.partnerId)
      .where('questionnaire_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (flow) throw inUse(`This questionnaire is used by flow ${flow.id}; change that flow first.`);
  },
};
