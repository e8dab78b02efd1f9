import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import { companyFields } from '../../schemas/company.js';
import { BENEFICIARY_TYPES, COMPANY_DOCUMENT_TYPES } from '../../shared/enums.js';
import { companyQuestionnaire } from '../answers/questionnaire-of-company.js';
import { assertValid, fieldErrors } from '../errors.js';
import { loadFlow } from '../forms/access.js';

const COMPANY_FIELDS = new Set(Object.keys(companyFields).filter((key) => key !== 'additionalInfo'));
const DOCUMENT_TYPES = new Set<string>(COMPANY_DOCUMENT_TYPES);
const BENEFICIARY_KINDS = new Set<string>(BENEFICIARY_TYPES);

/**
 * Checks that every item names something of this form (see OpenInfoRequest for the grammar):
 * a company field of the schema, a custom field of the flow (or one the company holds), a company
 * document type, a beneficiary of this company or a beneficiary type, the form's questionnaire or
 * one of its questions. Unknown items are one 400 naming each (`items.<i>`).
 */
export async function checkItems(db: Db, company: CompanyRow & { info: string }, items: readonly string[]): Promise<void> {
  const flow = await loadFlow(db, company);
  const stored = JSON.parse(company.info) as { additionalInfo?: object };
  const customKeys = new Set([
    ...(flow?.fieldsCustom ?? []).map((rule) => (rule as { field: { key: string } }).field.key),
    ...Object.keys(stored.additionalInfo ?? {}),
  ]);
  const beneficiaryIds = new Set((await db.selectFrom('beneficiaries').select('id').where('company_id', '=', company.id).execute()).map((b) => b.id));
  const questionnaire = await companyQuestionnaire(db, company);
  const questions = new Set<string>();
  for (const section of questionnaire?.sections ?? []) {
    for (const question of section.questions) questions.add(`${section.key}.${question.key}`);
  }

  const isKnown = (item: string): boolean => {
    const [kind, ...rest] = item.split('.');
    const name = rest.join('.');
    switch (kind) {
      case 'company':
        return name.startsWith('additionalInfo.') ? customKeys.has(name.slice('additionalInfo.'.length)) : COMPANY_FIELDS.has(name);
      case 'documents':
        return DOCUMENT_TYPES.has(name);
      case 'beneficiaries':
        return BENEFICIARY_KINDS.has(name) || beneficiaryIds.has(name);
      case 'questionnaires': {
        if (!questionnaire || rest[0] !== questionnaire.key) return false;
        return rest.length === 1 || (rest.length === 3 && questions.has(`${rest[1]}.${rest[2]}`));
      }
      default:
        return false;
    }
  };

  const errors = fieldErrors();
  items.forEach((item, i) => {
    if (!isKnown(item)) errors[`items.${i}`] = [`"${item}" is not an item of this form`];
  });
  assertValid(errors);
}
