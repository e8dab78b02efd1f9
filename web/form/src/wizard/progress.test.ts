import { describe, expect, it } from 'vitest';
import type { KybFormUnifiedFlow, Questionnaire } from '../api/types.js';
import type { KybData } from './data.js';
import { incompleteSteps, resumeStep, stepsFor } from './progress.js';

const flow = {
  fields: [
    { field: 'COMPANY_NAME', required: true },
    { field: 'COUNTRY', required: true },
    { field: 'TIN', required: true },
  ],
  documents: [{ docType: 'INCORPORATION_CERT', required: true }],
  beneficiaries: [{ beneficiaryType: 'CEO', required: true, applicants: [{ applicantType: 'INDIVIDUAL', fields: [] }] }],
} as unknown as KybFormUnifiedFlow;
const questionnaire = { id: 'q', key: 'k', sections: [{ key: 's', questions: [{ key: 'a', type: 'TEXT', required: true }] }] } as unknown as Questionnaire;
const empty: KybData = { form: null, beneficiaries: [], documents: {}, questionnaires: [], answers: {} };
const beneficiary = (id: string, roles: string[], info: Record<string, unknown>, over: Record<string, unknown> = {}) =>
  ({ id, beneficiaryTypes: roles, info, positions: [], ownershipPercentage: null, parent: null, ...over }) as unknown as KybData['beneficiaries'][number];
const form = (company: Record<string, unknown>) =>
  ({ id: 'f', company: { companyName: 'A', country: 'LT', ...company }, meta: {} }) as unknown as KybData['form'];

describe('progress', () => {
  it('has the steps the flow needs; the questionnaire once the API lists one', () => {
    expect(stepsFor(flow, empty)).toEqual(['company', 'ownership', 'documents', 'review']);
    expect(stepsFor({ fields: [] } as KybFormUnifiedFlow, { ...empty, questionnaires: [questionnaire] })).toEqual(['company', 'questionnaire', 'review']);
    expect(stepsFor(null, empty)).toEqual(['company', 'ownership', 'documents', 'review']);
  });

  it('counts the questionnaire step from the start when the session says one comes, before the form exists', () => {
    expect(stepsFor(flow, empty, true)).toEqual(['company', 'ownership', 'documents', 'questionnaire', 'review']);
    expect(stepsFor(flow, empty, false)).toEqual(['company', 'ownership', 'documents', 'review']);
  });

  it('resumes at ownership while a company owner has nobody under it, in a full-structure flow', () => {
    const fullFlow = {
      fields: [],
      ownershipFullStructure: true,
      beneficiaries: [{ beneficiaryType: 'SHAREHOLDER', applicants: [] }],
    } as unknown as KybFormUnifiedFlow;
    const holding = beneficiary('h', ['SHAREHOLDER'], { infoType: 'COMPANY', companyName: 'Holding SIA', country: 'LV' }, { ownershipPercentage: 60 });
    const data = { ...empty, form: form({}), beneficiaries: [holding] };
    expect(resumeStep(['company', 'ownership', 'review'], fullFlow, data)).toBe('ownership');
    const person = {
      ...holding,
      id: 'p',
      parent: 'h',
      info: { infoType: 'INDIVIDUAL', name: 'J', surname: 'S' },
    } as unknown as KybData['beneficiaries'][number];
    expect(resumeStep(['company', 'ownership', 'review'], fullFlow, { ...data, beneficiaries: [holding, person] })).toBe('review');
  });

  it('resumes at the first step still missing something required', () => {
    const steps = ['company', 'ownership', 'documents', 'questionnaire', 'review'] as const;
    expect(resumeStep([...steps], flow, empty)).toBe('company');
    expect(resumeStep([...steps], flow, { ...empty, form: form({}) })).toBe('company');
    const withCompany = { ...empty, form: form({ tin: '123' }), questionnaires: [questionnaire] };
    expect(resumeStep([...steps], flow, withCompany)).toBe('ownership');
    const ceo = beneficiary('c', ['CEO'], { infoType: 'INDIVIDUAL', name: 'A', surname: 'B' });
    expect(resumeStep([...steps], flow, { ...withCompany, beneficiaries: [ceo] })).toBe('documents');
    const withDocs = { ...withCompany, beneficiaries: [ceo], documents: { company: [{ id: 'd', type: 'INCORPORATION_CERT', filename: null, file: 'u' }] } };
    expect(incompleteSteps(flow, withDocs)).toEqual(new Set(['questionnaire']));
    expect(resumeStep([...steps], flow, { ...withDocs, answers: { q: { s: { a: { value: 'yes' } } } } })).toBe('review');
  });
});
