import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDossier } from '../src/core/dossier/build-dossier.js';
import { api } from '../test/api.js';
import { base64, pdfDocument, pngImage } from '../test/files.js';
import { createHarness, type Harness } from '../test/harness.js';
import { startSession, type Session } from '../test/kyb.js';
import { importUn, screenPending, UN_XML } from '../test/screening-cases.js';

/** UN-listed individuals' names, so the screening of the big case has hits with evidence. */
function listedNames(count: number): Array<{ name: string; surname: string }> {
  const xml = readFileSync(UN_XML(), 'utf8');
  const names: Array<{ name: string; surname: string }> = [];
  for (const m of xml.matchAll(
    /<INDIVIDUAL>\s*<DATAID>[^<]*<\/DATAID>\s*<VERSIONNUM>[^<]*<\/VERSIONNUM>\s*<FIRST_NAME>([^<]+)<\/FIRST_NAME>\s*<SECOND_NAME>([^<]+)<\/SECOND_NAME>/g,
  )) {
    names.push({ name: m[1]!.trim(), surname: m[2]!.trim() });
    if (names.length === count) break;
  }
  return names;
}

/** A large case through the API: many owners (half of them listed), documents and edits. */
async function bigCase(h: Harness, owners: number): Promise<Session> {
  const s = await startSession(h, { flow: null });
  const call = api(h).call;
  const form = `/kyb/forms/${s.companyId}`;
  const holding = await call('POST', `${form}/beneficiaries/`, s.bearer, {
    beneficiaryType: 'SHAREHOLDER',
    ownershipPercentage: 30,
    info: { infoType: 'COMPANY', companyName: 'Holding SIA', country: 'LV' },
  });
  const listed = listedNames(owners / 2);
  for (let i = 0; i < owners; i += 1) {
    const person = listed[i >> 1] && i % 2 === 0 ? listed[i >> 1]! : { name: `Owner${i}`, surname: `Person${i}` };
    const created = await call('POST', `${form}/beneficiaries/`, s.bearer, {
      beneficiaryType: 'SHAREHOLDER',
      ownershipPercentage: 1,
      ...(i % 3 === 0 ? { parent: holding.json.id } : {}),
      info: { infoType: 'INDIVIDUAL', ...person, dateOfBirth: '1970-01-01', nationality: 'LT', address: `Street ${i}, Vilnius` },
    });
    if (created.status !== 201) throw new Error(`beneficiary: ${created.text}`);
    if (i % 10 === 0) {
      const png = pngImage(200, 120, (x, y) => [x % 256, y % 256, (i * 7) % 256]);
      await call('POST', `${form}/beneficiaries/${created.json.id}/documents/`, s.bearer, {
        type: 'IDENTITY_DOCUMENT',
        filename: 'passport.png',
        file: base64(png),
      });
    }
    await call('PATCH', `${form}/beneficiaries/${created.json.id}/`, s.bearer, { positions: ['Shareholder'] });
  }
  await call('POST', `${form}/documents/`, s.bearer, { type: 'INCORPORATION_CERT', filename: 'cert.pdf', file: base64(pdfDocument()) });
  const submitted = await call('POST', `${form}/submit/`, s.bearer);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.text}`);
  await screenPending(h);
  return s;
}

/** `npm run bench -- pdf`: renders the dossier of a case that makes about 50 pages. */
export async function benchPdf(): Promise<void> {
  const { harness: h, cleanup } = await createHarness('sqlite');
  const dir = mkdtempSync(path.join(tmpdir(), 'openkyb-bench-pdf-'));
  try {
    await importUn(h);
    await h.screening.reload();
    const s = await bigCase(h, 50);
    const render = () => buildDossier({ ctx: s.partner.ctx, input: { companyId: s.companyId } });
    const first = await render();
    const file = path.join(dir, 'dossier.pdf');
    writeFileSync(file, first);
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
    const timesMs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await render();
      timesMs.push(performance.now() - started);
    }
    timesMs.sort((a, b) => a - b);
    const started = performance.now();
    await buildDossier({ ctx: s.partner.ctx, input: { companyId: s.companyId, password: 'bench-password' } });
    const encryptedMs = performance.now() - started;
    console.log(`\nPDF dossier on sqlite: ${pages} pages, ${(first.length / 1024).toFixed(0)} KB (51 beneficiaries, 5 images, screening hits, audit trail)`);
    console.log(
      `  render: median ${timesMs[2]!.toFixed(0)} ms, max ${timesMs[4]!.toFixed(0)} ms of 5 after a warm-up run; with a password ${encryptedMs.toFixed(0)} ms; goal < 2000 ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  }
}
