import type { SosReportDocument } from '../../schemas/gov-checks.js';
import type { PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';
import { presentSosReport } from './present-sos-report.js';

/** One of the partner's SOS reports; another partner's is not found. */
export async function getSosReport({ ctx, id }: { ctx: PartnerCtx; id: string }): Promise<SosReportDocument> {
  const row = await ctx.db.selectFrom('sos_reports').selectAll().where('id', '=', id).where('partner_id', '=', ctx.partnerId).executeTakeFirst();
  if (!row) throw notFound('SOS report');
  return presentSosReport(ctx, row);
}
