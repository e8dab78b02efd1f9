/**
 * What an ownership structure still lacks, by the flow's rules: the one definition that submit
 * checks on the server and the hosted form checks when the user leaves its ownership step, so
 * the two never disagree about what is missing.
 */
export interface StructureNode {
  id: string;
  parent: string | null;
  isCompany: boolean;
  roles: readonly string[];
  percentage: number | null;
}

export interface StructureRules {
  requiredRoles: readonly string[];
  /** ownershipFullStructure: someone is listed, and company owners are traced to individuals. */
  isFullStructure: boolean;
  /** Owners holding less than this need not be traced. */
  threshold: number | null;
}

export type StructureGap =
  | { kind: 'role'; role: string }
  | { kind: 'empty' }
  /** A company owner with no individual anywhere under it. */
  | { kind: 'ownersOf'; id: string }
  /** Shareholders listed under one owner (null: the company itself) hold more than 100 %. */
  | { kind: 'overHundred'; parent: string | null; total: number };

const OWNER_ROLES: ReadonlySet<string> = new Set(['SHAREHOLDER', 'UBO', 'ABO']);

export function structureGaps(nodes: readonly StructureNode[], rules: StructureRules): StructureGap[] {
  const gaps: StructureGap[] = [];
  for (const role of rules.requiredRoles) if (!nodes.some((n) => n.roles.includes(role))) gaps.push({ kind: 'role', role });
  const children = new Map<string | null, StructureNode[]>();
  for (const n of nodes) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  for (const [parent, list] of children) {
    const total = list.filter((n) => n.roles.includes('SHAREHOLDER')).reduce((sum, n) => sum + (n.percentage ?? 0), 0);
    if (total > 100 + 1e-9) gaps.push({ kind: 'overHundred', parent, total: Math.round(total * 100) / 100 });
  }
  if (!rules.isFullStructure) return gaps;
  if (nodes.length === 0) gaps.push({ kind: 'empty' });
  const hasIndividualBelow = (id: string): boolean => (children.get(id) ?? []).some((c) => !c.isCompany || hasIndividualBelow(c.id));
  for (const n of nodes) {
    if (!n.isCompany || !n.roles.some((r) => OWNER_ROLES.has(r))) continue;
    if (rules.threshold !== null && n.percentage !== null && n.percentage < rules.threshold) continue;
    if (!hasIndividualBelow(n.id)) gaps.push({ kind: 'ownersOf', id: n.id });
  }
  return gaps;
}
