import { Type } from 'typebox';
import { newRowId } from '../../db/row-id.js';
import type { CompanyRegisterCheckRow } from '../../db/tables.js';
import { compareWithRegister, undeclaredPersons, type DeclaredPerson, type FormCompany } from '../../registries/compare-profile.js';
import type { RegistryProfile } from '../../registries/provider.js';
import { recordAudit } from '../audit/record-audit.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import type { Ctx } from '../context.js';
import { releaseFiles, storeFile } from '../files/stored-files.js';
import { openCompanyRow } from '../forms/company-row.js';
import { lockCompany } from '../review/load-company.js';
import { callRegister } from '../gov-checks/call-register.js';
import { MissingKeyError } from '../privacy/company-keys.js';
import { sealForCompany } from '../privacy/seal.js';
import type { RegisterCheckBody, RegisterCheckStatus } from './register-check.js';

const Text = (maxLength: number) => Type.String({ maxLength });
const Person = Type.Object({
  kind: Type.Union([Type.Literal('individual'), Type.Literal('company')]),
  role: Type.String(),
  name: Type.String({ minLength: 1, maxLength: 500 }),
});
const Address = Type.Object({ kind: Type.String(), lines: Type.Array(Text(500), { maxItems: 20 }) });

/** What a profile must be to be stored: a name and a number, bounded lists of the documented shapes. Anything else is a register fault. */
export const ProfileAnswer = Type.Union([
  Type.Null(),
  Type.Object({
    provider: Type.String({ minLength: 1, maxLength: 100 }),
    country: Type.String({ minLength: 2, maxLength: 2 }),
    number: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.String({ minLength: 1, maxLength: 500 }),
    status: Type.String(),
    addresses: Type.Array(Address, { maxItems: 50 }),
    activityCodes: Type.Array(Text(32), { maxItems: 100 }),
    officers: Type.Array(Person, { maxItems: 1000 }),
    owners: Type.Array(Person, { maxItems: 1000 }),
    parents: Type.Array(Type.Object({ lei: Type.String() }), { maxItems: 50 }),
    asOf: Type.String(),
  }),
]);

const FAULT_STATUS = { rejected: 'REJECTED', timeout: 'TIMED_OUT', failure: 'FAILED', garbage: 'FAILED' } as const;

export interface RegisterCheckOutcome {
  status: RegisterCheckStatus;
  /** How long the register took to answer (ms, by the process's clock), for the log. */
  registerMs: number;
}

/**
 * The register check of a submitted case, run by the screening worker before it screens (so the
 * register's undeclared officers and owners are screened in the same pass). Due once after
 * submission and again for each automation run started since the last check; otherwise a no-op
 * (null). The provider serving the form's country is asked for the form's registration number;
 * a FOUND profile is compared with the form and the beneficiaries, and stored with its JSON and
 * PDF as the company's files. Every outcome, faults included, replaces the previous check in one
 * transaction with its audit entry: a fault is recorded, never thrown, never half-written.
 */
export async function checkCompanyRegister({ ctx, companyId }: { ctx: Ctx; companyId: string }): Promise<RegisterCheckOutcome | null> {
  const keyed = { ...ctx, keys: ctx.keys.fresh() };
  const stored = await ctx.db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
  if (!stored?.info || stored.submission_time === null) return null;
  const [previous, openRun] = await Promise.all([
    ctx.db.selectFrom('company_register_checks').select('checked_at').where('company_id', '=', companyId).executeTakeFirst(),
    ctx.db.selectFrom('automation_runs').select('requested_at').where('company_id', '=', companyId).where('finished_at', 'is', null).executeTakeFirst(),
  ]);
  if (previous && !(openRun && openRun.requested_at >= previous.checked_at)) return null;

  let form: FormCompany;
  let declared: DeclaredPerson[];
  try {
    form = JSON.parse((await openCompanyRow(ctx.db, keyed, stored)).info!) as FormCompany;
    declared = (await beneficiaryRows(ctx.db, keyed, companyId)).map(declaredOf);
  } catch (error) {
    // An erased company (its key deleted, its rows about to go) has nothing left to check.
    if (error instanceof MissingKeyError) return null;
    throw error;
  }
  const country = form.country ?? null;
  const number = form.registrationNumber?.trim() || null;
  const provider = country && number ? ctx.registries.providerFor(country, 'profile') : null;
  const started = Date.now();
  let status: RegisterCheckStatus = 'NOT_SERVED';
  let found: { profile: RegistryProfile; body: RegisterCheckBody; pdf: Buffer } | null = null;
  if (provider && country && number) {
    const answer = await callRegister(ctx, (signal) => provider.profile(country, number, signal), ProfileAnswer);
    if (!answer.ok) {
      status = FAULT_STATUS[answer.fault];
      // The fault's kind only: the provider's message may quote the registration number.
      if (answer.fault !== 'rejected') ctx.logger.warn({ companyId, provider: provider.id, fault: answer.fault }, 'register check failed');
    } else if (answer.value === null) {
      status = 'NOT_FOUND';
    } else {
      status = 'FOUND';
      const profile = answer.value;
      const body = { profile, comparison: compareWithRegister(form, profile), undeclared: undeclaredPersons(profile, declared) };
      // pdfkit (fonts, Unicode tables: tens of MB) is loaded at the first report, not at start-up.
      const { registerReportPdf } = await import('./register-report.js');
      found = { profile, body, pdf: await registerReportPdf({ ...body, checkedAt: ctx.clock.now() }) };
    }
  }
  const registerMs = Date.now() - started;

  await ctx.db.transaction().execute(async (trx) => {
    // The company may have been erased meanwhile: then there is nothing to record.
    if (!(await lockCompany(trx, companyId))) return;
    const now = ctx.clock.now();
    const old = await trx
      .selectFrom('company_register_checks')
      .select(['data_file_hash', 'report_file_hash'])
      .where('company_id', '=', companyId)
      .executeTakeFirst();
    await trx.deleteFrom('company_register_checks').where('company_id', '=', companyId).execute();
    const row: CompanyRegisterCheckRow = {
      id: newRowId(),
      partner_id: stored.partner_id,
      company_id: companyId,
      provider: provider?.id ?? null,
      country,
      registration_number: number,
      status,
      checked_at: now,
      body: null,
      data_file_hash: null,
      report_file_hash: null,
    };
    if (found) {
      row.body = await sealForCompany(trx, ctx, companyId, JSON.stringify(found.body));
      const data = await storeFile(trx, ctx, companyId, { bytes: Buffer.from(JSON.stringify(found.profile, null, 2)), mime: 'application/json', ext: 'json' });
      const report = await storeFile(trx, ctx, companyId, { bytes: found.pdf, mime: 'application/pdf', ext: 'pdf' });
      row.data_file_hash = data.hash;
      row.report_file_hash = report.hash;
    }
    await trx.insertInto('company_register_checks').values(row).execute();
    if (old)
      await releaseFiles(
        trx,
        ctx,
        [old.data_file_hash, old.report_file_hash].filter((hash): hash is string => hash !== null),
      );
    await recordAudit(trx, {
      partnerId: stored.partner_id,
      companyId,
      actor: { kind: 'system' },
      action: 'REGISTER_CHECKED',
      details: {
        checkId: row.id,
        status,
        provider: row.provider,
        ...(found
          ? {
              mismatches: found.body.comparison.filter((line) => line.match === 'NO_MATCH').map((line) => line.field),
              undeclaredPersons: found.body.undeclared.length,
            }
          : {}),
      },
      now,
    });
  });
  return { status, registerMs };
}

/** A beneficiary as the register comparison reads it: names only. */
export function declaredOf(row: { info_type: string; info: string }): DeclaredPerson {
  const info = JSON.parse(row.info) as Record<string, unknown>;
  const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : '');
  return row.info_type === 'INDIVIDUAL' ? { kind: 'individual', name: text('name'), surname: text('surname') } : { kind: 'company', name: text('companyName') };
}
