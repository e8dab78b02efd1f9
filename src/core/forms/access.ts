import { needsRowLocks, type Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import { prepared } from '../../db/prepared.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { openCompanyRow } from './company-row.js';
import { rememberReadKey } from '../privacy/company-keys.js';
import { openInfoRequest } from '../review/open-items.js';

/**
 * Who acts on a form: the client with its token, or the partner, through a key pair or one of
 * its managers signed in to the back office (both act with the partner's rights on the form).
 */
export type Actor = { kind: 'client'; tokenId: string } | { kind: 'partner'; keyId: string } | { kind: 'manager'; managerId: number };

/** A form as one actor may reach it; the HTTP layer builds it from the credentials. */
export interface FormAccess {
  partnerId: string;
  companyId: string;
  actor: Actor;
}

export interface FormCtx extends Ctx {
  access: FormAccess;
}

/**
 * The company with, in the same statement, its data key (to open its sealed fields) and its
 * flow's definition (which most form verbs check against): three round trips in one on
 * PostgreSQL, for every form request.
 */
const companyWithKeyAndFlow = (db: Db, p: { id: string; partnerId: string }) =>
  db
    .selectFrom('companies')
    .leftJoin('company_keys', 'company_keys.company_id', 'companies.id')
    .leftJoin('flows', 'flows.id', 'companies.flow_id')
    .selectAll('companies')
    .select(['company_keys.wrapped_key', 'company_keys.master_key_id', 'flows.definition as flow_definition'])
    .where('companies.id', '=', p.id)
    .where('companies.partner_id', '=', p.partnerId);
const selectCompany = prepared(companyWithKeyAndFlow);
const selectCompanyForUpdate = prepared((db, p: { id: string; partnerId: string }) => companyWithKeyAndFlow(db, p).forUpdate('companies'));

/** Flow definitions read with the company row they belong to (loadFlow then needs no statement). */
const flowsReadWith = new WeakMap<object, string | null>();

/**
 * The company, scoped to the partner: another partner's company is "not found". Inside a
 * transaction on PostgreSQL the row is locked, so the form's writes (and submit) run one at a
 * time, as SQLite's write lock makes them anyway: no upload can slip in after a submit checked.
 */
export async function loadCompany(db: Db, ctx: FormCtx): Promise<CompanyRow> {
  const { access } = ctx;
  const select = needsRowLocks(db) ? selectCompanyForUpdate : selectCompany;
  const [row] = await select(db, { id: access.companyId, partnerId: access.partnerId });
  if (!row) throw notFound('Form');
  const { wrapped_key, master_key_id, flow_definition, ...company } = row;
  // Not for an erased company: on PostgreSQL a read that waited for the row lock re-reads the
  // company but not the joined key, which the erasure deleted meanwhile.
  if (company.erased_at === null) rememberReadKey(db, ctx.keys, company.id, { wrapped_key, master_key_id });
  const opened = await openCompanyRow(db, ctx, company);
  if (company.flow_id !== null) flowsReadWith.set(opened, flow_definition);
  return opened;
}

/** The company once its form exists (POST /kyb/forms/ was called). */
export async function loadForm(db: Db, ctx: FormCtx): Promise<CompanyRow & { info: string }> {
  const company = await loadCompany(db, ctx);
  if (company.info === null) throw notFound('Form');
  return company as CompanyRow & { info: string };
}

export function isSubmitted(company: Pick<CompanyRow, 'submission_time'>): boolean {
  return company.submission_time !== null;
}

/**
 * After submit the form is read-only to the client, unless a reviewer requested more
 * information (then only the open items may change: assertItemsOpen); the partner may still
 * correct it.
 */
export function assertEditable(company: CompanyRow, access: FormAccess): void {
  if (access.actor.kind === 'client' && isSubmitted(company) && !openInfoRequest(company)) {
    throw conflict('The form was submitted and is read-only.');
  }
}

/**
 * A change to the form: one transaction over the form loaded (and locked, see loadCompany) and
 * checked editable by this actor, so no writer can forget either.
 */
export async function editForm<T>(ctx: FormCtx, change: (trx: Db, company: CompanyRow & { info: string }) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadForm(trx, ctx);
    assertEditable(company, ctx.access);
    return change(trx, company);
  });
}

const selectFlowDefinition = prepared((db, p: { id: string }) => db.selectFrom('flows').select('definition').where('id', '=', p.id));

/** The flow the form is checked against; null means every field and object may be present. */
export async function loadFlow(db: Db, company: Pick<CompanyRow, 'flow_id'>): Promise<KybFormUnifiedFlow | null> {
  if (!company.flow_id) return null;
  const definition = flowsReadWith.has(company) ? flowsReadWith.get(company) : (await selectFlowDefinition(db, { id: company.flow_id }))[0]?.definition;
  return definition ? (JSON.parse(definition) as KybFormUnifiedFlow) : null;
}
