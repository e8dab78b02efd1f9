import type { Client } from '../api/client.js';
import type { AnswerValues, Beneficiary, Document, Form, KybInfo, Questionnaire, RegistrySession, SessionInfo } from '../api/types.js';

/** Everything the form shows, loaded once at start so that moving between steps never waits. */
export interface KybData {
  form: Form | null;
  beneficiaries: Beneficiary[];
  /** Documents by owner: `company` or a beneficiary id. */
  documents: Record<string, Document[]>;
  questionnaires: Questionnaire[];
  answers: Record<string, AnswerValues>;
}

export const COMPANY_OWNER = 'company';

export async function loadKybData(client: Client): Promise<KybData> {
  const [listed] = await client.listForms();
  if (!listed) return { form: null, beneficiaries: [], documents: {}, questionnaires: [], answers: {} };
  return loadForm(client, listed.id);
}

export async function loadForm(client: Client, id: string): Promise<KybData> {
  const [form, beneficiaries, companyDocs, questionnaires] = await Promise.all([
    client.getForm(id),
    client.listBeneficiaries(id),
    client.listDocuments(id, null),
    client.listQuestionnaires(id),
  ]);
  const [beneficiaryDocs, answers] = await Promise.all([
    Promise.all(beneficiaries.map(async (b) => [b.id, await client.listDocuments(id, b.id)] as const)),
    Promise.all(questionnaires.map(async (q) => [q.id, (await client.getAnswers(id, q.id))?.sections ?? {}] as const)),
  ]);
  return {
    form,
    beneficiaries,
    documents: { [COMPANY_OWNER]: companyDocs, ...Object.fromEntries(beneficiaryDocs) },
    questionnaires,
    answers: Object.fromEntries(answers),
  };
}

/** Why the whole form must give way to a full page (see app.tsx). */
export type Fatal = 'expired' | 'invalid' | 'submitted' | 'network';

export interface KybContext {
  client: Client;
  info: KybInfo;
  session: SessionInfo | null;
  data: KybData;
  update(change: (data: KybData) => KybData): void;
  /** Reports an error no step can handle itself (expired token, submitted form). */
  fail(error: unknown): void;
  /** Moves to another step, optionally focusing one element there. */
  go(step: StepId, focusId?: string): void;
  /** GOV1/GOV2 sessions: the register mode, the picked company, its locks and proposals; null for FORM. */
  registry: RegistrySession | null;
  setRegistry(registry: RegistrySession): void;
}

export type StepId = 'register' | 'company' | 'ownership' | 'documents' | 'questionnaire' | 'review';
