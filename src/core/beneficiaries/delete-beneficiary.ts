import { recordAudit } from '../audit/record-audit.js';
import { conflict, fieldErrors } from '../errors.js';
import { releaseFiles } from '../files/stored-files.js';
import { editForm, loadFlow, type FormCtx } from '../forms/access.js';
import { loadBeneficiary } from './read-beneficiaries.js';
import { assertItemsOpen, beneficiaryItem } from '../review/open-items.js';
import { checkAgainstFlow } from './rules.js';
import { registerLocks } from '../gov-sessions/gov-session.js';

/**
 * Deletes a beneficiary and its documents. A company beneficiary with owners under it is
 * refused: deleting a subtree silently would lose people the user may not have meant to remove.
 */
export async function deleteBeneficiary({ ctx, id }: { ctx: FormCtx; id: string }): Promise<void> {
  await editForm(ctx, async (trx, company) => {
    const row = await loadBeneficiary(trx, ctx, company.id, id);
    assertItemsOpen(company, ctx.access, [beneficiaryItem(id, JSON.parse(row.beneficiary_types) as string[])]);
    const errors = fieldErrors();
    checkAgainstFlow(await loadFlow(trx, company), JSON.parse(row.beneficiary_types) as string[], row.info_type, ctx.access.actor, errors);
    if (Object.keys(errors).length > 0 && ctx.access.actor.kind === 'client') throw conflict('This beneficiary is read-only in this form.');
    if ((await registerLocks(trx, ctx.access)).beneficiaries.has(id))
      throw conflict('This beneficiary comes from the company register in this session (GOV2); it cannot be deleted.');
    const child = await trx.selectFrom('beneficiaries').select('id').where('parent_id', '=', id).executeTakeFirst();
    if (child) throw conflict('This company beneficiary has beneficiaries under it; delete them first.');
    const documents = await trx.selectFrom('documents').select('file_hash').where('beneficiary_id', '=', id).execute();
    await trx.deleteFrom('documents').where('beneficiary_id', '=', id).execute();
    await trx.deleteFrom('beneficiaries').where('id', '=', id).execute();
    await releaseFiles(
      trx,
      ctx,
      documents.map((d) => d.file_hash),
    );
    await recordAudit(trx, { ...ctx.access, action: 'BENEFICIARY_DELETED', details: { beneficiaryId: id }, now: ctx.clock.now() });
  });
}
