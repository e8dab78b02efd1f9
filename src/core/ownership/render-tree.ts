import type { OwnershipNodeInput, OwnershipResult } from './engine.js';

const pct = (value: number | null) => (value === null ? 'share not declared' : `${value} %`);

/**
 * The ownership tree as plain text, one line per beneficiary, indented under its parent, with
 * its declared share, its effective share and what each company leaves unexplained. For the
 * PDF and the CLI; names come from the caller so this module never sees personal data itself.
 */
export function renderOwnershipTree({
  companyName,
  input,
  result,
  nameOf,
}: {
  companyName: string;
  input: OwnershipNodeInput[];
  result: OwnershipResult;
  nameOf: (beneficiaryId: string) => string;
}): string {
  const byId = new Map(input.map((n) => [n.id, n]));
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  const remainders = new Map(result.remainders.map((r) => [r.id, r]));
  const ubos = new Set(result.persons.filter((p) => p.isUbo).flatMap((p) => p.beneficiaryIds));
  const children = new Map<string | null, string[]>();
  for (const node of result.nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);

  const lines = [`${companyName} (unexplained ${pct(remainders.get(null)!.remainderPercentage)})`];
  const walk = (parentId: string | null, indent: string) => {
    const ids = children.get(parentId) ?? [];
    ids.forEach((id, i) => {
      const last = i === ids.length - 1;
      const input = byId.get(id)!;
      const effective = nodes.get(id)!.effectivePercentage;
      const notes = [
        ...(input.kind === 'COMPANY' ? ['company'] : []),
        ...(effective !== null ? [`effective ${effective} %`] : []),
        ...(ubos.has(id) ? ['UBO'] : []),
        ...input.types.filter((t) => t === 'CEO' || t === 'REPRESENTATIVE'),
      ].join(', ');
      const remainder = input.kind === 'COMPANY' ? `; unexplained ${pct(remainders.get(id)!.remainderPercentage)}` : '';
      // A director without a share owns nothing: no "share not declared" for them.
      const isOwner = input.percentage !== null || input.types.some((t) => t === 'SHAREHOLDER' || t === 'UBO' || t === 'ABO');
      lines.push(`${indent}${last ? '└─ ' : '├─ '}${nameOf(id)}${isOwner ? `: ${pct(input.percentage)}` : ''} (${notes}${remainder})`);
      walk(id, indent + (last ? '   ' : '│  '));
    });
  };
  walk(null, '');
  lines.push(`UBO threshold ${result.threshold} %; not traced to a person: ${result.unexplainedPercentage} %`);
  for (const problem of result.problems) lines.push(`! ${problem.beneficiaryId === null ? companyName : nameOf(problem.beneficiaryId)}: ${problem.message}`);
  return `${lines.join('\n')}\n`;
}
