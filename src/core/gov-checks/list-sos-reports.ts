import type { SosListQuery, SosReportDocument } from '../../schemas/gov-checks.js';
import type { PartnerCtx } from '../context.js';
import { timeRange } from '../time-range.js';
import { GOV_LIST_LIMIT } from './list-document-orders.js';
import { presentSosReport } from './present-sos-report.js';

/** The partner's SOS reports, newest first; `checkedAt` is a `from,to` range. */
export async function listSosReports({ ctx, query }: { ctx: PartnerCtx; query: SosListQuery }): Promise<SosReportDocument[]> {
  const [from, to] = timeRange('checkedAt', query.checkedAt);
  let select = ctx.db.selectFrom('sos_reports').selectAll().where('partner_id', '=', ctx.partnerId);
  if (from !== null) select = select.where('checked_at', '>=', from);
  if (to !== null) select = select.where('checked_at', '<', to);
  if (query.status) select = select.where('status', '=', query.status);
  const rows = await select.orderBy('created_at', 'desc').orderBy('id').limit(GOV_LIST_LIMIT).execute();
  return rows.map((row) => presentSosReport(ctx, row));
}
