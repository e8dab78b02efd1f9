import { describe, expect, it } from 'vitest';
import { computeOwnership, type OwnershipNodeInput } from './engine.js';
import { renderOwnershipTree } from './render-tree.js';

const node =
  (kind: OwnershipNodeInput['kind']) =>
  (id: string, parentId: string | null, percentage: number | null, extra: Partial<OwnershipNodeInput> = {}): OwnershipNodeInput => ({
    id,
    parentId,
    kind,
    percentage,
    types: ['SHAREHOLDER'],
    positions: [],
    ...extra,
  });
const person = node('INDIVIDUAL');
const company = node('COMPANY');

describe('ownership engine', () => {
  it('sums a person owning through two paths: 40 % directly and 50 % of a 60 % holding = 70 %', () => {
    const result = computeOwnership([
      person('anna-direct', null, 40, { personKey: 'anna' }),
      company('holding', null, 60),
      person('anna-via-holding', 'holding', 50, { personKey: 'anna' }),
      person('ben', 'holding', 50),
    ]);
    const anna = result.persons.find((p) => p.id === 'anna-direct')!;
    expect(anna.effectivePercentage).toBe(70);
    expect(anna.beneficiaryIds).toEqual(['anna-direct', 'anna-via-holding']);
    expect(anna.paths).toEqual([
      { beneficiaryIds: ['anna-direct'], percentage: 40 },
      { beneficiaryIds: ['holding', 'anna-via-holding'], percentage: 30 },
    ]);
    expect(anna.isUbo).toBe(true);
    expect(result.persons.find((p) => p.id === 'ben')).toMatchObject({ effectivePercentage: 30, isUbo: true });
    expect(result.unexplainedPercentage).toBe(0);
    expect(result.maxDepth).toBe(2);
  });

  it('multiplies down three levels: 80 % × 50 % × 50 % = 20 %, under the 25 % threshold', () => {
    const result = computeOwnership([
      company('a', null, 80),
      company('b', 'a', 50),
      person('p', 'b', 50),
      person('q', 'b', 50),
      person('r', 'a', 50),
      person('s', null, 20),
    ]);
    expect(result.maxDepth).toBe(3);
    expect(result.nodes.find((n) => n.id === 'p')).toMatchObject({ depth: 3, effectivePercentage: 20 });
    expect(result.persons.map((p) => [p.id, p.effectivePercentage, p.isUbo])).toEqual([
      ['p', 20, false],
      ['q', 20, false],
      ['r', 40, true],
      ['s', 20, false],
    ]);
    expect(result.unexplainedPercentage).toBe(0);
    expect(result.remainders.every((r) => r.remainderPercentage === 0)).toBe(true);
  });

  it('uses the threshold it is given: at 20 % the 20 % owners are UBOs (boundary included)', () => {
    const result = computeOwnership([company('a', null, 80), company('b', 'a', 50), person('p', 'b', 50)], 20);
    expect(result.threshold).toBe(20);
    expect(result.persons[0]).toMatchObject({ effectivePercentage: 20, isUbo: true });
  });

  it('terminates on a cycle and dangling parents, reporting those nodes as unreachable', () => {
    const result = computeOwnership([
      person('root-owner', null, 100),
      // x and y own each other: a cycle with no way up to the company
      ...(['x', 'y'] as const).map((id) => company(id, id === 'x' ? 'y' : 'x', 50)),
      person('z', 'x', 100),
      person('orphan', 'missing', 10),
      person('under-person', 'root-owner', 10),
    ]);
    expect(result.nodes.map((n) => n.id)).toEqual(['root-owner']);
    expect(result.problems.filter((p) => p.code === 'UNREACHABLE').map((p) => p.beneficiaryId)).toEqual(['x', 'y', 'z', 'orphan', 'under-person']);
    expect(result.persons.map((p) => p.id)).toEqual(['root-owner']);
  });

  it('flags over 100 % declared under one company, with a remainder of 0, not negative', () => {
    const result = computeOwnership([person('a', null, 70), company('h', null, 50), person('b', 'h', 80), person('c', 'h', 30)]);
    expect(result.remainders.find((r) => r.id === null)).toEqual({
      id: null,
      declaredPercentage: 120,
      remainderPercentage: 0,
      isOverDeclared: true,
      undeclaredOwners: 0,
    });
    expect(result.remainders.find((r) => r.id === 'h')).toMatchObject({ declaredPercentage: 110, remainderPercentage: 0, isOverDeclared: true });
    expect(result.problems.filter((p) => p.code === 'OVER_DECLARED').map((p) => p.beneficiaryId)).toEqual([null, 'h']);
    expect(result.unexplainedPercentage).toBe(0);
  });

  it('keeps a missing percentage unknown: the path has no figure, the person is marked, the company remainder excludes it', () => {
    const result = computeOwnership([company('h', null, 60), person('p', 'h', null), person('q', 'h', 40), person('d', null, 10)]);
    const p = result.persons.find((x) => x.id === 'p')!;
    expect(p).toMatchObject({ effectivePercentage: 0, hasUnknownShare: true, isUbo: false, paths: [{ beneficiaryIds: ['h', 'p'], percentage: null }] });
    expect(result.persons.find((x) => x.id === 'q')!.effectivePercentage).toBe(24);
    expect(result.remainders.find((r) => r.id === 'h')).toMatchObject({ declaredPercentage: 40, remainderPercentage: 60, undeclaredOwners: 1 });
    expect(result.remainders.find((r) => r.id === null)).toMatchObject({ declaredPercentage: 70, remainderPercentage: 30 });
    expect(result.problems).toEqual([{ beneficiaryId: 'p', code: 'MISSING_PERCENTAGE', message: expect.any(String) }]);
    // 100 − (24 + 10): the holding's undeclared 60 % of 60 % and the root's 30 % are untraced.
    expect(result.unexplainedPercentage).toBe(66);
  });

  it('lists directors without shares as control roles, not owners, and 1/3 shares add up to 100 %', () => {
    const third = 100 / 3;
    const result = computeOwnership([
      person('a', null, third),
      person('b', null, third),
      person('c', null, third),
      person('ceo', null, null, { types: ['CEO'], positions: ['Director'] }),
    ]);
    expect(result.controlRoles).toEqual([{ beneficiaryId: 'ceo', types: ['CEO'], positions: ['Director'], isOwner: false }]);
    expect(result.persons.find((p) => p.id === 'ceo')).toMatchObject({ paths: [], effectivePercentage: 0 });
    expect(result.problems).toEqual([]);
    expect(result.unexplainedPercentage).toBe(0);
    expect(result.persons.filter((p) => p.isUbo)).toHaveLength(3);
  });

  it('draws the tree with shares, effective shares and what each company leaves unexplained', () => {
    const input = [company('h', null, 60), person('p', 'h', 50), person('d', null, 30)];
    const names = new Map([
      ['h', 'Holding BV'],
      ['p', 'Anna Berg'],
      ['d', 'Dan Cole'],
    ]);
    const text = renderOwnershipTree({ companyName: 'Acme UAB', input, result: computeOwnership(input), nameOf: (id) => names.get(id) ?? id });
    expect(text).toBe(
      [
        'Acme UAB (unexplained 10 %)',
        '├─ Holding BV: 60 % (company, effective 60 %; unexplained 50 %)',
        '│  └─ Anna Berg: 50 % (effective 30 %, UBO)',
        '└─ Dan Cole: 30 % (effective 30 %, UBO)',
        'UBO threshold 25 %; not traced to a person: 40 %',
        '',
      ].join('\n'),
    );
  });
});
