import { randomUUID } from 'node:crypto';
import { Value } from 'typebox/value';
import { CompanyFlow, IndividualFlow, KybFormUnifiedFlow, type Flow, type FlowInput } from '../../schemas/flow.js';
import { COMPANY_DOCUMENT_TYPES, INDIVIDUAL_DOCUMENT_TYPES } from '../../shared/enums.js';
import { DomainError, fieldErrors, type FieldErrors } from '../errors.js';
import { isReservedKey, RESERVED_KEY_MESSAGE } from '../../shared/records.js';
import { findQuestionnaireByKey } from './find-entry.js';
import { presentEntry, type CatalogKind } from './kind.js';

const COMPANY_DOCS = new Set<string>(COMPANY_DOCUMENT_TYPES);
const INDIVIDUAL_DOCS = new Set<string>(INDIVIDUAL_DOCUMENT_TYPES);
const CHOICE_FIELD_TYPES = new Set(['SELECT', 'SELECT_MULTI']);

type CustomFieldAssignment = NonNullable<KybFormUnifiedFlow['fieldsCustom']>[number];

export const flows: CatalogKind<FlowInput, Flow> = {
  table: 'flows',
  label: 'Flow',
  async prepare(db, ctx, input) {
    const { name, questionnaire, ...settings } = input;
    const errors = checkFlow(settings);
    if (Object.keys(errors).length > 0) throw new DomainError('VALIDATION_ERROR', 'Validation failed.', errors);
    const questionnaireId = questionnaire ? (await findQuestionnaireByKey(db, ctx.partnerId, questionnaire, 'questionnaire')).id : null;
    return { name, definition: normalizeFlow(settings), columns: { questionnaire_id: questionnaireId } };
  },
  async present(db, rows) {
    const ids = [...new Set(rows.map((r) => (r as typeof r & { questionnaire_id: string | null }).questionnaire_id).filter((id) => id !== null))];
    const keys = new Map<string, string>();
    if (ids.length > 0) {
      for (const q of await db.selectFrom('questionnaires').select(['id', 'key']).where('id', 'in', ids).execute()) keys.set(q.id, q.key);
    }
    return rows.map((row) => {
      const questionnaireId = (row as typeof row & { questionnaire_id: string | null }).questionnaire_id;
      return presentEntry<KybFormUnifiedFlow, { questionnaire: string | null }>(row, {
        questionnaire: questionnaireId ? (keys.get(questionnaireId) ?? null) : null,
      });
    });
  },
  defaultSetting: 'defaultFlowId',
};

/** Rules the schema cannot express: no duplicates, and documents that can actually be uploaded. */
export function checkFlow(flow: KybFormUnifiedFlow): FieldErrors {
  const errors = fieldErrors();
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  unique(flow.fields ?? [], (f) => f.field, 'fields', add);
  checkCustomFields(flow.fieldsCustom ?? [], 'fieldsCustom', add);
  checkDocuments(flow.documents ?? [], COMPANY_DOCS, 'documents', add);
  unique(flow.beneficiaries ?? [], (b) => b.beneficiaryType, 'beneficiaries', add);
  (flow.beneficiaries ?? []).forEach((beneficiary, b) => {
    const at = `beneficiaries.${b}`;
    unique(beneficiary.applicants, (a) => a.applicantType, `${at}.applicants`, add);
    beneficiary.applicants.forEach((applicant, a) => {
      const docTypes = applicant.applicantType === 'INDIVIDUAL' ? INDIVIDUAL_DOCS : COMPANY_DOCS;
      unique(applicant.fields as { field: string }[], (f) => f.field, `${at}.applicants.${a}.fields`, add);
      checkCustomFields(applicant.fieldsCustom ?? [], `${at}.applicants.${a}.fieldsCustom`, add);
      checkDocuments(applicant.documents ?? [], docTypes, `${at}.applicants.${a}.documents`, add);
    });
  });
  return errors;
}

function unique<T>(items: T[], keyOf: (item: T) => string, path: string, add: (p: string, m: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) add(`${path}.${i}`, `"${key}" is listed twice`);
    seen.add(key);
  });
}

function checkCustomFields(fields: Pick<CustomFieldAssignment, 'field'>[], path: string, add: (p: string, m: string) => void): void {
  unique(fields, (f) => f.field.key, path, add);
  fields.forEach(({ field }, i) => {
    // Custom field keys key the stored `additionalInfo` of every form using this flow.
    if (isReservedKey(field.key)) add(`${path}.${i}.field.key`, RESERVED_KEY_MESSAGE);
    if (CHOICE_FIELD_TYPES.has(field.type) && !field.choices?.length) add(`${path}.${i}.field.choices`, `a ${field.type} field needs at least one choice`);
  });
}

function checkDocuments(docs: { docType: string }[], allowed: Set<string>, path: string, add: (p: string, m: string) => void): void {
  unique(docs, (d) => d.docType, path, add);
  docs.forEach((doc, i) => {
    if (!allowed.has(doc.docType)) add(`${path}.${i}.docType`, `"${doc.docType}" is not a document type that can be uploaded here`);
  });
}

/**
 * The flow as stored and served: every default written out (`required: false`, ...), as
 * iDenfy's responses have them, and custom fields with a stable id (a round-tripped id is kept).
 */
function normalizeFlow(input: KybFormUnifiedFlow): KybFormUnifiedFlow {
  const flow = Value.Default(KybFormUnifiedFlow, structuredClone(input)) as KybFormUnifiedFlow;
  const assign = <T extends { field: { id?: string } }>(list: T[] | null | undefined) =>
    list?.map((a) => ({ ...a, field: { ...a.field, id: a.field.id ?? randomUUID() } })) ?? list;
  return {
    ...flow,
    fieldsCustom: assign(flow.fieldsCustom),
    beneficiaries:
      flow.beneficiaries?.map((b) => ({
        ...b,
        // Applicants are a discriminated union, which Value.Default does not descend into.
        applicants: b.applicants.map((a) => {
          const withDefaults = Value.Default(a.applicantType === 'INDIVIDUAL' ? IndividualFlow : CompanyFlow, a) as typeof a;
          return { ...withDefaults, fieldsCustom: assign(withDefaults.fieldsCustom) };
        }),
      })) ?? flow.beneficiaries,
  };
}
