import { randomBytes } from 'node:crypto';
import { pdfDocument, pngImage } from '../test/files.js';
import { questionnaireBody } from '../test/fixtures.js';
import type { BenchTarget } from './lib.js';

/** A file of about `size` bytes whose length is a multiple of 3, so a base64 suffix can be appended. */
function padded(file: Buffer, size: number): Buffer {
  return Buffer.concat([file, randomBytes(Math.ceil(size / 3) * 3 - file.length)]);
}

const PDF = padded(pdfDocument('Certificate of incorporation'), 200 * 1024).toString('base64');
const PNG = padded(pngImage(64, 64), 200 * 1024).toString('base64');
/** Each session uploads distinct bytes (trailing data after the file's end), so nothing is deduplicated. */
const unique = (base: string) => base + randomBytes(3).toString('base64');

const FLOW = {
  name: 'Bench flow',
  fields: [
    { field: 'COMPANY_NAME', required: true },
    { field: 'REGISTRATION_NUMBER', required: true },
    { field: 'COUNTRY', required: true },
  ],
  documents: [{ docType: 'INCORPORATION_CERT', required: true }],
  beneficiaries: [
    {
      beneficiaryType: 'UBO',
      required: true,
      applicants: [
        { applicantType: 'INDIVIDUAL', fields: [{ field: 'NAME', required: true }], documents: [{ docType: 'IDENTITY_DOCUMENT', required: true }] },
        { applicantType: 'COMPANY', fields: [{ field: 'COMPANY_NAME', required: true }] },
      ],
    },
    { beneficiaryType: 'CEO', applicants: [{ applicantType: 'INDIVIDUAL', fields: [] }] },
  ],
  ownershipFullStructure: true,
};

export async function prepareSessionFlow(target: BenchTarget): Promise<string> {
  const headers = { authorization: target.auth, 'content-type': 'application/json' };
  await fetch(`${target.server.url}/v1/questionnaires/`, { method: 'POST', headers, body: JSON.stringify(questionnaireBody('bench')) });
  const flow = await fetch(`${target.server.url}/v1/flows/`, { method: 'POST', headers, body: JSON.stringify({ ...FLOW, questionnaire: 'bench' }) });
  return ((await flow.json()) as { id: string }).id;
}

/**
 * One complete KYB session through the API, as a partner and its client would run it: token,
 * form, three beneficiaries (a holding with an owner under it, and a CEO), two 200 KB
 * documents, the questionnaire's answers, submit. Throws unless every step succeeds.
 */
export async function runSession(target: BenchTarget, flowId: string, n: number): Promise<void> {
  const base = target.server.url;
  const call = async (method: string, path: string, auth: string, body?: unknown, expected = [200, 201]) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, any>) : {};
  };
  const token = await call('POST', '/kyb/tokens/', target.auth, { tokenType: 'FORM', clientId: `bench-${n}`, flow: flowId });
  const bearer = `Bearer ${token.tokenString}`;
  const form = `/kyb/forms/${token.companyId}`;
  await call('POST', '/kyb/forms/', bearer, { company: { companyName: `Bench ${n} UAB`, registrationNumber: String(300000000 + n), country: 'LT' } });
  const holding = await call('POST', `${form}/beneficiaries/`, bearer, {
    beneficiaryType: 'UBO',
    ownershipPercentage: 100,
    info: { infoType: 'COMPANY', companyName: 'Holding SIA', country: 'LV' },
  });
  const owner = await call('POST', `${form}/beneficiaries/`, bearer, {
    beneficiaryType: 'UBO',
    parent: holding.id,
    ownershipPercentage: 100,
    info: { infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'Petraite' },
  });
  await call('POST', `${form}/beneficiaries/`, bearer, { beneficiaryType: 'CEO', info: { infoType: 'INDIVIDUAL', name: 'Jonas', surname: 'Jonaitis' } });
  await call('POST', `${form}/documents/`, bearer, { type: 'INCORPORATION_CERT', filename: 'cert.pdf', file: unique(PDF) });
  await call('POST', `${form}/beneficiaries/${owner.id}/documents/`, bearer, { type: 'IDENTITY_DOCUMENT', filename: 'id.png', file: unique(PNG) });
  const [questionnaire] = (await call('GET', `${form}/questionnaires/`, bearer)) as unknown as Array<{ id: string }>;
  await call('PUT', `${form}/questionnaires/${questionnaire!.id}/answers/`, bearer, {
    sections: { activity: { handlesCash: { value: false }, size: { value: 'small' } } },
  });
  await call('POST', `${form}/submit/`, bearer);
}

export interface SessionResult {
  sessionsPerSecond: number;
  p99Ms: number;
  completed: number;
}

/** Runs sessions with `concurrency` clients for `durationMs`; every session must complete. */
export async function sessionLoad(target: BenchTarget, flowId: string, concurrency: number, durationMs: number): Promise<SessionResult> {
  const durations: number[] = [];
  const started = performance.now();
  let n = 0;
  const client = async () => {
    while (performance.now() - started < durationMs) {
      const t0 = performance.now();
      await runSession(target, flowId, n++);
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return { sessionsPerSecond: durations.length / elapsed, p99Ms: durations[Math.floor(durations.length * 0.99)] ?? 0, completed: durations.length };
}
