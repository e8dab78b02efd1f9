import { api } from './api.js';
import { flowBody, questionnaireBody } from './fixtures.js';
import type { Harness, TestPartner } from './harness.js';

export const companyBody = (overrides: Record<string, unknown> = {}) => ({
  companyName: 'Acme Payments UAB',
  registrationNumber: '305123456',
  country: 'LT',
  phone: '+37060000000',
  email: 'ops@acme.example',
  website: 'https://acme.example',
  brandNames: ['AcmePay'],
  additionalInfo: { industry: { value: 'it' } },
  ...overrides,
});

export interface Session {
  partner: TestPartner;
  token: string;
  companyId: string;
  /** Bearer header of the session token. */
  bearer: string;
  flowId: string | null;
  questionnaireKey: string | null;
}

/**
 * A partner, a flow (by default the standard fixture flow with its questionnaire) and a token,
 * optionally with the form created.
 */
export async function startSession(
  h: Harness,
  options: { flow?: Record<string, unknown> | null; createForm?: boolean; partner?: TestPartner } = {},
): Promise<Session> {
  const partner = options.partner ?? (await h.partner());
  const call = api(h).call;
  let flowId: string | null = null;
  let questionnaireKey: string | null = null;
  if (options.flow !== null) {
    const key = `q${Math.random().toString(36).slice(2, 8)}`;
    questionnaireKey = key;
    await call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody(key));
    const flow = await call('POST', '/v1/flows/', partner.auth, flowBody({ questionnaire: key, ...(options.flow ?? {}) }));
    if (flow.status !== 201) throw new Error(`flow: ${flow.text}`);
    flowId = flow.json.id;
  }
  const token = await api(h).createToken(partner, { tokenType: 'FORM', clientId: 'client-1', externalRef: 'ref-1', flow: flowId });
  const session = {
    partner,
    token: token.json.tokenString,
    companyId: token.json.companyId,
    bearer: `Bearer ${token.json.tokenString}`,
    flowId,
    questionnaireKey,
  };
  if (options.createForm !== false) {
    // Without a flow there are no custom fields to fill in.
    const created = await call('POST', '/kyb/forms/', session.bearer, { company: companyBody(flowId ? {} : { additionalInfo: {} }) });
    if (created.status !== 201) throw new Error(`form: ${created.text}`);
  }
  return session;
}
