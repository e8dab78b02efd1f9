import { ownValue } from '../../../../src/shared/records.js';
import type { KybFormUnifiedFlow } from '../api/types.js';
import { companyFieldRules, propOf } from '../steps/field-specs.js';
import { isPresent, unanswered } from '../steps/questionnaire-logic.js';
import { applicantRules, companyDocRules, hasDocumentsStep, hasOwnershipStep } from './flow-rules.js';
import { ownershipGaps } from './ownership-gaps.js';
import { COMPANY_OWNER, type KybData, type StepId } from './data.js';

/**
 * The steps this flow has, in order, known from the start: the session says whether a
 * questionnaire comes (`hasQuestionnaire`), so "Step 1 of 5" never becomes "Step 2 of 5" once
 * the form exists. Without that answer (a server without the session endpoint), the API's list.
 */
export function stepsFor(flow: KybFormUnifiedFlow | null, data: KybData, hasQuestionnaire?: boolean, hasRegister = false): StepId[] {
  return [
    // GOV1/GOV2 sessions start with the company register search.
    ...(hasRegister ? ['register' as const] : []),
    'company',
    ...(hasOwnershipStep(flow) ? ['ownership' as const] : []),
    ...(hasDocumentsStep(flow) ? ['documents' as const] : []),
    ...((hasQuestionnaire ?? false) || data.questionnaires.length > 0 ? ['questionnaire' as const] : []),
    'review',
  ];
}

/** Per step, whether something it requires is still missing (to resume where work stopped). */
export function incompleteSteps(flow: KybFormUnifiedFlow | null, data: KybData): Set<StepId> {
  const out = new Set<StepId>();
  const company = data.form?.company;
  if (!company) return new Set(['company']);
  const custom = company.additionalInfo ?? {};
  const isCompanyMissing =
    companyFieldRules(flow).some((r) => r.required && !isPresent(ownValue(company as Readonly<Record<string, unknown>>, propOf(r.field)))) ||
    (flow?.fieldsCustom ?? []).some((c) => c.required && !isPresent(ownValue(custom, c.field.key)?.value));
  if (isCompanyMissing) out.add('company');
  // Roles, and the structure itself: a company owner with nobody under it is unfinished work.
  if (ownershipGaps(flow, data.beneficiaries).length > 0) out.add('ownership');
  const hasDoc = (owner: string, type: string) => (data.documents[owner] ?? []).some((d) => d.type === type);
  const isDocMissing =
    companyDocRules(flow).documents.some((d) => d.required && !hasDoc(COMPANY_OWNER, d.docType)) ||
    data.beneficiaries.some((b) => applicantRules(flow, b.beneficiaryTypes, b.info.infoType).documents.some((d) => d.required && !hasDoc(b.id, d.docType)));
  if (isDocMissing) out.add('documents');
  if (data.questionnaires.some((q) => unanswered(q, data.answers[q.id] ?? {}).length > 0)) out.add('questionnaire');
  return out;
}

/** Where to resume: the first step with something missing, else the review. */
export function resumeStep(steps: StepId[], flow: KybFormUnifiedFlow | null, data: KybData): StepId {
  const incomplete = incompleteSteps(flow, data);
  return steps.find((s) => incomplete.has(s)) ?? 'review';
}
