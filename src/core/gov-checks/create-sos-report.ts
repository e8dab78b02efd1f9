import { randomUUID } from 'node:crypto';
import type { SosReportDocument, SosReportParameterRequest } from '../../schemas/gov-checks.js';
import { notifyWork } from '../../db/notify.js';
import { WORK_TOPIC } from '../work-requests.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { invalidField } from '../errors.js';
import { providerOrRefuse } from './call-register.js';
import { presentSosReport } from './present-sos-report.js';

/**
 * Asks for a US Secretary-of-State report: stored IN_PROGRESS and answered 201 at once; the
 * worker fetches it (deliver-sos-report.ts) and sends SOS_REPORT when it is final.
 */
export async function createSosReport({ ctx, input }: { ctx: PartnerCtx; input: SosReportParameterRequest }): Promise<SosReportDocument> {
  const provider = providerOrRefuse(ctx, 'US', 'sos', 'state');
  if (!provider.sosReport) throw invalidField('state', 'the configured US register does not give Secretary-of-State reports');
  const now = ctx.clock.now();
  const row = {
    id: randomUUID(),
    partner_id: ctx.partnerId,
    provider: provider.id,
    request: JSON.stringify(input),
    status: 'IN_PROGRESS',
    created_at: now,
    checked_at: null,
    company_name: null,
    formation_date: null,
    entity_type: null,
    watchlist_hits_count: null,
    data_file_hash: null,
    report_file_hash: null,
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('sos_reports').values(row).execute();
    await notifyWork(trx, WORK_TOPIC.registers);
    await recordPartnerAudit(trx, ctx, { action: 'sos_report.requested', details: { reportId: row.id, provider: provider.id }, now });
  });
  return presentSosReport(ctx, row);
}
