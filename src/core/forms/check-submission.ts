import type { Db } from '../../db/database.js';
import type { BeneficiaryRow, CompanyRow } from '../../db/tables.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import { checkAnswers } from '../answers/check-answers.js';
import { loadStoredAnswers } from '../answers/stored-answers.js';
import type { Ctx } from '../context.js';
import { isUnanswered } from '../answers/answer-values.js';
import { companyQuestionnaire } from '../answers/questionnaire-of-company.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import { applicantRules } from '../beneficiaries/rules.js';
import { fieldErrors, type FieldErrors } from '../errors.js';
import { ownValue } from '../../shared/records.js';
import { structureGaps, type StructureGap } from '../../shared/ownership-gaps.js';
import { fieldProperty } from './custom-fields.js';
import type { StoredCompanyInfo } from './company-info.js';
import { isPickMissing } from '../gov-sessions/gov-session.js';

type Add = (path: string, message: string) => void;

/**
 * Everything submit checks against the flow, as one map of path -> messages (paths listed in
 * docs/decisions.md), so the client can show every missing item at once.
 */
export async function checkSubmission(
  db: Db,
  ctx: Pick<Ctx, 'keys'>,
  company: CompanyRow & { info: string },
  flow: KybFormUnifiedFlow | null,
): Promise<FieldErrors> {
  const errors = fieldErrors();
  const add: Add = (path, message) => (errors[path] ??= []).push(message);
  if (await isPickMissing(db, company.id)) add('registry', 'pick the company from the register first (a GOV1/GOV2 session)');
  const info = JSON.parse(company.info) as StoredCompanyInfo;
  const [documents, beneficiaries] = await Promise.all([
    db.selectFrom('documents').select(['type', 'beneficiary_id']).where('company_id', '=', company.id).execute(),
    beneficiaryRows(db, ctx, company.id),
  ]);

  checkFields(info as unknown as Record<string, unknown>, info.additionalInfo, flow?.fields ?? [], flow?.fieldsCustom ?? [], 'company', add);
  checkDocuments(new Set(documents.filter((d) => !d.beneficiary_id).map((d) => d.type)), flow?.documents ?? [], 'documents', add);
  const gaps = structureGaps(
    beneficiaries.map((b) => ({ id: b.id, parent: b.parent_id, isCompany: b.info_type === 'COMPANY', roles: typesOf(b), percentage: b.ownership_percentage })),
    {
      requiredRoles: (flow?.beneficiaries ?? []).filter((r) => r.required).map((r) => r.beneficiaryType),
      isFullStructure: flow?.ownershipFullStructure === true,
      threshold: flow?.ownershipPercentageThreshold ?? null,
    },
  );
  for (const gap of gaps) if (gap.kind === 'role') add(`beneficiaries.${gap.role}`, `at least one ${gap.role} is required`);
  for (const beneficiary of beneficiaries) checkBeneficiary(beneficiary, flow, documents, add);
  for (const gap of gaps) addStructureGap(gap, add);
  await checkQuestionnaire(db, ctx, company, add);
  return errors;
}

const typesOf = (b: BeneficiaryRow) => JSON.parse(b.beneficiary_types) as string[];

function checkFields(
  values: Record<string, unknown>,
  custom: Record<string, unknown>,
  rules: { field: string; required?: boolean; changeRequired?: boolean; changeFrom?: unknown }[],
  customRules: { field: { key: string }; required?: boolean }[],
  path: string,
  add: Add,
): void {
  for (const rule of rules) {
    const property = rule.field === 'POSITIONS' ? 'positions' : fieldProperty(rule.field);
    if (rule.required && isUnanswered(values[property])) add(`${path}.${property}`, 'this field is required');
    if (rule.changeRequired && JSON.stringify(values[property] ?? null) === JSON.stringify(rule.changeFrom ?? null))
      add(`${path}.${property}`, 'must be changed');
  }
  for (const rule of customRules) {
    if (rule.required && isUnanswered(ownValue(custom, rule.field.key))) add(`${path}.additionalInfo.${rule.field.key}`, 'this field is required');
  }
}

function checkDocuments(present: Set<string>, rules: { docType: string; required?: boolean }[], path: string, add: Add): void {
  for (const rule of rules) if (rule.required && !present.has(rule.docType)) add(`${path}.${rule.docType}`, 'this document is required');
}

function checkBeneficiary(b: BeneficiaryRow, flow: KybFormUnifiedFlow | null, documents: { type: string; beneficiary_id: string | null }[], add: Add): void {
  const path = `beneficiaries.${b.id}`;
  const info = JSON.parse(b.info) as Record<string, unknown> & { additionalInfo?: Record<string, unknown> };
  const values = { ...info, positions: JSON.parse(b.positions) as string[] };
  const present = new Set(documents.filter((d) => d.beneficiary_id === b.id).map((d) => d.type));
  for (const rule of applicantRules(flow, typesOf(b), b.info_type)) {
    checkFields(values, info.additionalInfo ?? {}, rule.fields, rule.fieldsCustom ?? [], path, add);
    checkDocuments(present, rule.documents ?? [], `${path}.documents`, add);
  }
  for (const rule of (flow?.beneficiaries ?? []).filter((r) => typesOf(b).includes(r.beneficiaryType))) {
    if (rule.fields?.some((f) => f.field === 'OWNERSHIP_PERCENTAGE' && f.required) && b.ownership_percentage === null) {
      add(`${path}.ownershipPercentage`, 'this field is required');
    }
  }
}

/**
 * ownershipFullStructure: at least one beneficiary, and every company owner has an individual
 * somewhere under it, unless it holds less than ownershipPercentageThreshold (small owners
 * need not be traced). Shares listed under one owner may not add up to more than 100 %.
 */
function addStructureGap(gap: StructureGap, add: Add): void {
  if (gap.kind === 'overHundred') add(gap.parent ? `ownership.${gap.parent}` : 'ownership', `shareholders add up to ${gap.total} %, more than 100 %`);
  if (gap.kind === 'empty') add('ownership', 'at least one beneficiary is required');
  if (gap.kind === 'ownersOf') add(`ownership.${gap.id}`, 'a company owner needs at least one individual beneficiary under it');
}

async function checkQuestionnaire(db: Db, ctx: Pick<Ctx, 'keys'>, company: CompanyRow, add: Add): Promise<void> {
  const questionnaire = await companyQuestionnaire(db, company);
  if (!questionnaire || company.questionnaire_required !== 1) return;
  const path = `questionnaires.${questionnaire.key}`;
  const stored = await loadStoredAnswers(db, ctx, company.id, questionnaire.id);
  if (!stored) return add(path, 'the questionnaire is not answered');
  // Stored answers passed their checks when saved; what may remain is completeness, and the
  // questionnaire may have changed since.
  const keep = { resolve: (value: unknown) => value as never };
  const checked = checkAnswers(questionnaire, stored, keep, true);
  for (const [question, messages] of Object.entries(checked.errors)) for (const m of messages) add(`${path}.${question}`, m);
}
