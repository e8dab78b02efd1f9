import { BENEFICIARY_TYPES } from '../../../../src/shared/enums.js';
import type { FieldErrors } from '../../../shared/api/errors.js';
import type { Translate } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/messages.js';
import { COMPANY_OWNER, type KybData, type StepId } from '../wizard/data.js';
import type { KybFormUnifiedFlow } from '../api/types.js';
import { problemText } from '../wizard/problem-text.js';
import { say, text } from '../i18n/text.js';
import { ALL_COMPANY_FIELDS, ALL_PERSON_FIELDS, propOf } from './field-specs.js';
import { beneficiaryName, docLabel, questionId, slotId } from './names.js';

/** One thing the submit refused, with where it is fixed. */
export interface Problem {
  path: string;
  label: string;
  problem: string;
  step: StepId;
  focusId: string;
}

const fieldLabel = (t: Translate, group: 'company' | 'person', prop: string) => {
  const field = (group === 'company' ? ALL_COMPANY_FIELDS : ALL_PERSON_FIELDS).find((f) => propOf(f) === prop);
  return field ? t(`field.${group}.${field}` as MessageKey) : prop;
};

/**
 * Turns the paths of a refused submit (`company.tin`, `documents.INCORPORATION_CERT`,
 * `beneficiaries.<id>.documents.IDENTITY_DOCUMENT`, `questionnaires.aml.activity.handlesCash`,
 * ...) into labelled links to the step and control that fix them.
 */
export function submitProblems(fields: FieldErrors, data: KybData, flow: KybFormUnifiedFlow | null, t: Translate): Problem[] {
  return Object.entries(fields).map(([path, messages]) => {
    const problem = say(t, problemText(messages) ?? text('error.invalid'));
    const parts = path.split('.');
    const [head, second, third, ...rest] = parts;
    const beneficiary = data.beneficiaries.find((b) => b.id === second);
    if (head === 'registry') return { path, label: t('step.register'), problem: t('register.required'), step: 'register', focusId: 'register-q' };
    if (head === 'company' && second === 'additionalInfo' && third) {
      const custom = flow?.fieldsCustom?.find((c) => c.field.key === third);
      return { path, label: custom?.field.title ?? third, problem, step: 'company', focusId: `company-custom-${third}` };
    }
    if (head === 'company' && second) return { path, label: fieldLabel(t, 'company', second), problem, step: 'company', focusId: `company-${second}` };
    if (head === 'documents' && second) {
      return { path, label: docLabel(t, second), problem: t('review.documentMissing'), step: 'documents', focusId: docFocus(data, COMPANY_OWNER, second) };
    }
    if (head === 'beneficiaries' && second && (BENEFICIARY_TYPES as readonly string[]).includes(second)) {
      return {
        path,
        label: t('step.ownership'),
        problem: t('review.roleMissing', { role: t(`role.${second}` as MessageKey) }),
        step: 'ownership',
        focusId: 'ownership-add-person',
      };
    }
    if (head === 'beneficiaries' && beneficiary && third === 'documents' && rest[0]) {
      return {
        path,
        label: `${docLabel(t, rest[0])} (${beneficiaryName(beneficiary)})`,
        problem: t('review.documentMissing'),
        step: 'documents',
        focusId: docFocus(data, beneficiary.id, rest[0]),
      };
    }
    if (head === 'beneficiaries' && beneficiary) {
      const prop = third === 'info' ? (rest[0] ?? '') : (third ?? '');
      const label = `${beneficiaryName(beneficiary)}: ${fieldLabel(t, beneficiary.info.infoType === 'INDIVIDUAL' ? 'person' : 'company', prop)}`;
      return { path, label, problem, step: 'ownership', focusId: `ben-${beneficiary.id}-edit` };
    }
    if (head === 'ownership') {
      const owner = data.beneficiaries.find((b) => b.id === second);
      return owner
        ? {
            path,
            label: beneficiaryName(owner),
            problem: t('review.ownershipOf', { name: beneficiaryName(owner) }),
            step: 'ownership',
            focusId: `ben-${owner.id}-add`,
          }
        : { path, label: t('step.ownership'), problem: t('review.ownershipIncomplete'), step: 'ownership', focusId: 'ownership-add-person' };
    }
    if (head === 'questionnaires' && second && third && rest[0]) {
      const q = data.questionnaires.find((x) => x.key === second);
      const question = q?.sections.find((s) => s.key === third)?.questions.find((x) => x.key === rest[0]);
      if (q && question) return { path, label: question.title, problem, step: 'questionnaire', focusId: questionId(q, third, rest[0]) };
    }
    if (head === 'questionnaires') {
      const q = data.questionnaires.find((x) => x.key === second);
      return { path, label: q?.title ?? t('step.questionnaire'), problem: t('review.answer'), step: 'questionnaire', focusId: 'step-title' };
    }
    return { path, label: path, problem, step: 'review', focusId: 'step-title' };
  });
}

/** The upload control of a slot, or the Replace control when a file is already there. */
function docFocus(data: KybData, owner: string, type: string): string {
  const has = (data.documents[owner] ?? []).some((d) => d.type === type);
  return has ? `${slotId(owner, type)}-replace` : slotId(owner, type);
}
