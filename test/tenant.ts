import { randomUUID } from 'node:crypto';
import { api } from './api.js';
import { base64, pdfDocument, pngImage } from './files.js';
import { flowBody, questionnaireBody, themeBody } from './fixtures.js';
import type { Harness, TestPartner } from './harness.js';
import { companyBody, startSession, type Session } from './kyb.js';
import { screenPending } from './screening-cases.js';

/** Every kind of object a partner owns, each holding the tenant's canary string where it can. */
export interface Tenant {
  partner: TestPartner;
  canary: string;
  /** A form with a flow, questionnaire answers, beneficiaries and documents; not submitted. */
  open: Session;
  /** A submitted form whose UBO is UN-listed (Germain Katanga): it has a screening hit. */
  submitted: Session;
  ids: {
    tokenId: string;
    flowId: string;
    themeId: string;
    questionnaireId: string;
    formQuestionnaireId: string;
    beneficiaryId: string;
    companyDocumentId: string;
    beneficiaryDocumentId: string;
    webhookId: string;
    deliveryId: string;
    hitId: string;
    managerId: number;
    apiKeyId: string;
    govOrderId: string;
    sosReportId: string;
    savedViewId: string;
  };
}

function ok<T extends { status: number; text: string }>(what: string, res: T, status = [200, 201, 202, 204]): T {
  if (!status.includes(res.status)) throw new Error(`seeding ${what}: ${res.status} ${res.text.slice(0, 500)}`);
  return res;
}

/**
 * Seeds a partner with one of everything through the API. Needs a UN list imported and the
 * screening index loaded (importUn + screening.reload) for the screening hit.
 */
export async function seedTenant(h: Harness, canary: string): Promise<Tenant> {
  const call = api(h).call;
  const partner = await h.partner(`Partner ${canary}`);
  const key = `q${canary.replace(/\W/g, '').slice(0, 20)}`;
  const q = ok(
    'questionnaire',
    await call(
      'POST',
      '/v1/questionnaires/',
      partner.auth,
      questionnaireBody(key, {
        name: `${canary} questions`,
        sections: [{ key: 'main', title: `${canary} section`, questions: [{ key: 'note', title: 'Note', type: 'TEXT' }] }],
      }),
    ),
  );
  const flow = ok('flow', await call('POST', '/v1/flows/', partner.auth, flowBody({ name: `${canary} flow`, questionnaire: key })));
  const theme = ok('theme', await call('POST', '/v1/themes/', partner.auth, themeBody({ name: `${canary} theme`, companyName: `${canary} brand` })));
  const token = ok(
    'token',
    await api(h).createToken(partner, {
      tokenType: 'FORM',
      clientId: `${canary}-client`,
      externalRef: canary.slice(0, 40),
      flow: flow.json.id,
      theme: theme.json.id,
      tags: [canary.slice(0, 32)],
    }),
  );
  const open: Session = {
    partner,
    token: token.json.tokenString,
    companyId: token.json.companyId,
    bearer: `Bearer ${token.json.tokenString}`,
    flowId: flow.json.id,
    questionnaireKey: key,
  };
  const form = `/kyb/forms/${open.companyId}/`;
  ok(
    'form',
    await call('POST', '/kyb/forms/', open.bearer, { company: companyBody({ companyName: `${canary} UAB`, registrationNumber: canary.slice(0, 20) }) }),
  );
  const owner = ok(
    'beneficiary',
    await call('POST', `${form}beneficiaries/`, open.bearer, {
      beneficiaryType: 'UBO',
      info: { infoType: 'INDIVIDUAL', name: `${canary} Name`, surname: `${canary} Surname`, dateOfBirth: '1980-01-02' },
    }),
  );
  const companyDocument = ok(
    'company document',
    await call('POST', `${form}documents/`, open.bearer, {
      type: 'INCORPORATION_CERT',
      filename: `${canary}.pdf`,
      file: base64(pdfDocument(`${canary} certificate`)),
    }),
  );
  const beneficiaryDocument = ok(
    'beneficiary document',
    await call('POST', `${form}beneficiaries/${owner.json.id}/documents/`, open.bearer, {
      type: 'IDENTITY_DOCUMENT',
      filename: `${canary}.png`,
      file: base64(pngImage()),
    }),
  );
  const [listed] = ok('questionnaires', await call('GET', `${form}questionnaires/`, open.bearer)).json;
  ok(
    'answers',
    await call('PUT', `${form}questionnaires/${listed.id}/answers/?draft=true`, open.bearer, { sections: { main: { note: { value: `${canary} answer` } } } }),
  );
  const webhook = ok(
    'webhook',
    await call('POST', '/v1/webhooks/', partner.auth, {
      url: `http://127.0.0.1:9/${canary}`,
      name: `${canary} hook`,
      eventTypes: ['COMPANY_SUBMIT'],
      headers: { 'x-canary': canary },
    }),
  );
  const delivery = ok('delivery', await call('POST', `/v1/webhooks/${webhook.json.id}/test/`, partner.auth));

  const submitted = await startSession(h, { partner, flow: null });
  ok(
    'listed owner',
    await call('POST', `/kyb/forms/${submitted.companyId}/beneficiaries/`, submitted.bearer, {
      beneficiaryType: 'UBO',
      ownershipPercentage: 100,
      info: { infoType: 'INDIVIDUAL', name: 'Germain', surname: 'Katanga', dateOfBirth: '1978-04-28', nationality: 'CD' },
    }),
  );
  ok('submit', await call('POST', `/kyb/forms/${submitted.companyId}/submit/`, submitted.bearer));
  await screenPending(h);
  const screening = ok('screening', await call('GET', `/v1/companies/${submitted.companyId}/screening/`, partner.auth)).json;
  const hit = screening.subjects.flatMap((s: { hits: Array<{ id: string }> }) => s.hits)[0];
  if (!hit) throw new Error('seeding: no screening hit (import the UN list and reload the index first)');
  ok('resolve', await call('POST', `/v1/screening/hits/${hit.id}/resolve/`, partner.auth, { resolution: 'FALSE_POSITIVE', comment: `${canary} reviewed` }));

  const manager = ok(
    'manager',
    await call('POST', '/v1/managers/', partner.auth, { email: 'seeded@example.com', name: canary, surname: canary, role: 'reviewer' }),
  );
  const apiKey = ok('api key', await call('POST', '/v1/api-keys/', partner.auth, { label: `${canary} key` }));
  ok(
    'register document order',
    await call('POST', '/api/v2/gov-ordered-documents/document-order/', partner.auth, {
      countryCode: 'GB',
      registrationNumber: '09000001',
      companyName: `${canary} Ltd`.slice(0, 200),
      productKey: 'doc-incorporation',
    }),
  );
  const [govOrder] = ok('register document orders', await call('GET', '/api/v2/gov-ordered-documents/', partner.auth)).json;
  const sosReport = ok(
    'SOS report',
    await call('POST', '/api/v2/sos-filing-documents/', partner.auth, {
      companyName: `${canary} LLC`,
      state: 'DE',
      city: 'Dover',
      street: '1 Main St',
      postalCode: '19901',
    }),
  );
  // A saved view of the seeded manager (views belong to a manager's session; written directly, it has no password).
  const savedViewId = randomUUID();
  await h.database.db
    .insertInto('saved_views')
    .values({
      id: savedViewId,
      partner_id: partner.partnerId,
      manager_id: manager.json.manager.id,
      name: `${canary} view`,
      query: `q=${canary}`,
      created_at: Date.now(),
    })
    .execute();
  const tokenRow = await h.database.db.selectFrom('kyb_tokens').select('id').where('company_id', '=', open.companyId).executeTakeFirstOrThrow();
  return {
    partner,
    canary,
    open,
    submitted,
    ids: {
      tokenId: tokenRow.id,
      flowId: flow.json.id,
      themeId: theme.json.id,
      questionnaireId: q.json.id,
      formQuestionnaireId: listed.id,
      beneficiaryId: owner.json.id,
      companyDocumentId: companyDocument.json.id,
      beneficiaryDocumentId: beneficiaryDocument.json.id,
      webhookId: webhook.json.id,
      deliveryId: delivery.json.id,
      hitId: hit.id,
      managerId: manager.json.manager.id,
      apiKeyId: apiKey.json.keyId,
      govOrderId: govOrder.id,
      sosReportId: sosReport.json.id,
      savedViewId,
    },
  };
}

/**
 * The tenant's object a path parameter names, from the segment before it (`url` in Fastify's
 * `:param` form). `tokens` is the given token, by default the open form's.
 */
export function objectFor(t: Tenant, url: string, param: string, token = t.open.token): string | undefined {
  const segments = url.split('/');
  const previous = segments[segments.indexOf(`:${param}`) - 1];
  const { ids } = t;
  switch (previous) {
    case 'tokens':
      return token;
    case 'forms':
      return t.open.companyId;
    case 'companies':
      return t.submitted.companyId;
    case 'beneficiaries':
      return ids.beneficiaryId;
    case 'documents':
      return url.includes(':beneficiaryId') ? ids.beneficiaryDocumentId : ids.companyDocumentId;
    case 'questionnaires':
      return url.startsWith('/kyb/forms/') ? ids.formQuestionnaireId : ids.questionnaireId;
    case 'flows':
      return ids.flowId;
    case 'themes':
      return ids.themeId;
    case 'webhooks':
      return ids.webhookId;
    case 'deliveries':
      return ids.deliveryId;
    case 'hits':
      return ids.hitId;
    case 'managers':
      return String(ids.managerId);
    case 'api-keys':
      return ids.apiKeyId;
    case 'gov-ordered-documents':
      return ids.govOrderId;
    case 'sos-filing-documents':
      return ids.sosReportId;
    case 'saved-views':
      return ids.savedViewId;
    default:
      return undefined;
  }
}
