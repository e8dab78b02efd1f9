/**
 * The ownership engine: pure, no database. From the beneficiary tree (each node's share of its
 * direct parent; the root is the client company) it derives every person's effective ownership
 * over every path, the UBOs at a threshold, what each company leaves unexplained, control roles
 * and depth. The input is untrusted in shape: cycles, dangling parents and missing or
 * over-declared percentages are reported, never looped on or thrown.
 */

export const DEFAULT_UBO_THRESHOLD = 25;
/** Beneficiary types that mean "owns"; the others (CEO, REPRESENTATIVE) are control roles. */
const OWNER_TYPES = new Set(['SHAREHOLDER', 'UBO', 'ABO']);
const CONTROL_TYPES = new Set(['CEO', 'REPRESENTATIVE']);
/** Shares are compared with this tolerance: 3 × 33.333… % is 100 %. */
const EPSILON = 1e-9;

export interface OwnershipNodeInput {
  id: string;
  /** null: directly under the client company. */
  parentId: string | null;
  kind: 'INDIVIDUAL' | 'COMPANY';
  /** Share of the direct parent, 0..100; null when not declared. */
  percentage: number | null;
  types: string[];
  positions: string[];
  /** Beneficiaries with the same key are one person (listed under several companies). Defaults to the id. */
  personKey?: string;
}

export interface OwnershipPath {
  /** Beneficiary ids from the top (a direct owner of the company) down to the person. */
  beneficiaryIds: string[];
  /** The product of the shares along the path; null when one of them is not declared. */
  percentage: number | null;
}

export interface PersonOwnership {
  /** The first beneficiary row of this person (in input order). */
  id: string;
  beneficiaryIds: string[];
  /** Summed over every path with known shares. */
  effectivePercentage: number;
  /** A path with an undeclared share exists: the true figure may be higher. */
  hasUnknownShare: boolean;
  isUbo: boolean;
  isDeclaredUbo: boolean;
  paths: OwnershipPath[];
}

export interface CompanyRemainder {
  /** The beneficiary id, or null for the client company itself. */
  id: string | null;
  declaredPercentage: number;
  /** 100 % minus the declared shares of its owners, never negative. */
  remainderPercentage: number;
  isOverDeclared: boolean;
  /** Owners listed under it without a share. */
  undeclaredOwners: number;
}

export interface ControlRole {
  beneficiaryId: string;
  types: string[];
  positions: string[];
  isOwner: boolean;
}

export type OwnershipProblemCode = 'UNREACHABLE' | 'MISSING_PERCENTAGE' | 'OVER_DECLARED';
export interface OwnershipProblem {
  beneficiaryId: string | null;
  code: OwnershipProblemCode;
  message: string;
}

export interface NodeOwnership {
  id: string;
  parentId: string | null;
  depth: number;
  /** Product of the shares from the client company down to this node; null when one is missing. */
  effectivePercentage: number | null;
}

export interface OwnershipResult {
  threshold: number;
  /** 0 without beneficiaries; 1 when only direct owners; each layer of companies adds one. */
  maxDepth: number;
  nodes: NodeOwnership[];
  persons: PersonOwnership[];
  remainders: CompanyRemainder[];
  /** The part of the company not traced to a person (100 % minus the persons' effective shares, never negative). */
  unexplainedPercentage: number;
  controlRoles: ControlRole[];
  problems: OwnershipProblem[];
}

export const roundShare = (value: number) => Math.round(value * 1e6) / 1e6;
const isOwnerNode = (n: OwnershipNodeInput) => n.percentage !== null || n.types.some((t) => OWNER_TYPES.has(t));

export function computeOwnership(input: OwnershipNodeInput[], threshold = DEFAULT_UBO_THRESHOLD): OwnershipResult {
  const byId = new Map(input.map((n) => [n.id, n]));
  const children = new Map<string | null, OwnershipNodeInput[]>();
  for (const node of input) {
    // Only companies (and the root) can own; a parent that is missing or an individual makes the node unreachable.
    const parent = node.parentId === null ? null : byId.get(node.parentId);
    if (node.parentId !== null && parent?.kind !== 'COMPANY') continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }

  // Breadth-first from the root: a node is visited once, so a cycle in the input cannot loop.
  const reached = new Map<string, { node: NodeOwnership; path: string[]; shares: Array<number | null> }>();
  const queue: Array<{ parentId: string | null; path: string[]; shares: Array<number | null>; depth: number }> = [
    { parentId: null, path: [], shares: [], depth: 0 },
  ];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const child of children.get(at.parentId) ?? []) {
      if (reached.has(child.id)) continue;
      const path = [...at.path, child.id];
      const shares = [...at.shares, child.percentage];
      const node = { id: child.id, parentId: child.parentId, depth: at.depth + 1, effectivePercentage: product(shares) };
      reached.set(child.id, { node, path, shares });
      if (child.kind === 'COMPANY') queue.push({ parentId: child.id, path, shares, depth: at.depth + 1 });
    }
  }

  const problems: OwnershipProblem[] = [];
  for (const node of input) {
    if (!reached.has(node.id))
      problems.push({
        beneficiaryId: node.id,
        code: 'UNREACHABLE',
        message: 'not connected to the company (missing parent, a parent that is not a company, or a cycle)',
      });
    else if (node.percentage === null && node.types.some((t) => OWNER_TYPES.has(t))) {
      problems.push({ beneficiaryId: node.id, code: 'MISSING_PERCENTAGE', message: 'an owner without an ownership percentage' });
    }
  }

  const remainders = [null, ...input.filter((n) => n.kind === 'COMPANY' && reached.has(n.id)).map((n) => n.id)].map((id) =>
    remainderOf(id, children.get(id) ?? []),
  );
  for (const r of remainders.filter((x) => x.isOverDeclared)) {
    problems.push({ beneficiaryId: r.id, code: 'OVER_DECLARED', message: `owners declared ${r.declaredPercentage} %, over 100 %` });
  }

  const persons = personsOf(
    input.filter((n) => n.kind === 'INDIVIDUAL' && reached.has(n.id)),
    reached,
    threshold,
  );
  const traced = persons.reduce((sum, p) => sum + p.effectivePercentage, 0);
  const nodes = [...reached.values()].map((r) => r.node);
  const unexplained = 100 - traced;
  for (const node of nodes) if (node.effectivePercentage !== null) node.effectivePercentage = roundShare(node.effectivePercentage);
  for (const p of persons) p.effectivePercentage = roundShare(p.effectivePercentage);
  return {
    threshold,
    maxDepth: nodes.reduce((max, n) => Math.max(max, n.depth), 0),
    nodes,
    persons,
    remainders,
    unexplainedPercentage: unexplained < EPSILON ? 0 : roundShare(unexplained),
    controlRoles: input
      .filter((n) => reached.has(n.id) && (n.types.some((t) => CONTROL_TYPES.has(t)) || n.positions.length > 0))
      .map((n) => ({
        beneficiaryId: n.id,
        types: n.types.filter((t) => CONTROL_TYPES.has(t)),
        positions: n.positions,
        isOwner: isOwnerNode(n) && (n.percentage ?? 1) > 0,
      })),
    problems,
  };
}

/** Unrounded: sums are taken first, rounding happens once, in the output. */
function product(shares: Array<number | null>): number | null {
  let result = 100;
  for (const share of shares) {
    if (share === null) return null;
    result = (result * share) / 100;
  }
  return result;
}

function remainderOf(id: string | null, owned: OwnershipNodeInput[]): CompanyRemainder {
  const owners = owned.filter(isOwnerNode);
  const declared = owners.reduce((sum, n) => sum + (n.percentage ?? 0), 0);
  return {
    id,
    declaredPercentage: roundShare(declared),
    remainderPercentage: 100 - declared < EPSILON ? 0 : roundShare(100 - declared),
    isOverDeclared: declared > 100 + EPSILON,
    undeclaredOwners: owners.filter((n) => n.percentage === null).length,
  };
}

function personsOf(individuals: OwnershipNodeInput[], reached: Map<string, { path: string[]; node: NodeOwnership }>, threshold: number): PersonOwnership[] {
  const byKey = new Map<string, PersonOwnership>();
  for (const row of individuals) {
    const key = row.personKey ?? row.id;
    const person = byKey.get(key) ?? {
      id: row.id,
      beneficiaryIds: [],
      effectivePercentage: 0,
      hasUnknownShare: false,
      isUbo: false,
      isDeclaredUbo: false,
      paths: [],
    };
    byKey.set(key, person);
    const { path, node } = reached.get(row.id)!;
    person.beneficiaryIds.push(row.id);
    person.isDeclaredUbo ||= row.types.includes('UBO');
    // A director listed without a share owns nothing through this row; it is not a path.
    if (!isOwnerNode(row)) continue;
    person.paths.push({ beneficiaryIds: path, percentage: node.effectivePercentage === null ? null : roundShare(node.effectivePercentage) });
    if (node.effectivePercentage === null) person.hasUnknownShare = true;
    else person.effectivePercentage += node.effectivePercentage;
  }
  const persons = [...byKey.values()];
  for (const person of persons) person.isUbo = person.effectivePercentage + EPSILON >= threshold;
  return persons;
}
