import { describe, expect, it } from 'vitest';
import { structureGaps, type StructureNode } from './ownership-gaps.js';

const node = (id: string, over: Partial<StructureNode> = {}): StructureNode => ({
  id,
  parent: null,
  isCompany: false,
  roles: ['SHAREHOLDER'],
  percentage: null,
  ...over,
});
const full = { requiredRoles: [], isFullStructure: true, threshold: 25 };

describe('structureGaps', () => {
  it('names each required role nobody holds', () => {
    expect(structureGaps([node('a', { roles: ['CEO'] })], { requiredRoles: ['CEO', 'SHAREHOLDER'], isFullStructure: false, threshold: null })).toEqual([
      { kind: 'role', role: 'SHAREHOLDER' },
    ]);
  });

  it('asks for someone when the full structure is required and nobody is listed', () => {
    expect(structureGaps([], full)).toEqual([{ kind: 'empty' }]);
    expect(structureGaps([], { ...full, isFullStructure: false })).toEqual([]);
  });

  it('names a company owner with no individual under it, until one is added at any depth', () => {
    const holding = node('h', { isCompany: true, percentage: 60 });
    const sub = node('s', { isCompany: true, parent: 'h', percentage: 100 });
    expect(structureGaps([holding, sub], full)).toEqual([
      { kind: 'ownersOf', id: 'h' },
      { kind: 'ownersOf', id: 's' },
    ]);
    expect(structureGaps([holding, sub, node('p', { parent: 's', percentage: 100 })], full)).toEqual([]);
    // A company holding less than the threshold need not be traced.
    expect(structureGaps([node('small', { isCompany: true, percentage: 10 })], full)).toEqual([]);
    // A company that only represents (no owner role) is not an owner.
    expect(structureGaps([node('rep', { isCompany: true, roles: ['REPRESENTATIVE'] })], full)).toEqual([]);
  });

  it('names the owner whose shareholders add up to more than 100 %', () => {
    const nodes = [node('a', { percentage: 70 }), node('b', { percentage: 40.004 })];
    expect(structureGaps(nodes, { ...full, isFullStructure: false })).toEqual([{ kind: 'overHundred', parent: null, total: 110 }]);
  });
});
