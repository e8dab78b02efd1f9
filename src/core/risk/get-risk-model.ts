import type { RiskModel } from '../../schemas/risk.js';
import type { PartnerCtx } from '../context.js';
import { presentRiskModel, readRiskModel } from './risk-model.js';

export async function getRiskModel({ ctx }: { ctx: PartnerCtx }): Promise<RiskModel> {
  return presentRiskModel(await readRiskModel(ctx.db, ctx.partnerId));
}
