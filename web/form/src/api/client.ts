import { NetworkError, parseBody, toApiError } from '../../../shared/api/errors.js';
import type {
  Answers,
  Beneficiary,
  BeneficiaryInput,
  Company,
  CompanyInfo,
  Document,
  Form,
  KybInfo,
  Questionnaire,
  RegistryPickAnswer,
  RegistrySearchAnswer,
  RegistrySession,
  SessionInfo,
} from './types.js';

export interface UploadBody {
  type: string;
  filename: string;
  file: string;
}
export type Progress = (fraction: number) => void;

/**
 * The public API as the form uses it, authenticated with the session token like any client.
 * Every method rejects with ApiError (an answer with an error status) or NetworkError.
 */
export function createClient(token: string, base = '') {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (error) {
      throw new NetworkError(String(error));
    }
    const text = await response.text().catch(() => '');
    const json = parseBody(text);
    if (!response.ok) throw toApiError(response.status, json);
    return json as T;
  }

  const form = (id: string) => `/kyb/forms/${encodeURIComponent(id)}`;
  const registry = (id: string) => `/v1/forms/${encodeURIComponent(id)}/registry`;
  const docsPath = (formId: string, beneficiaryId: string | null) =>
    beneficiaryId ? `${form(formId)}/beneficiaries/${encodeURIComponent(beneficiaryId)}/documents/` : `${form(formId)}/documents/`;

  return {
    info: () => call<KybInfo>('GET', '/kyb/info/'),
    session: () => call<SessionInfo>('GET', '/v1/session/'),
    listForms: () => call<Array<Pick<Form, 'id' | 'company' | 'meta'>>>('GET', '/kyb/forms/'),
    createForm: (company: Company) => call<Form>('POST', '/kyb/forms/', { company }),
    getForm: (id: string) => call<Form>('GET', `${form(id)}/`),
    updateCompany: (id: string, company: Company) => call<{ company: CompanyInfo }>('PATCH', `${form(id)}/`, { company }),
    listBeneficiaries: (id: string) => call<Beneficiary[]>('GET', `${form(id)}/beneficiaries/`),
    createBeneficiary: (id: string, body: BeneficiaryInput) => call<Beneficiary>('POST', `${form(id)}/beneficiaries/`, body),
    updateBeneficiary: (id: string, bid: string, body: BeneficiaryInput) => {
      const { parent: _parent, ...rest } = body;
      return call<Beneficiary>('PUT', `${form(id)}/beneficiaries/${encodeURIComponent(bid)}/`, rest);
    },
    deleteBeneficiary: (id: string, bid: string) => call<void>('DELETE', `${form(id)}/beneficiaries/${encodeURIComponent(bid)}/`),
    listDocuments: (id: string, beneficiaryId: string | null) => call<Document[]>('GET', docsPath(id, beneficiaryId)),
    uploadDocument: (id: string, beneficiaryId: string | null, body: UploadBody, onProgress: Progress) =>
      upload<Document>(base + docsPath(id, beneficiaryId), token, body, onProgress),
    deleteDocument: (id: string, beneficiaryId: string | null, docId: string) =>
      call<void>('DELETE', `${docsPath(id, beneficiaryId)}${encodeURIComponent(docId)}/`),
    listQuestionnaires: (id: string) => call<Questionnaire[]>('GET', `${form(id)}/questionnaires/`),
    getAnswers: (id: string, qid: string) => call<Answers | undefined>('GET', `${form(id)}/questionnaires/${encodeURIComponent(qid)}/answers/`),
    saveAnswers: (id: string, qid: string, answers: Answers, isDraft: boolean) =>
      call<Answers>('PUT', `${form(id)}/questionnaires/${encodeURIComponent(qid)}/answers/${isDraft ? '?draft=true' : ''}`, answers),
    submit: (id: string) => call<void>('POST', `${form(id)}/submit/`),
    // GOV1/GOV2 sessions: the company register (the form id is the session's company id, known before the form exists).
    registry: (id: string) => call<RegistrySession>('GET', `${registry(id)}/`),
    searchRegistry: (id: string, q: string, country: string) =>
      call<RegistrySearchAnswer>('GET', `${registry(id)}/search/?${new URLSearchParams({ q, country }).toString()}`),
    pickCompany: (id: string, pick: { provider: string; country: string; number: string }) => call<RegistryPickAnswer>('POST', `${registry(id)}/pick/`, pick),
  };
}
export type Client = ReturnType<typeof createClient>;

/** fetch cannot report upload progress; XMLHttpRequest can. */
function upload<T>(url: string, token: string, body: UploadBody, onProgress: Progress): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.onload = () => {
      const json = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(json as T);
      } else reject(toApiError(xhr.status, json));
    };
    xhr.send(JSON.stringify(body));
  });
}
