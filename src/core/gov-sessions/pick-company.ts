import type { CompanyRow, GovSessionRow } from '../../db/tables.js';
import type { RegistryProfile } from '../../registries/provider.js';
import type { CompanyInfoRequest } from '../../schemas/company.js';
import type { Static } from 'typebox';
import type { RegistryPickRequest, RegistryPickResult } from '../../schemas/gov-session.js';
import { parseRecordJson } from '../../shared/records.js';
import { recordAudit } from '../audit/record-audit.js';
import { insertBeneficiary } from '../beneficiaries/create-beneficiary.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import { declaredOf, ProfileAnswer } from '../company-register/check-company-register.js';
import { assertValid, conflict, fieldErrors, invalidField } from '../errors.js';
import { assertEditable, loadCompany, loadFlow, type FormCtx } from '../forms/access.js';
import { applyCompanyInfo, type StoredCompanyInfo } from '../forms/company-info.js';
import { sealClientSystem, sealCompanyInfo } from '../forms/company-row.js';
import { fieldProperty } from '../forms/custom-fields.js';
import { presentCompany } from '../forms/present-form.js';
import { callRegister, valueOrThrow } from '../gov-checks/call-register.js';
import { sealForCompany } from '../privacy/seal.js';
import { assertItemsOpen, changedCompanyItems } from '../review/open-items.js';
import { companySearchColumns } from '../review/search-text.js';
import { companyFieldsFromProfile, isCountry, proposalsFromProfile, registerGivenFields } from './from-profile.js';
import { isPicked, presentRegistrySession, type RegisterBeneficiary } from './gov-session.js';
import { assertGovSession } from './pick-rules.js';

/**
 * The client picks its company from a register search. The server reads the profile from the
 * provider itself (nothing the client sends about the company is trusted but the provider, the
 * country and the number), then in one transaction: stores the pick with the profile sealed,
 * pre-fills the company step (creating the form if it does not exist yet), and in GOV2 adds the
 * register's officers and owners as beneficiaries and locks what the register gave. GOV1
 * proposes them instead (the client accepts, corrects or leaves each one) and may pick again;
 * GOV2 picks once. A register fault is `502 REGISTRY_UNAVAILABLE` before anything is written.
 */
export async function pickCompany({ ctx, input }: { ctx: FormCtx; input: RegistryPickRequest }): Promise<Static<typeof RegistryPickResult>> {
  const before = await loadCompany(ctx.db, ctx);
  assertEditable(before, ctx.access);
  const mode = await assertGovSession(ctx.db, before);
  // Checked again under the lock below; here so that a refused second pick does not wait for the register.
  if (mode === 'GOV2' && (await isPicked(ctx.db, before.id))) throw alreadyPicked();
  const provider = ctx.registries.byId(input.provider);
  if (!provider || !servesProfile(provider, input.country)) {
    throw invalidField('provider', `no configured register "${input.provider}" serves "${input.country}" (docs/registries.md)`);
  }
  if (!isCountry(input.country)) throw invalidField('country', 'is not a country of the form');
  const country = input.country;
  const answer = await callRegister(ctx, (signal) => provider.profile(country, input.number, signal), ProfileAnswer);
  const profile = valueOrThrow(ctx, answer, 'number') as RegistryProfile | null;
  if (profile === null) throw invalidField('number', 'the register does not know this registration number');

  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadCompany(trx, ctx);
    assertEditable(company, ctx.access);
    const previous = await isPicked(trx, company.id);
    if (previous && mode === 'GOV2') throw alreadyPicked();
    const flow = await loadFlow(trx, company);
    const current = company.info === null ? null : parseRecordJson<StoredCompanyInfo>(company.info);
    const fromRegister = keepPartnerReadOnly(companyFieldsFromProfile(profile, country), current, flow?.fields ?? []);
    const errors = fieldErrors();
    // The register, not the client, writes here: a read-only field of the flow that is still
    // empty is filled (keepPartnerReadOnly left out the ones the partner filled), so the
    // client's read-only check does not apply (no flow), and no custom field is touched.
    const info = applyCompanyInfo(
      current,
      fromRegister as Partial<CompanyInfoRequest>,
      { merge: true, flow: null, actor: ctx.access.actor, path: 'company' },
      errors,
    );
    assertValid(errors);
    if (current) assertItemsOpen(company, ctx.access, changedCompanyItems(current, info));

    const now = ctx.clock.now();
    const next: CompanyRow & { info: string } = { ...company, info: JSON.stringify(info), updated_at: now };
    await trx
      .updateTable('companies')
      .set({
        info: await sealCompanyInfo(trx, ctx, company.id, info),
        updated_at: now,
        ...companySearchColumns(info),
        ...(current ? {} : { client_system: await sealClientSystem(trx, ctx, company.id, '{}'), form_created_at: now }),
      })
      .where('id', '=', company.id)
      .execute();
    if (!current) {
      next.client_system = '{}';
      next.form_created_at = now;
      await recordAudit(trx, { ...ctx.access, action: 'FORM_CREATED', details: { fromRegister: true }, now });
    }

    const added: RegisterBeneficiary[] = [];
    if (mode === 'GOV2') {
      const declared = (await beneficiaryRows(trx, ctx, company.id)).map(declaredOf);
      for (const [i, proposal] of proposalsFromProfile(profile, declared, flow).entries()) {
        const row = await insertBeneficiary(trx, ctx, next, flow, proposal.beneficiary, `beneficiaries.${i}`);
        added.push({ id: row.id, fields: registerGivenFields(proposal.beneficiary) });
      }
    }
    const row: GovSessionRow = {
      company_id: company.id,
      partner_id: company.partner_id,
      token_type: mode,
      provider: provider.id,
      country,
      company_number: profile.number,
      profile: await sealForCompany(trx, ctx, company.id, JSON.stringify(profile)),
      locked_fields: JSON.stringify(mode === 'GOV2' ? Object.keys(fromRegister) : []),
      register_beneficiaries: JSON.stringify(added),
      picked_at: now,
    };
    await trx.deleteFrom('gov_sessions').where('company_id', '=', company.id).execute();
    await trx.insertInto('gov_sessions').values(row).execute();
    // Ids and outcomes only: the register's names stay in the sealed profile.
    await recordAudit(trx, {
      ...ctx.access,
      action: 'REGISTRY_PICKED',
      details: { mode, provider: provider.id, repicked: previous, fields: Object.keys(fromRegister), beneficiariesAdded: added.map((b) => b.id) },
      now,
    });
    return { registry: await presentRegistrySession(trx, ctx, company.id, mode, flow), company: presentCompany(next, flow) };
  });
}

const alreadyPicked = () => conflict('The company was already picked from the register in this GOV2 session; the register is its source.');

function servesProfile(provider: { countries: readonly string[] | '*'; capabilities: readonly string[] }, country: string): boolean {
  return provider.capabilities.includes('profile') && (provider.countries === '*' || provider.countries.includes(country.toUpperCase()));
}

/** A field the flow makes read-only and the partner already filled in stays the partner's: the register does not overwrite it. */
function keepPartnerReadOnly(
  fields: Partial<StoredCompanyInfo>,
  current: StoredCompanyInfo | null,
  rules: ReadonlyArray<{ field: string; readOnly?: boolean }>,
): Partial<StoredCompanyInfo> {
  if (!current) return fields;
  const kept = { ...fields } as Record<string, unknown>;
  for (const rule of rules) {
    const property = fieldProperty(rule.field);
    const value = (current as Record<string, unknown>)[property];
    if (rule.readOnly && value !== undefined && value !== null) delete kept[property];
  }
  return kept as Partial<StoredCompanyInfo>;
}
