import { NetworkError, parseBody, toApiError } from '../../../shared/api/errors.js';
import type {
  CaseChanges,
  CaseDecision,
  CaseDocument,
  CompanyDetail,
  CompanyOwnership,
  CompanyRegister,
  CompanyScreening,
  CompanyStatusCounts,
  DocumentDecisionRequest,
  InfoRequest,
  InfoRequestCreate,
  KybComments,
  ManagerAccount,
  ManagerListItem,
  PaginatedCompanyListList,
  RiskAssessment,
  Role,
  SavedView,
  SessionBody,
} from './types.js';

import type { SignInRequest as SignInBody } from '../../../../src/shared/backoffice-wire.js';

const id = (value: string | number) => encodeURIComponent(String(value));

/**
 * The same public API partners' backends use, authenticated by the session cookie. Every
 * state-changing request carries the session's CSRF token. A 401 outside /v1/auth/ means the
 * session ended (idle, absolute expiry, or signed out elsewhere): `onSignedOut` is told.
 * Methods reject with ApiError (an error answer) or NetworkError.
 */
export function createClient(onSignedOut: () => void) {
  let csrfToken: string | null = null;

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkError(String(error));
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      const error = toApiError(response.status, parseBody(text));
      if (response.status === 401 && !path.startsWith('/v1/auth/')) onSignedOut();
      throw error;
    }
    return response;
  }

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await (await send(method, path, body)).text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const company = (companyId: string) => `/kyb/companies/${id(companyId)}`;
  const v1 = (companyId: string) => `/v1/companies/${id(companyId)}`;

  return {
    /** Any JSON call with the session (and its CSRF token): the settings pages type their own (settings/settings-api.ts). */
    request: call,
    setCsrfToken: (token: string | null) => {
      csrfToken = token;
    },
    session: () => call<SessionBody>('GET', '/v1/auth/session/'),
    signIn: (body: SignInBody) => call<SessionBody>('POST', '/v1/auth/sign-in/', body),
    signOut: () => call<void>('POST', '/v1/auth/sign-out/'),
    setPassword: (token: string, password: string) => call<void>('POST', '/v1/auth/password/', { token, password }),

    listCompanies: (query: URLSearchParams) => call<PaginatedCompanyListList>('GET', `/kyb/companies/?${query.toString()}`),
    statusCounts: (query: URLSearchParams) => call<CompanyStatusCounts>('GET', `/v1/companies/status-counts/?${query.toString()}`),
    getCompany: (companyId: string) => call<CompanyDetail>('GET', `${company(companyId)}/`),
    ownership: (companyId: string) => call<CompanyOwnership>('GET', `${v1(companyId)}/ownership/`),
    register: (companyId: string) => call<CompanyRegister>('GET', `${v1(companyId)}/register/`),
    screening: (companyId: string) => call<CompanyScreening>('GET', `${v1(companyId)}/screening/`),
    risk: (companyId: string) => call<RiskAssessment>('GET', `${v1(companyId)}/risk/`),
    comments: (companyId: string) => call<KybComments[]>('GET', `${v1(companyId)}/comments/`),
    addComment: (companyId: string, content: string) => call<KybComments>('POST', `${v1(companyId)}/comments/`, { content }),
    assign: (companyId: string, managerId: number | null) => call<{ assignedTo: ManagerAccount | null }>('POST', `${v1(companyId)}/assign/`, { managerId }),
    requestInfo: (companyId: string, body: InfoRequestCreate) => call<InfoRequest>('POST', `${v1(companyId)}/request-info/`, body),
    runAutomation: (companyId: string) => call<void>('POST', `${company(companyId)}/automation/`),
    // 202: four-eyes holds the decision for a second reviewer (the status is unchanged).
    approve: async (companyId: string) =>
      decided(await send('POST', `${company(companyId)}/change-status/`, { status: 'COMPLETED', reviewInfo: { approvalStatus: 'APPROVED' } })),
    deny: async (companyId: string, denyReason: string) =>
      decided(await send('POST', `${company(companyId)}/change-status/`, { status: 'COMPLETED', reviewInfo: { approvalStatus: 'DENIED', denyReason } })),
    decision: (companyId: string) => call<CaseDecision>('GET', `${v1(companyId)}/decision/`),
    withdrawDecision: (companyId: string) => call<void>('DELETE', `${v1(companyId)}/decision/`),
    changes: (companyId: string) => call<CaseChanges>('GET', `${v1(companyId)}/changes/`),
    documents: (companyId: string) => call<CaseDocument[]>('GET', `${v1(companyId)}/documents/`),
    decideDocument: (companyId: string, documentId: string, body: DocumentDecisionRequest) =>
      call<unknown>('PUT', `${v1(companyId)}/documents/${id(documentId)}/decision/`, body),
    evidencePack: async (companyId: string) => (await send('POST', `${v1(companyId)}/evidence-pack/`)).blob(),
    pdf: async (companyId: string) => (await send('POST', `${company(companyId)}/pdf/`, {})).blob(),
    deleteCompany: (companyId: string) => call<void>('DELETE', `${company(companyId)}/`),
    resolveHit: (hitId: string, resolution: 'TRUE_POSITIVE' | 'FALSE_POSITIVE', comment: string) =>
      call<unknown>('POST', `/v1/screening/hits/${id(hitId)}/resolve/`, { resolution, comment: comment || null }),

    savedViews: () => call<{ results: SavedView[] }>('GET', '/v1/saved-views/'),
    saveView: (name: string, query: string) => call<SavedView>('POST', '/v1/saved-views/', { name, query }),
    renameView: (viewId: string, name: string) => call<SavedView>('PATCH', `/v1/saved-views/${id(viewId)}/`, { name }),
    deleteView: (viewId: string) => call<void>('DELETE', `/v1/saved-views/${id(viewId)}/`),

    managers: () => call<{ results: ManagerListItem[] }>('GET', '/v1/managers/'),
    createManager: (body: { email: string; name: string; surname: string; role: Role }) =>
      call<{ manager: ManagerListItem; setPasswordUrl: string }>('POST', '/v1/managers/', body),
    updateManager: (managerId: number, body: { role?: Role; disabled?: boolean; away?: boolean }) =>
      call<ManagerListItem>('PATCH', `/v1/managers/${id(managerId)}/`, body),
    resetManager: (managerId: number) => call<{ setPasswordUrl: string }>('POST', `/v1/managers/${id(managerId)}/reset/`),
  };
}
export type Client = ReturnType<typeof createClient>;

function decided(response: Response): { isAwaitingConfirmation: boolean } {
  return { isAwaitingConfirmation: response.status === 202 };
}
