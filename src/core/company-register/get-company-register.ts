import type { CompanyRegister } from '../../schemas/company-register.js';
import type { PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';
import { loadRegisterCheck } from './register-check.js';
import { presentPick } from './present-pick.js';
import { presentDataMatching } from './present-register.js';

/**
 * The case's latest register check for the reviewer (GET /v1/companies/{id}/register/): the
 * register's profile, the form compared with it, and the officers and owners the client did not
 * declare with their screening status. Another partner's company is "not found".
 */
export async function getCompanyRegister({ ctx, companyId }: { ctx: PartnerCtx; companyId: string }): Promise<CompanyRegister> {
  const company = await ctx.db.selectFrom('companies').select('id').where('id', '=', companyId).where('partner_id', '=', ctx.partnerId).executeTakeFirst();
  if (!company) throw notFound('Company');
  const [check, pick] = await Promise.all([loadRegisterCheck(ctx.db, ctx, companyId), presentPick(ctx, companyId)]);
  if (!check) {
    return {
      companyId,
      status: 'NOT_CHECKED',
      checkedAt: null,
      provider: null,
      country: null,
      registrationNumber: null,
      profile: null,
      dataMatching: null,
      pick,
      undeclaredPersons: [],
    };
  }
  const { row, body } = check;
  const subjects = new Map(
    (
      await ctx.db
        .selectFrom('screening_subjects')
        .select(['subject_id', 'status'])
        .where('company_id', '=', companyId)
        .where('subject_type', '=', 'REGISTER_PERSON')
        .execute()
    ).map((s) => [s.subject_id, s.status]),
  );
  return {
    companyId,
    status: row.status as CompanyRegister['status'],
    checkedAt: new Date(Number(row.checked_at)).toISOString(),
    provider: row.provider,
    country: row.country,
    registrationNumber: row.registration_number,
    profile: body?.profile ?? null,
    dataMatching: presentDataMatching(check),
    pick,
    undeclaredPersons: (body?.undeclared ?? []).map((person) => ({
      key: person.key,
      kind: person.kind,
      name: person.name,
      roles: person.roles,
      positions: person.positions,
      natureOfControl: person.natureOfControl,
      sharesMin: person.sharesMin ?? null,
      sharesMax: person.sharesMax ?? null,
      birthMonth: person.birthMonth ?? null,
      nationality: person.nationality ?? null,
      countryOfResidence: person.countryOfResidence ?? null,
      registrationNumber: person.registrationNumber ?? null,
      sanctionsCheckStatus: (subjects.get(person.key) ?? 'NOT_CHECKED') as CompanyRegister['undeclaredPersons'][number]['sanctionsCheckStatus'],
    })),
  };
}
