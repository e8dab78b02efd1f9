import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../api/types.js';
import en from '../i18n/locales/en.js';
import { translator } from '../i18n/locale.js';
import { beneficiary } from '../testing/beneficiaries.js';
import type { KybData } from '../wizard/data.js';
import { submitProblems } from './submit-problems.js';

const t = translator(en);
const holding = beneficiary('b1', ['SHAREHOLDER'], { infoType: 'COMPANY', companyName: 'Holding SIA', country: 'LV' }, 60);
const jane = beneficiary('b2', ['UBO'], { infoType: 'INDIVIDUAL', name: 'Jane', surname: 'Doe' });
const questionnaire = {
  id: 'q1',
  key: 'aml',
  sections: [{ key: 'activity', title: 'Activity', questions: [{ key: 'handlesCash', title: 'Cash?', type: 'CHECKBOX' }] }],
} as unknown as Questionnaire;
const data: KybData = {
  form: null,
  beneficiaries: [holding, jane],
  questionnaires: [questionnaire],
  answers: {},
  documents: { company: [{ id: 'd1', type: 'OTHER', filename: 'x.pdf', file: 'https://f' }] },
};
const flow = { fieldsCustom: [{ field: { key: 'industry', title: 'Industry', type: 'TEXT' as const } }] };

describe('submitProblems', () => {
  it('links every path of a refused submit to the step and control that fixes it', () => {
    const problems = submitProblems(
      {
        'company.registrationNumber': ['this field is required'],
        'company.additionalInfo.industry': ['this field is required'],
        'company.website': ['must match format "uri"'],
        'documents.INCORPORATION_CERT': ['this document is required'],
        'documents.OTHER': ['this document is required'],
        'beneficiaries.CEO': ['at least one CEO is required'],
        'beneficiaries.b2.dateOfBirth': ['this field is required'],
        'beneficiaries.b2.documents.IDENTITY_DOCUMENT': ['this document is required'],
        'ownership.b1': ['a company owner needs at least one individual beneficiary under it'],
        'questionnaires.aml.activity.handlesCash': ['this question is required'],
      },
      data,
      flow,
      t,
    );
    const by = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(by['company.registrationNumber']).toMatchObject({
      step: 'company',
      focusId: 'company-registrationNumber',
      label: 'Registration number',
      problem: en['error.required'],
    });
    expect(by['company.additionalInfo.industry']).toMatchObject({ step: 'company', focusId: 'company-custom-industry', label: 'Industry' });
    expect(by['company.website']).toMatchObject({ focusId: 'company-website', problem: en['error.invalid'] });
    expect(by['documents.INCORPORATION_CERT']).toMatchObject({
      step: 'documents',
      focusId: 'doc-company-INCORPORATION_CERT',
      label: 'Certificate of incorporation',
    });
    expect(by['documents.OTHER']!.focusId).toBe('doc-company-OTHER-replace');
    expect(by['beneficiaries.CEO']).toMatchObject({ step: 'ownership', focusId: 'ownership-add-person', problem: 'at least one Chief executive is needed' });
    expect(by['beneficiaries.b2.dateOfBirth']).toMatchObject({ step: 'ownership', focusId: 'ben-b2-edit', label: 'Jane Doe: Date of birth' });
    expect(by['beneficiaries.b2.documents.IDENTITY_DOCUMENT']).toMatchObject({
      step: 'documents',
      focusId: 'doc-b2-IDENTITY_DOCUMENT',
      label: 'Identity document (Jane Doe)',
    });
    expect(by['ownership.b1']).toMatchObject({ step: 'ownership', focusId: 'ben-b1-add', problem: 'owners of Holding SIA are missing' });
    expect(by['questionnaires.aml.activity.handlesCash']).toMatchObject({ step: 'questionnaire', focusId: 'q-aml-activity-handlesCash', label: 'Cash?' });
  });

  it('still lists a path it does not know, on the review step', () => {
    expect(submitProblems({ 'something.new': ['odd'] }, data, null, t)).toEqual([
      { path: 'something.new', label: 'something.new', problem: en['error.invalid'], step: 'review', focusId: 'step-title' },
    ]);
  });
});
