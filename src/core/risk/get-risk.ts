import type { Db } from '../../db/database.js';
import type { RiskAssessment } from '../../schemas/risk.js';
import type { PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';
import { presentAssessment } from './present-risk.js';

/** The latest assessment of one of the partner's companies; 404 for another partner's or none yet. */
export async function getCompanyRisk({ ctx, input }: { ctx: PartnerCtx; input: { companyId: string } }): Promise<RiskAssessment> {
  const company = await ctx.db
    .selectFrom('companies')
    .select('id')
    .where('id', '=', input.companyId)
    .where('partner_id', '=', ctx.partnerId)
    .executeTakeFirst();
  if (!company) throw notFound('Company');
  const latest = await latestAssessment(ctx.db, company.id);
  if (!latest) throw notFound('Risk assessment');
  return latest;
}

/** For the company detail and the PDF: pass it to presentRiskSummary for iDenfy's shape. */
export async function latestAssessment(db: Db, companyId: string): Promise<RiskAssessment | null> {
  const row = await db
    .selectFrom('risk_assessments')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? presentAssessment(row) : null;
}
