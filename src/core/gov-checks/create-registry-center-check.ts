import { randomUUID } from 'node:crypto';
import { REGISTRY_CENTER_RESULTS, type RegistryCenterCheck, type RegistryCenterCheckRequest } from '../../schemas/gov-checks.js';
import type { RegistryCenterDatabase } from '../../shared/gov-checks.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { keyedHash } from '../crypto.js';
import { invalidField } from '../errors.js';
import { sealForCompany } from '../privacy/seal.js';
import { callRegister, providerOrRefuse, valueOrThrow } from './call-register.js';
import { checkedFieldsOf, overallStatus, personNames } from './registry-center-fields.js';

/** The register country each registry-center database lives in. */
const COUNTRY_OF: Readonly<Record<RegistryCenterDatabase, string>> = { LT: 'LT', HU: 'HU', UK: 'GB', US_15: 'US' };

/**
 * A person-register check, answered at once (iDenfy answers 201 with the result). A register
 * fault is a 502 and nothing is stored; a stored check holds its request and result sealed
 * with its own data key (the check's id owns the key), and keyed hashes of the names for the
 * list's `name` and `surname` filters.
 */
export async function createRegistryCenterCheck({ ctx, input }: { ctx: PartnerCtx; input: RegistryCenterCheckRequest }): Promise<RegistryCenterCheck> {
  const database = input.database as RegistryCenterDatabase;
  const provider = providerOrRefuse(ctx, COUNTRY_OF[database], 'registryCenter', 'database');
  if (!provider.registryCenterCheck) throw invalidField('database', `the register for ${database} does not run person checks`);
  const fields = input as Record<string, unknown>;
  const result = valueOrThrow(
    ctx,
    await callRegister(ctx, (signal) => provider.registryCenterCheck!({ database, fields }, signal), REGISTRY_CENTER_RESULTS[database]),
    'database',
  );
  const id = randomUUID();
  const check: RegistryCenterCheck = { id, ...fields, clientId: fields.clientId ?? null, ...result, database };
  const now = ctx.clock.now();
  const names = personNames(check);
  const hash = (value: string | null) => (value === null ? null : keyedHash(ctx.pepper, `registry-center-name:${value.trim().toLowerCase()}`));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('registry_center_checks')
      .values({
        id,
        partner_id: ctx.partnerId,
        provider: provider.id,
        database,
        client_id: (fields.clientId as string | null | undefined) ?? null,
        name_hash: hash(names.name),
        surname_hash: hash(names.surname),
        checked_fields: JSON.stringify(checkedFieldsOf(fields)),
        status: overallStatus(database, result),
        body: await sealForCompany(trx, ctx, id, JSON.stringify(check)),
        created_at: now,
      })
      .execute();
    await recordPartnerAudit(trx, ctx, { action: 'registry_center.checked', details: { checkId: id, database, provider: provider.id }, now });
  });
  return check;
}
