import { compareWithRegister, type FormCompany } from '../../registries/compare-profile.js';
import type { RegisterPick } from '../../schemas/company-register.js';
import type { PartnerCtx } from '../context.js';
import { openCompanyRow } from '../forms/company-row.js';
import { govSessionRow, openProfile } from '../gov-sessions/gov-session.js';
import { MissingKeyError } from '../privacy/company-keys.js';

/**
 * What the client picked from the register in a GOV1 or GOV2 session (core/gov-sessions), as the
 * server read it at the pick, beside the form as it is now: each field the register gave,
 * compared as the register check compares them. A line that is not a MATCH is a value changed
 * after the pick (by the client in GOV1; only by the partner in GOV2). Null for a FORM session, before
 * the pick, and for an erased case.
 */
export async function presentPick(ctx: PartnerCtx, companyId: string): Promise<RegisterPick | null> {
  const row = await govSessionRow(ctx.db, companyId);
  if (!row) return null;
  const stored = await ctx.db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
  if (!stored) return null;
  try {
    const profile = await openProfile(ctx.db, ctx, row);
    const info = (await openCompanyRow(ctx.db, ctx, stored)).info;
    const form = (info ? JSON.parse(info) : {}) as FormCompany;
    return {
      mode: row.token_type === 'GOV2' ? 'GOV2' : 'GOV1',
      provider: row.provider,
      country: row.country,
      registrationNumber: row.company_number,
      companyName: profile.name,
      pickedAt: new Date(Number(row.picked_at)).toISOString(),
      lockedFields: JSON.parse(row.locked_fields) as string[],
      profile,
      formComparison: compareWithRegister(form, profile),
    };
  } catch (error) {
    if (error instanceof MissingKeyError) return null;
    throw error;
  }
}
