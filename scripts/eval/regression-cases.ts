import type { Entity } from '../../src/screening/model.js';

/**
 * Cases from Watchman's public issues. Two listed names they need are not in the
 * bundled OFAC snapshot ("JSC ARGUMENT" is an orphan alias row, "EMMA LLC" is
 * not listed), so they are added as stand-in entities.
 */
export const REGRESSION_ENTITIES: Entity[] = [
  standIn('regression:jsc-argument', 'organisation', ['JSC ARGUMENT', 'ARGUMENT JSC', 'JOINT STOCK COMPANY ARGUMENT']),
  standIn('regression:emma-llc', 'organisation', ['EMMA LLC']),
];

export interface RegressionCase {
  query: string;
  kind: 'person' | 'organisation' | 'any';
  listedId: string;
  shouldAlert: boolean;
  note: string;
}

export const REGRESSION_CASES: RegressionCase[] = [
  { query: 'BELLETECH CORP', kind: 'any', listedId: 'ofac-sdn:24430', shouldAlert: false, note: '"BELLETECH CORP" is not "11420 CORP."' },
  { query: 'emma daniels', kind: 'any', listedId: 'regression:emma-llc', shouldAlert: false, note: '"emma daniels" is not "EMMA LLC"' },
  { query: 'George Bush', kind: 'person', listedId: 'ofac-sdn:2680', shouldAlert: false, note: '"George Bush" is not "George Habbash"' },
  { query: 'JSCARGUMENT', kind: 'any', listedId: 'regression:jsc-argument', shouldAlert: true, note: '"JSCARGUMENT" is "JSC ARGUMENT"' },
  { query: 'Nicolas Maduro', kind: 'person', listedId: 'ofac-sdn:22790', shouldAlert: true, note: '"Nicolas Maduro" is "MADURO MOROS, Nicolas"' },
];

function standIn(id: string, kind: Entity['kind'], names: string[]): Entity {
  return {
    id,
    source: 'ofac-sdn',
    kind,
    names: names.map((full, i) => ({ full, kind: i === 0 ? 'primary' : 'alias', script: 'Latn', isFormer: false })),
    birthDates: [],
    birthPlaces: [],
    countries: [],
    identifiers: [],
    addresses: [],
    programs: [],
    gender: null,
    remarks: null,
  };
}
