import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importList } from '../src/core/screening/import-list.js';
import { createScreeningWorker } from '../src/jobs/screening-worker.js';
import { api } from './api.js';
import type { Harness } from './harness.js';
import { startSession } from './kyb.js';
import { screeningDataDir } from './screening/data-dir.js';

export const UN_XML = () => path.join(screeningDataDir(), 'un', 'consolidated.xml');
export const OFAC_SDN = () => path.join(screeningDataDir(), 'ofac-sdn');

export async function importUn(h: Harness, file = UN_XML()) {
  return importList({ ctx: h.ctx, input: { source: 'un', path: file } });
}

/** A copy of the UN list in which Germain KATANGA's entry changed (a new alias, as a list update adds). */
export async function unWithKatangaChanged(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openkyb-un-'));
  const file = path.join(dir, 'consolidated.xml');
  const xml = await readFile(UN_XML(), 'utf8');
  const at = xml.indexOf('<REFERENCE_NUMBER>CDi.006</REFERENCE_NUMBER>');
  const empty = '<INDIVIDUAL_ALIAS>\n        <QUALITY/>\n        <ALIAS_NAME/>\n      </INDIVIDUAL_ALIAS>';
  const alias = xml.indexOf(empty, at);
  if (alias < 0) throw new Error('fixture: the alias block of CDi.006 moved');
  const added = '<INDIVIDUAL_ALIAS>\n        <QUALITY>Good</QUALITY>\n        <ALIAS_NAME>Simba</ALIAS_NAME>\n      </INDIVIDUAL_ALIAS>';
  await writeFile(file, xml.slice(0, alias) + added + xml.slice(alias + empty.length));
  return file;
}

/** A UN list cut in the middle of an entry, as a failed download leaves it. */
export async function truncatedUn(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openkyb-un-'));
  const xml = await readFile(UN_XML());
  const file = path.join(dir, 'consolidated.xml');
  await writeFile(file, xml.subarray(0, Math.floor(xml.length * 0.6)));
  return file;
}

export async function copyOf(file: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openkyb-list-'));
  const target = path.join(dir, path.basename(file));
  await copyFile(file, target);
  return target;
}

/** Runs this app's screening worker until nothing is left to screen. */
export async function screenPending(h: Harness, policy = { requiredLists: [] as string[], maxListAgeMs: h.config.screeningMaxListAgeMs }): Promise<number> {
  const worker = createScreeningWorker({ ctx: h.ctx, database: h.database, host: h.screening, policy, logger: h.ctx.logger });
  let total = 0;
  for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) total += n;
  return total;
}

/** A well-formed UN list holding only its first `count` individuals and no entities. */
export async function shortUn(count: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openkyb-un-'));
  const xml = await readFile(UN_XML(), 'utf8');
  let end = xml.indexOf('<INDIVIDUALS>') + '<INDIVIDUALS>'.length;
  for (let i = 0; i < count; i += 1) end = xml.indexOf('</INDIVIDUAL>', end) + '</INDIVIDUAL>'.length;
  const file = path.join(dir, 'consolidated.xml');
  await writeFile(file, `${xml.slice(0, end)}\n  </INDIVIDUALS>\n  <ENTITIES>\n  </ENTITIES>\n</CONSOLIDATED_LIST>\n`);
  return file;
}

/** A submitted case whose UBO is, by default, a UN-listed person (Germain KATANGA, born 1978-04-28). */
export async function submittedCase(h: Harness, person = { name: 'Germain', surname: 'Katanga', dateOfBirth: '1978-04-28', nationality: 'CD' }) {
  const s = await startSession(h, { flow: null });
  const call = api(h).call;
  const owner = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
    beneficiaryType: 'UBO',
    ownershipPercentage: 100,
    info: { infoType: 'INDIVIDUAL', ...person },
  });
  // Plain checks: bench/pdf.ts and the fuzzer use these helpers outside vitest.
  if (owner.status !== 201) throw new Error(`beneficiary not added: ${owner.status} ${owner.text}`);
  const submitted = await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer);
  if (submitted.status !== 200) throw new Error(`form not submitted: ${submitted.status} ${submitted.text}`);
  return { ...s, ownerId: owner.json.id as string };
}
