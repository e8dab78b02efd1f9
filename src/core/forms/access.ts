import { needsRowLocks, type Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import { prepared } from '../../db/prepared.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { openCompanyRow } from './company-row.js';
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

const selectCompany = prepared((db, p: { id: string; partnerId: string }) =>
  db.selectFrom('companies').selectAll().where('id', '=', p.id).where('partner_id', '=', p.partnerId),
);
const selectCompanyForUpdate = prepared((db, p: { id: string; partnerId: string }) =>
  db.selectFrom('companies').selectAll().where('id', '=', p.id).where('partner_id', '=', p.partnerId).forUpdate(),
);

/**
 * The company, scoped to the partner: another partner's company is "not found". Inside a
 * transaction on PostgreSQL the row is locked, so the form's writes (and submit) run one at a
 * time, as SQLite's write lock makes them anyway: no upload can slip in after a submit checked.
 */
export async function loadCompany(db: Db, ctx: FormCtx): Promise<CompanyRow> {
  const { access } = ctx;
  const select = needsRowLocks(db) ? selectCompanyForUpdate : selectCompany;
  const [company] = await select(db, { id: access.companyId, partnerId: access.partnerId });
  if (!company) throw notFound('Form');
  return openCompanyRow(db, ctx, company);
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

const selectFlowDefinition = prepared((db, p: { id: string }) => db.selectFrom('flows').select('definition').where('id', '=', p.id));

/** The flow the form is checked against; null means every field and object may be present. */
export async function loadFlow(db: Db, company: Pick<CompanyRow, 'flow_id'>): Promise<KybFormUnifiedFlow | null> {
  if (!company.flow_id) return null;
  const [row] = await selectFlowDefinition(db, { id: company.flow_id });
  return row ? (JSON.parse(row.definition) as KybFormUnifiedFlow) : null;
}
