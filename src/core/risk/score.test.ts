import { describe, expect, it } from 'vitest';
import { computeOwnership } from '../ownership/engine.js';
import { DEFAULT_RISK_MODEL } from './default-model.js';
import { checkRiskModel } from './risk-model.js';
import { scoreRisk, type RiskFacts } from './score.js';

const now = Date.parse('2026-11-27T12:00:00Z');
const facts = (overrides: Partial<RiskFacts> = {}): RiskFacts => ({
  companyCountry: 'LT',
  legalForm: 'UAB',
  incorporationDate: '2010-01-01',
  owners: [{ beneficiaryId: 'p', countries: ['LT'] }],
  screeningStatuses: ['NO_FLAGS', 'NO_FLAGS'],
  ownership: computeOwnership([{ id: 'p', parentId: null, kind: 'INDIVIDUAL', percentage: 100, types: ['UBO'], positions: [] }]),
  answerOf: () => null,
  now,
  ...overrides,
});
const factor = (name: string, f: RiskFacts, model = DEFAULT_RISK_MODEL) => scoreRisk(model, f).factors.find((x) => x.factor === name)!;

describe('risk scoring', () => {
  it('scores a plain, fully traced, screened company at 0: VERY_LOW', () => {
    expect(scoreRisk(DEFAULT_RISK_MODEL, facts())).toMatchObject({ score: 0, level: 'VERY_LOW', floor: null });
  });

  it('adds each factor as weight × severity and explains it', () => {
    expect(factor('companyCountry', facts({ companyCountry: 'VG' }))).toMatchObject({
      contribution: 15,
      explanation: 'the company is registered in grey-listed VG',
    });
    expect(factor('legalForm', facts({ legalForm: 'Private Foundation' }))).toMatchObject({
      contribution: 15,
      explanation: 'the legal form matches the high-risk form "foundation"',
    });
    expect(factor('legalForm', facts({ legalForm: 'Trustee services Ltd' })).contribution).toBe(0);
    expect(factor('companyAge', facts({ incorporationDate: '2026-03-01' }))).toMatchObject({
      contribution: 10,
      explanation: 'incorporated 2026-03-01, less than 12 months ago',
    });
    // A text field may hold a day that does not exist; it is no date, not the 2nd of March.
    expect(factor('companyAge', facts({ incorporationDate: '2026-02-30' })).explanation).toMatch(/^no incorporation date/);
    expect(factor('screening', facts({ screeningStatuses: ['NO_FLAGS', 'FLAGS_FOUND'] }))).toMatchObject({
      contribution: 20,
      explanation: 'worst screening outcome FLAGS_FOUND (1 of 2 subjects)',
    });
    const opaque = computeOwnership([{ id: 'h', parentId: null, kind: 'COMPANY', percentage: 100, types: ['SHAREHOLDER'], positions: [] }]);
    const scored = scoreRisk(DEFAULT_RISK_MODEL, facts({ ownership: opaque, owners: [] }));
    expect(scored.factors.find((x) => x.factor === 'ownershipOpacity')).toMatchObject({
      contribution: 20,
      explanation: '100 % of the ownership is not traced to a person',
    });
    expect(scored.factors.find((x) => x.factor === 'missingUbos')).toMatchObject({ contribution: 15 });
    expect(scored).toMatchObject({ score: 35, level: 'LOW' });
  });

  it('makes a confirmed sanctions match VERY_HIGH whatever the sum', () => {
    expect(scoreRisk(DEFAULT_RISK_MODEL, facts({ screeningStatuses: ['TRUE_POSITIVE'] }))).toMatchObject({
      score: 80,
      level: 'VERY_HIGH',
      floor: { level: 'VERY_HIGH', factor: 'screening' },
    });
  });

  it('applies questionnaire rules written in the condition language, by section.question', () => {
    const model = {
      ...DEFAULT_RISK_MODEL,
      factors: {
        ...DEFAULT_RISK_MODEL.factors,
        questionnaire: {
          rules: [
            { condition: "funds.source in ['crypto', 'cash']", points: 25, floor: null, explanation: 'funds from crypto or cash' },
            { condition: 'funds.pep == true', points: 30, floor: 'HIGH' as const, explanation: 'a PEP is involved' },
          ],
        },
      },
    };
    expect(checkRiskModel(model)).toEqual({});
    const answers: Record<string, unknown> = { 'funds.source': 'crypto', 'funds.pep': false };
    const scored = scoreRisk(model, facts({ answerOf: (ref) => answers[`${ref.section}.${ref.question}`] ?? null }));
    expect(scored.factors.filter((x) => x.factor.startsWith('questionnaire.'))).toEqual([
      expect.objectContaining({ factor: 'questionnaire.0', contribution: 25, explanation: 'funds from crypto or cash' }),
      expect.objectContaining({ factor: 'questionnaire.1', contribution: 0, isFloorApplied: false, explanation: 'not met: a PEP is involved' }),
    ]);
    expect(scored).toMatchObject({ score: 25, level: 'LOW' });
  });

  it('keeps the score within 0..100 when factors add up to more', () => {
    const worst = facts({
      companyCountry: 'IR',
      legalForm: 'trust',
      incorporationDate: '2026-11-01',
      owners: [{ beneficiaryId: 'p', countries: ['KP'] }],
      screeningStatuses: ['TRUE_POSITIVE'],
      ownership: computeOwnership([]),
    });
    expect(scoreRisk(DEFAULT_RISK_MODEL, worst)).toMatchObject({ score: 100, level: 'VERY_HIGH' });
  });
});
