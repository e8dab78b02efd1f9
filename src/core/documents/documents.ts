import { newRowId } from '../../db/row-id.js';
import type { Db } from '../../db/database.js';
import type { CompanyRow, DocumentRow } from '../../db/tables.js';
import type { DocumentCreateInput, DocumentUpdateInput, KybFormDocument } from '../../schemas/document.js';
import { COMPANY_DOCUMENT_TYPES, INDIVIDUAL_DOCUMENT_TYPES } from '../../shared/enums.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalidField, notFound } from '../errors.js';
import { decodeUpload, type DecodedUpload } from '../files/decode-upload.js';
import { MAX_DOCUMENTS_PER_FORM } from '../forms/limits.js';
import { releaseFiles, storeFile } from '../files/stored-files.js';
import { editForm, loadForm, type FormCtx } from '../forms/access.js';
import { loadBeneficiary } from '../beneficiaries/read-beneficiaries.js';
import { sealNullable } from '../privacy/seal.js';
import { openDocumentRows, presentDocuments } from './present-document.js';
import { assertItemsOpen, beneficiaryItem, openInfoRequest, type Touched } from '../review/open-items.js';

// Company documents (beneficiaryId null) and beneficiary documents share these verbs.

const COMPANY_TYPES = new Set<string>(COMPANY_DOCUMENT_TYPES);
const INDIVIDUAL_TYPES = new Set<string>(INDIVIDUAL_DOCUMENT_TYPES);

export interface DocumentTarget {
  beneficiaryId: string | null;
}

/** Which types an owner takes: individuals use IndividualKybDocTypeEnum, companies KybDocumentTypeEnum. */
async function allowedTypes(db: Db, ctx: FormCtx, company: CompanyRow, target: DocumentTarget): Promise<Set<string>> {
  if (!target.beneficiaryId) return COMPANY_TYPES;
  const beneficiary = await loadBeneficiary(db, ctx, company.id, target.beneficiaryId);
  return beneficiary.info_type === 'INDIVIDUAL' ? INDIVIDUAL_TYPES : COMPANY_TYPES;
}

/**
 * While information is requested the client may change a company document of an open type
 * (`documents.<TYPE>`), or any document of an open beneficiary.
 */
async function assertDocumentsOpen(db: Db, ctx: FormCtx, company: CompanyRow, target: DocumentTarget, types: string[]): Promise<void> {
  if (ctx.access.actor.kind !== 'client' || !openInfoRequest(company)) return;
  let touched: Touched[] = types.map((type) => [`documents.${type}`]);
  if (target.beneficiaryId) {
    const beneficiary = await loadBeneficiary(db, ctx, company.id, target.beneficiaryId);
    touched = [beneficiaryItem(beneficiary.id, JSON.parse(beneficiary.beneficiary_types) as string[])];
  }
  assertItemsOpen(company, ctx.access, touched);
}

function checkType(type: string, allowed: Set<string>, field = 'type'): void {
  if (!allowed.has(type)) throw invalidField(field, `must be one of: ${[...allowed].join(', ')}`);
}

export interface CheckedDocument {
  target: DocumentTarget;
  type: string;
  filename: string | null;
  upload: DecodedUpload;
}

/** Checks a document (type, content, size, the form's document limit) without storing anything. */
export async function checkDocument(
  db: Db,
  ctx: FormCtx,
  company: CompanyRow,
  target: DocumentTarget,
  input: DocumentCreateInput,
  path = '',
): Promise<CheckedDocument> {
  checkType(input.type, await allowedTypes(db, ctx, company, target), path ? `${path}.type` : 'type');
  const count = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('company_id', '=', company.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_DOCUMENTS_PER_FORM) {
    throw invalidField('documents', `a form holds at most ${MAX_DOCUMENTS_PER_FORM} documents; delete one first`);
  }
  const upload = decodeUpload(input.file, ctx.files.maxUploadBytes, path ? `${path}.file` : 'file');
  return { target, type: input.type, filename: input.filename ?? null, upload };
}

/** Stores a checked document's file and row (inside the caller's transaction). */
export async function insertDocument(db: Db, ctx: FormCtx, company: CompanyRow, checked: CheckedDocument): Promise<DocumentRow> {
  const { target, upload } = checked;
  const input = { type: checked.type, filename: checked.filename };
  const file = await storeFile(db, ctx, company.id, upload);
  const row: DocumentRow = {
    id: newRowId(),
    company_id: company.id,
    beneficiary_id: target.beneficiaryId,
    type: input.type,
    filename: input.filename ?? null,
    file_hash: file.hash,
    created_at: ctx.clock.now(),
  };
  // A file name often carries the person's name ("passport-jane-doe.pdf"): sealed like the rest.
  await db
    .insertInto('documents')
    .values({ ...row, filename: await sealNullable(db, ctx, company.id, row.filename) })
    .execute();
  await recordAudit(db, {
    ...ctx.access,
    action: 'DOCUMENT_UPLOADED',
    details: { documentId: row.id, type: row.type, beneficiaryId: row.beneficiary_id, mime: file.mime, size: file.size },
    now: row.created_at,
  });
  return row;
}

export async function createDocument({ ctx, target, input }: { ctx: FormCtx; target: DocumentTarget; input: DocumentCreateInput }): Promise<KybFormDocument> {
  return editForm(ctx, async (trx, company) => {
    await assertDocumentsOpen(trx, ctx, company, target, [input.type]);
    const row = await insertDocument(trx, ctx, company, await checkDocument(trx, ctx, company, target, input));
    return (await presentDocuments(trx, ctx, [row]))[0]!;
  });
}

export async function listDocuments({
  ctx,
  target,
  filter = {},
}: {
  ctx: FormCtx;
  target: DocumentTarget;
  filter?: { types?: string[]; excludeTypes?: string[] };
}): Promise<KybFormDocument[]> {
  const company = await loadForm(ctx.db, ctx);
  if (target.beneficiaryId) await loadBeneficiary(ctx.db, ctx, company.id, target.beneficiaryId);
  let query = ctx.db.selectFrom('documents').selectAll().where('company_id', '=', company.id);
  query = target.beneficiaryId ? query.where('beneficiary_id', '=', target.beneficiaryId) : query.where('beneficiary_id', 'is', null);
  if (filter.types?.length) query = query.where('type', 'in', filter.types);
  if (filter.excludeTypes?.length) query = query.where('type', 'not in', filter.excludeTypes);
  return presentDocuments(ctx.db, ctx, await openDocumentRows(ctx.db, ctx, await query.orderBy('created_at').orderBy('id').execute()));
}

async function loadDocument(db: Db, ctx: FormCtx, company: CompanyRow, target: DocumentTarget, id: string): Promise<DocumentRow> {
  if (target.beneficiaryId) await loadBeneficiary(db, ctx, company.id, target.beneficiaryId);
  let query = db.selectFrom('documents').selectAll().where('id', '=', id).where('company_id', '=', company.id);
  query = target.beneficiaryId ? query.where('beneficiary_id', '=', target.beneficiaryId) : query.where('beneficiary_id', 'is', null);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Document');
  return (await openDocumentRows(db, ctx, [row]))[0]!;
}

export async function getDocument({ ctx, target, id }: { ctx: FormCtx; target: DocumentTarget; id: string }): Promise<KybFormDocument> {
  const company = await loadForm(ctx.db, ctx);
  return (await presentDocuments(ctx.db, ctx, [await loadDocument(ctx.db, ctx, company, target, id)]))[0]!;
}

/**
 * PUT replaces the type and file name (an absent name becomes null); PATCH changes what it
 * names. The file itself cannot be replaced: delete the document and upload again.
 */
export async function updateDocument({
  ctx,
  target,
  id,
  input,
  merge,
}: {
  ctx: FormCtx;
  target: DocumentTarget;
  id: string;
  input: DocumentUpdateInput;
  merge: boolean;
}): Promise<KybFormDocument> {
  return editForm(ctx, async (trx, company) => {
    const row = await loadDocument(trx, ctx, company, target, id);
    if (input.type !== undefined) checkType(input.type, await allowedTypes(trx, ctx, company, target));
    await assertDocumentsOpen(trx, ctx, company, target, [...new Set([row.type, input.type ?? row.type])]);
    const filename = input.filename !== undefined ? input.filename : merge ? row.filename : null;
    const next = { ...row, type: input.type ?? row.type, filename };
    await trx
      .updateTable('documents')
      .set({ type: next.type, filename: await sealNullable(trx, ctx, company.id, next.filename) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { ...ctx.access, action: 'DOCUMENT_UPDATED', details: { documentId: id, type: next.type }, now: ctx.clock.now() });
    return (await presentDocuments(trx, ctx, [next]))[0]!;
  });
}

/** Deletes a document; its file goes too once nothing else refers to it. */
export async function deleteDocument({ ctx, target, id }: { ctx: FormCtx; target: DocumentTarget; id: string }): Promise<void> {
  await editForm(ctx, async (trx, company) => {
    const row = await loadDocument(trx, ctx, company, target, id);
    await assertDocumentsOpen(trx, ctx, company, target, [row.type]);
    await trx.deleteFrom('documents').where('id', '=', id).execute();
    await releaseFiles(trx, ctx, [row.file_hash]);
    await recordAudit(trx, { ...ctx.access, action: 'DOCUMENT_DELETED', details: { documentId: id }, now: ctx.clock.now() });
  });
}
