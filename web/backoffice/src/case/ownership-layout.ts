import type { CompanyOwnership } from '../api/types.js';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 64;
const GAP_X = 30;
const GAP_Y = 70;
const MARGIN = 16;

export interface PlacedNode {
  id: string;
  name: string;
  kind: 'company' | 'person' | 'remainder';
  isRoot: boolean;
  isUbo: boolean;
  effectivePercentage: number | null;
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: PlacedNode;
  to: PlacedNode;
  percentage: number | null;
  isRemainder: boolean;
}

/**
 * A layered drawing: the company on top, its owners one row lower per level, and each
 * company's unexplained remainder as a dashed box among its owners. Rows are centred; the
 * graph is a tree per path, so layers need no crossing minimisation to stay readable.
 */
export function layoutOwnership(ownership: CompanyOwnership): { nodes: PlacedNode[]; edges: PlacedEdge[]; width: number; height: number } {
  const ubo = new Set(ownership.persons.filter((p) => p.isUbo).flatMap((p) => p.beneficiaryIds));
  const rows = new Map<number, Omit<PlacedNode, 'x' | 'y'>[]>();
  const add = (depth: number, node: Omit<PlacedNode, 'x' | 'y'>) => rows.set(depth, [...(rows.get(depth) ?? []), node]);
  const depthOf = new Map<string, number>();
  for (const node of ownership.nodes) {
    depthOf.set(node.id, node.depth);
    add(node.depth, {
      id: node.id,
      name: node.name,
      kind: node.infoType === 'COMPANY' ? 'company' : 'person',
      isRoot: node.isRoot,
      isUbo: ubo.has(node.id),
      effectivePercentage: node.effectivePercentage,
    });
  }
  const remainderEdges: Array<{ from: string; to: string; percentage: number }> = [];
  for (const r of ownership.remainders) {
    if (r.remainderPercentage <= 0) continue;
    const id = `remainder:${r.id}`;
    add((depthOf.get(r.id) ?? 0) + 1, { id, name: '', kind: 'remainder', isRoot: false, isUbo: false, effectivePercentage: null });
    remainderEdges.push({ from: r.id, to: id, percentage: r.remainderPercentage });
  }
  const widest = Math.max(1, ...[...rows.values()].map((row) => row.length));
  const width = MARGIN * 2 + widest * NODE_WIDTH + (widest - 1) * GAP_X;
  const placed = new Map<string, PlacedNode>();
  const depths = [...rows.keys()].sort((a, b) => a - b);
  depths.forEach((depth, level) => {
    const row = rows.get(depth)!;
    const rowWidth = row.length * NODE_WIDTH + (row.length - 1) * GAP_X;
    row.forEach((node, i) => {
      placed.set(node.id, { ...node, x: (width - rowWidth) / 2 + i * (NODE_WIDTH + GAP_X), y: MARGIN + level * (NODE_HEIGHT + GAP_Y) });
    });
  });
  const edges: PlacedEdge[] = [];
  for (const edge of ownership.edges) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (from && to) edges.push({ from, to, percentage: edge.percentage, isRemainder: false });
  }
  for (const edge of remainderEdges) edges.push({ from: placed.get(edge.from)!, to: placed.get(edge.to)!, percentage: edge.percentage, isRemainder: true });
  return { nodes: [...placed.values()], edges, width, height: MARGIN * 2 + depths.length * NODE_HEIGHT + Math.max(0, depths.length - 1) * GAP_Y };
}
