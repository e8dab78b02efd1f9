import { describe, expect, it } from 'vitest';
import { boundedEditDistance, editBudget } from './edit-distance.js';

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent transpositions as one edit each', () => {
    expect(boundedEditDistance('hussein', 'husein', 2)).toBe(1);
    expect(boundedEditDistance('maduro', 'madruo', 2)).toBe(1);
    expect(boundedEditDistance('maduro', 'madura', 2)).toBe(1);
    expect(boundedEditDistance('kim', 'kim', 0)).toBe(0);
  });

  it('stops at budget + 1 once the distance must exceed the budget', () => {
    expect(boundedEditDistance('george', 'habbash', 2)).toBe(3);
    expect(boundedEditDistance('ab', 'abcdef', 1)).toBe(2);
  });

  it('allows no edit in short tokens and more in long ones', () => {
    expect([3, 4, 6, 10].map(editBudget)).toEqual([0, 1, 2, 3]);
  });
});
