import { needsRowLocks } from '../../db/database.js';
import type { RiskModel, RiskModelDefinition } from '../../schemas/risk.js';
import type { PartnerCtx } from '../context.js';
import { assertValid } from '../errors.js';
import { requestRiskOfOpenCases } from './request-risk.js';
import { checkRiskModel, presentRiskModel, readRiskModel } from './risk-model.js';

/**
 * Saves a new version of the partner's model (older versions stay: assessments name the one
 * they used) and, in the same transaction, asks for every open assessed case to be assessed
 * again. The worker does that in batches, so a partner with many cases gets a quick answer.
 */
export async function updateRiskModel({
  ctx,
  input,
}: {
  ctx: PartnerCtx;
  input: RiskModelDefinition & { version?: unknown; isDefault?: unknown; updatedAt?: unknown };
}): Promise<RiskModel> {
  const { version: _version, isDefault: _isDefault, updatedAt: _updatedAt, ...definition } = input;
  assertValid(checkRiskModel(definition));
  return ctx.db.transaction().execute(async (trx) => {
    // Two saves at once take turns (SQLite's write lock does this by itself).
    if (needsRowLocks(trx)) await trx.selectFrom('partners').select('id').where('id', '=', ctx.partnerId).forUpdate().execute();
    const current = await readRiskModel(trx, ctx.partnerId);
    const now = ctx.clock.now();
    const saved = { definition, version: current.version + 1, createdAt: now };
    await trx
      .insertInto('risk_models')
      .values({ partner_id: ctx.partnerId, version: saved.version, model: JSON.stringify(definition), created_at: now })
      .execute();
    const queued = await requestRiskOfOpenCases(trx, ctx.partnerId, now);
    ctx.logger.info({ partnerId: ctx.partnerId, version: saved.version, queued }, 'risk model saved');
    return presentRiskModel(saved);
  });
}
