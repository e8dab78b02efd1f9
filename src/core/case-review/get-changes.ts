import type { CaseChanges } from '../../schemas/case-review.js';
import type { PartnerCtx } from '../context.js';
import { loadReviewCompany } from '../review/load-company.js';
import { lastSnapshots, type Snapshot } from './snapshots.js';

type Change = CaseChanges['company'][number];

const own = (object: object | null | undefined, key: string): unknown =>
  object && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
// Absent and null are one state, as in the form's own comparisons (core/review/open-items.ts).
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The paths (`a.b`) whose values differ between two JSON objects, nested objects walked. */
function diff(before: object | null | undefined, after: object | null | undefined, prefix = ''): Change[] {
  const changes: Change[] = [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  for (const key of keys) {
    const a = own(before, key);
    const b = own(after, key);
    const path = prefix ? `${prefix}.${key}` : key;
    const isNested = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
    if ((isNested(a) || a == null) && (isNested(b) || b == null) && (isNested(a) || isNested(b))) changes.push(...diff(a as object, b as object, path));
    else if (!same(a, b)) changes.push({ path, before: a ?? null, after: b ?? null });
  }
  return changes;
}

/**
 * What changed between the case's last two submissions: company fields, beneficiaries
 * (added, removed, or which fields changed), documents (added, removed) and answers. A case
 * submitted once has nothing to compare: every list is empty and previousSubmission is null.
 */
export async function getCaseChanges({ ctx, companyId }: { ctx: PartnerCtx; companyId: string }): Promise<CaseChanges> {
  await loadReviewCompany(ctx.db, ctx.partnerId, companyId);
  const [last, previous] = await lastSnapshots(ctx.db, ctx, companyId);
  const result: CaseChanges = {
    lastSubmission: last ? new Date(last.submittedAt).toISOString() : null,
    previousSubmission: previous ? new Date(previous.submittedAt).toISOString() : null,
    company: [],
    beneficiaries: [],
    documents: [],
    answers: [],
  };
  if (!last || !previous) return result;
  const [before, after] = [previous.snapshot, last.snapshot];
  result.company = diff(before.company, after.company);
  result.beneficiaries = beneficiaryChanges(before, after);
  const beforeDocs = new Set(before.documents.map((d) => d.id));
  const afterDocs = new Set(after.documents.map((d) => d.id));
  result.documents = [
    ...after.documents.filter((d) => !beforeDocs.has(d.id)).map((d) => ({ id: d.id, type: d.type, filename: d.filename, change: 'ADDED' as const })),
    ...before.documents.filter((d) => !afterDocs.has(d.id)).map((d) => ({ id: d.id, type: d.type, filename: d.filename, change: 'REMOVED' as const })),
  ];
  result.answers = diff(before.answers, after.answers).map((change) => ({ ...change, path: change.path.replace(/\.value$/, '') }));
  return result;
}

function beneficiaryChanges(before: Snapshot, after: Snapshot): CaseChanges['beneficiaries'] {
  const old = new Map(before.beneficiaries.map((b) => [b.id, b]));
  const now = new Map(after.beneficiaries.map((b) => [b.id, b]));
  const fieldsOf = (b: Snapshot['beneficiaries'][number]) => ({ ...b.info, types: b.types, ownershipPercentage: b.ownershipPercentage, parent: b.parent });
  const changes: CaseChanges['beneficiaries'] = [];
  for (const b of after.beneficiaries) {
    const was = old.get(b.id);
    if (!was) changes.push({ id: b.id, name: b.name, change: 'ADDED', fields: [] });
    else {
      const fields = diff(fieldsOf(was), fieldsOf(b));
      if (fields.length > 0) changes.push({ id: b.id, name: b.name, change: 'CHANGED', fields });
    }
  }
  for (const b of before.beneficiaries) if (!now.has(b.id)) changes.push({ id: b.id, name: b.name, change: 'REMOVED', fields: [] });
  return changes;
}
