import { newRowId } from '../../db/row-id.js';
import { dialectOf, type Db } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { KybTokenRow } from '../../db/tables.js';
import type { KybToken, KybTokenRequest } from '../../schemas/token.js';
import { auditAppendOn, auditAppendValues, partnerActor, recordPartnerAudit, type AuditAppendValues } from '../audit/record-audit.js';
import { findLiveEntry, findQuestionnaireByKey } from '../catalog/find-entry.js';
import type { PartnerCtx } from '../context.js';
import { keyedHash, randomString } from '../crypto.js';
import { withIdempotency, type IdempotencyRequest, type IdempotentResult } from '../idempotency/with-idempotency.js';
import { settingsOf } from '../partners/settings.js';
import { presentToken } from './present-token.js';

/** 40 characters of [A-Za-z0-9]: 238 bits, the shape of iDenfy's token strings. */
const TOKEN_LENGTH = 40;

/**
 * Issues a KYB session token and reserves its company, so `companyId` is known at once.
 * `flow` and `theme`: omitted means the partner default, null means none. The questionnaire
 * is the flow's when a flow is in effect; otherwise the named key, none for null, or the default.
 */
export async function createToken({
  ctx,
  input,
  idempotency,
}: {
  ctx: PartnerCtx;
  input: KybTokenRequest;
  idempotency?: IdempotencyRequest;
}): Promise<IdempotentResult<KybToken>> {
  // PostgreSQL without an Idempotency-Key: the company, the token and the audit entry are one
  // statement (below), atomic and durable on its own, so no transaction is opened around it.
  if (!idempotency && dialectOf(ctx.db) === 'postgres') return { body: await insertToken(ctx.db, ctx, input), replayed: false };
  return withIdempotency(ctx, idempotency, (db) => insertToken(db, ctx, input));
}

async function insertToken(db: Db, ctx: PartnerCtx, input: KybTokenRequest): Promise<KybToken> {
  const settings = await settingsOf(db, ctx);
  const flowId = await resolveReference(db, ctx, 'flows', input.flow, settings.defaultFlowId);
  const themeId = await resolveReference(db, ctx, 'themes', input.theme, settings.defaultThemeId);
  const questionnaireId = await resolveQuestionnaire(db, ctx, input.questionnaire, flowId, settings.defaultQuestionnaireId);

  const now = ctx.clock.now();
  const tokenString = randomString(TOKEN_LENGTH);
  const companyId = newRowId();
  const row: KybTokenRow = {
    id: newRowId(),
    partner_id: ctx.partnerId,
    token_hash: keyedHash(ctx.pepper, tokenString),
    token_type: input.tokenType,
    client_id: input.clientId,
    external_ref: input.externalRef ?? null,
    locale: input.locale ?? null,
    flow_id: flowId,
    theme_id: themeId,
    questionnaire_id: questionnaireId,
    questionnaire_required: input.questionnaireRequired === false ? 0 : 1,
    tags: JSON.stringify(input.tags ?? []),
    scan_refs: JSON.stringify(input.scanRefs ?? null),
    company_id: companyId,
    expires_at: now + (input.lifetime ?? 3600) * 1000,
    deactivated_at: null,
    created_at: now,
  };
  const audit = {
    companyId,
    action: 'TOKEN_CREATED',
    now,
    details: { tokenId: row.id, tokenType: row.token_type, flowId, themeId, questionnaireId, expiresAt: row.expires_at },
  };
  if (dialectOf(db) === 'postgres') {
    // The company, its token and the audit entry in one statement: one round trip, and the
    // partner's audit head is locked only while it runs.
    const [appended] = await insertCompanyTokenAndAudit(db, { ...row, ...auditAppendValues({ partnerId: ctx.partnerId, actor: partnerActor(ctx), ...audit }) });
    if (!appended) throw new Error('token created without its audit entry');
  } else {
    await insertCompany(db, row);
    await insertTokenRow(db, row);
    await recordPartnerAudit(db, ctx, audit);
  }
  return presentToken(row, tokenString, now);
}

/** The company a token reserves, from the token row that carries all it needs. */
const companyValues = (p: KybTokenRow) => ({
  id: p.company_id,
  partner_id: p.partner_id,
  client_id: p.client_id,
  external_ref: p.external_ref,
  status: 'PENDING' as const,
  created_at: p.created_at,
  updated_at: p.created_at,
  sole_proprietor: 0,
  flow_id: p.flow_id,
  questionnaire_id: p.questionnaire_id,
  questionnaire_required: p.questionnaire_required,
});

const tokenValues = (p: KybTokenRow) => ({
  id: p.id,
  partner_id: p.partner_id,
  token_hash: p.token_hash,
  token_type: p.token_type,
  client_id: p.client_id,
  external_ref: p.external_ref,
  locale: p.locale,
  flow_id: p.flow_id,
  theme_id: p.theme_id,
  questionnaire_id: p.questionnaire_id,
  questionnaire_required: p.questionnaire_required,
  tags: p.tags,
  scan_refs: p.scan_refs,
  company_id: p.company_id,
  expires_at: p.expires_at,
  deactivated_at: p.deactivated_at,
  created_at: p.created_at,
});

const insertCompany = prepared((db, p: KybTokenRow) => db.insertInto('companies').values(companyValues(p)));

export const insertTokenRow = prepared((db, p: KybTokenRow) => db.insertInto('kyb_tokens').values(tokenValues(p)));

// PostgreSQL checks the token's foreign key to the company at the end of the statement, when
// the CTE's row exists.
const insertCompanyTokenAndAudit = prepared((db, p: KybTokenRow & AuditAppendValues) =>
  auditAppendOn(
    db.with('company', (q) => q.insertInto('companies').values(companyValues(p))).with('token', (q) => q.insertInto('kyb_tokens').values(tokenValues(p))),
    p,
  ),
);

async function resolveReference(
  db: Db,
  ctx: PartnerCtx,
  table: 'flows' | 'themes',
  requested: string | null | undefined,
  fallback: string | null,
): Promise<string | null> {
  if (requested === undefined) return fallback;
  if (requested === null) return null;
  return (await findLiveEntry(db, ctx.partnerId, table, requested, table === 'flows' ? 'flow' : 'theme')).id;
}

async function resolveQuestionnaire(
  db: Db,
  ctx: PartnerCtx,
  requestedKey: string | null | undefined,
  flowId: string | null,
  fallback: string | null,
): Promise<string | null> {
  if (flowId) {
    const flow = await db.selectFrom('flows').select('questionnaire_id').where('id', '=', flowId).executeTakeFirstOrThrow();
    return flow.questionnaire_id;
  }
  if (requestedKey === undefined) return fallback;
  if (requestedKey === null) return null;
  return (await findQuestionnaireByKey(db, ctx.partnerId, requestedKey, 'questionnaire')).id;
}
