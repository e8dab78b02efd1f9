import { Compile } from 'typebox/compile';
import type { SosReportRow } from '../../db/tables.js';
import type { SosReport, SosReportQuery } from '../../registries/provider.js';
import type { Ctx } from '../context.js';
import { storeFile } from '../files/stored-files.js';
import { callRegister } from './call-register.js';
import { afterFault, claimDue, settle, type Settlement } from './deliveries.js';
import { SosAnswer } from './register-answers.js';
import { presentSosReport } from './present-sos-report.js';

const sosCheck = Compile(SosAnswer);
/** A report the vendor gave: its fields valid (SosAnswer) and its PDF real bytes. */
const isSosAnswer = (value: unknown) => (value === null || Buffer.isBuffer((value as SosReport).report)) && sosCheck.Check(value);

/**
 * Fetches one due Secretary-of-State report, if any (the worker calls it until it answers
 * false): its data (JSON) and report (PDF) are stored as files encrypted with a data key the
 * report owns, and SOS_REPORT is sent once the report is final. A company no state register
 * knows is FINISHED with no data: a business outcome, not a fault.
 */
export async function deliverSosReport({ ctx }: { ctx: Ctx }): Promise<boolean> {
  const claimed = await claimDue(ctx, 'sos_reports');
  if (!claimed) return false;
  const { row } = claimed;
  const provider = ctx.registries.byId(row.provider) ?? ctx.registries.providerFor('US', 'sos');
  const query = JSON.parse(row.request) as SosReportQuery;
  const answer = provider?.sosReport
    ? await callRegister(ctx, (signal) => provider.sosReport!(query, signal), isSosAnswer)
    : ({ ok: false, fault: 'rejected', message: '' } as const);
  await settle(ctx, 'sos_reports', claimed, {
    patch: async (trx): Promise<Partial<SosReportRow> & Settlement> => {
      if (!answer.ok) return afterFault(ctx, row.attempts, answer.fault);
      const done = { status: 'FINISHED' as const, attempts: row.attempts + 1, next_attempt_at: null, last_error: null, checked_at: ctx.clock.now() };
      const report = answer.value;
      if (!report) return done;
      const data = await storeFile(trx, ctx, row.id, { bytes: Buffer.from(JSON.stringify(report.data)), mime: 'application/json', ext: 'json' });
      const pdf = await storeFile(trx, ctx, row.id, { bytes: report.report, mime: 'application/pdf', ext: 'pdf' });
      return {
        ...done,
        company_name: report.companyName,
        formation_date: report.formationDate,
        entity_type: report.entityType,
        watchlist_hits_count: report.watchlistHitsCount,
        data_file_hash: data.hash,
        report_file_hash: pdf.hash,
      };
    },
    event: { type: 'SOS_REPORT', present: (current) => presentSosReport(ctx, current), action: 'sos_report.delivered' },
  });
  return true;
}
