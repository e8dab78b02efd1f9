import type { RiskFactorResult, RiskModelDefinition } from '../../schemas/risk.js';
import { evaluateCondition, parseCondition, type AnswerLookup } from '../../shared/condition.js';
import { isDate } from '../../shared/dates.js';
import type { OwnershipResult } from '../ownership/engine.js';

export type RiskLevel = 'VERY_LOW' | 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';
const ORDER: RiskLevel[] = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];

/** What the model looks at, gathered from the case (see assess-risk.ts). */
export interface RiskFacts {
  companyCountry: string | null;
  legalForm: string | null;
  /** YYYY-MM-DD, or null when the form does not say. */
  incorporationDate: string | null;
  owners: Array<{ beneficiaryId: string; countries: string[] }>;
  /** AmlCheckStatusEnum of every screened subject; empty before the first screening. */
  screeningStatuses: string[];
  ownership: OwnershipResult;
  answerOf: AnswerLookup;
  /** Epoch ms, for the company's age. */
  now: number;
}

export interface RiskScore {
  score: number;
  level: RiskLevel;
  floor: { level: RiskLevel; factor: string } | null;
  factors: RiskFactorResult[];
}

export function levelOfScore(model: RiskModelDefinition, score: number): RiskLevel {
  const { levels } = model;
  return score >= levels.VERY_HIGH ? 'VERY_HIGH' : score >= levels.HIGH ? 'HIGH' : score >= levels.MEDIUM ? 'MEDIUM' : score >= levels.LOW ? 'LOW' : 'VERY_LOW';
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const result = (factor: string, weight: number, severity: number, floor: RiskFactorResult['floor'], explanation: string): RiskFactorResult => ({
  factor,
  weight,
  severity: round2(severity),
  contribution: round2(weight * severity),
  floor,
  isFloorApplied: floor !== null && severity >= 1,
  explanation,
});

/**
 * Scores a case: each factor adds weight × severity points (severity 0..1), the sum is capped
 * at 100 and mapped to a level by the model's thresholds. A factor at severity 1 with a floor
 * raises the level (and the score, so both agree) to at least that floor.
 */
export function scoreRisk(model: RiskModelDefinition, facts: RiskFacts): RiskScore {
  const f = model.factors;
  const factors = [
    countryFactor('companyCountry', f.companyCountry, model, facts.companyCountry ? [facts.companyCountry] : [], 'the company is registered in'),
    countryFactor(
      'ownerCountries',
      f.ownerCountries,
      model,
      facts.owners.flatMap((o) => o.countries),
      'owners are connected to',
    ),
    legalFormFactor(f.legalForm, facts.legalForm),
    screeningFactor(f.screening, facts.screeningStatuses),
    depthFactor(f.ownershipDepth, facts.ownership.maxDepth),
    result(
      'ownershipOpacity',
      f.ownershipOpacity.weight,
      facts.ownership.unexplainedPercentage / 100,
      f.ownershipOpacity.floor,
      `${facts.ownership.unexplainedPercentage} % of the ownership is not traced to a person`,
    ),
    uboFactor(f.missingUbos, facts.ownership),
    ageFactor(f.companyAge, facts.incorporationDate, facts.now),
    ...questionnaireFactors(f.questionnaire.rules, facts.answerOf),
  ];
  const sum = Math.min(100, Math.round(factors.reduce((s, x) => s + x.contribution, 0)));
  let level = levelOfScore(model, sum);
  let floor: RiskScore['floor'] = null;
  for (const x of factors) {
    if (x.isFloorApplied && ORDER.indexOf(x.floor!) > ORDER.indexOf(level)) {
      level = x.floor!;
      floor = { level, factor: x.factor };
    }
  }
  const score = floor ? Math.max(sum, model.levels[floor.level as Exclude<RiskLevel, 'VERY_LOW'>]) : sum;
  return { score, level, floor, factors };
}

function countryFactor(
  name: string,
  factor: RiskModelDefinition['factors']['companyCountry'],
  model: RiskModelDefinition,
  countries: string[],
  what: string,
): RiskFactorResult {
  const black = [...new Set(countries.filter((c) => model.countryLists.black.includes(c as never)))];
  const grey = [...new Set(countries.filter((c) => model.countryLists.grey.includes(c as never)))];
  const severity = Math.max(black.length > 0 ? factor.black : 0, grey.length > 0 ? factor.grey : 0);
  const found = [...(black.length ? [`black-listed ${black.join(', ')}`] : []), ...(grey.length ? [`grey-listed ${grey.join(', ')}`] : [])];
  return result(
    name,
    factor.weight,
    severity,
    factor.floor,
    found.length ? `${what} ${found.join('; ')}` : countries.length ? 'no listed high-risk country' : 'no country given',
  );
}

function legalFormFactor(factor: RiskModelDefinition['factors']['legalForm'], legalForm: string | null): RiskFactorResult {
  const form = (legalForm ?? '').toLowerCase();
  const hit = factor.highRiskForms.find((f) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(f.toLowerCase())}($|[^\\p{L}\\p{N}])`, 'u').test(form));
  return result(
    'legalForm',
    factor.weight,
    hit ? 1 : 0,
    factor.floor,
    hit ? `the legal form matches the high-risk form "${hit}"` : legalForm ? 'not a high-risk legal form' : 'no legal form given',
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function screeningFactor(factor: RiskModelDefinition['factors']['screening'], statuses: string[]): RiskFactorResult {
  const severityOf = (s: string) => factor.severity[s as keyof typeof factor.severity] ?? factor.severity.NOT_CHECKED;
  const all = statuses.length > 0 ? statuses : ['NOT_CHECKED'];
  const worst = all.reduce((a, b) => (severityOf(b) > severityOf(a) ? b : a));
  const count = statuses.filter((s) => s === worst).length;
  return result(
    'screening',
    factor.weight,
    severityOf(worst),
    factor.floor,
    statuses.length === 0 ? 'not screened yet' : `worst screening outcome ${worst} (${count} of ${statuses.length} subjects)`,
  );
}

function depthFactor(factor: RiskModelDefinition['factors']['ownershipDepth'], depth: number): RiskFactorResult {
  const steps = factor.fullAtDepth - factor.fromDepth + 1;
  const severity = depth < factor.fromDepth ? 0 : Math.min(1, (depth - factor.fromDepth + 1) / steps);
  return result('ownershipDepth', factor.weight, severity, factor.floor, `${depth} level${depth === 1 ? '' : 's'} of ownership`);
}

function uboFactor(factor: RiskModelDefinition['factors']['missingUbos'], ownership: OwnershipResult): RiskFactorResult {
  const derived = ownership.persons.filter((p) => p.isUbo).length;
  const declared = ownership.persons.filter((p) => p.isDeclaredUbo).length;
  const missing = derived === 0 && declared === 0;
  return result(
    'missingUbos',
    factor.weight,
    missing ? 1 : 0,
    factor.floor,
    missing
      ? `no person reaches ${ownership.threshold} % and none is declared a UBO`
      : `${derived} UBO${derived === 1 ? '' : 's'} at ${ownership.threshold} %, ${declared} declared`,
  );
}

function ageFactor(factor: RiskModelDefinition['factors']['companyAge'], date: string | null, now: number): RiskFactorResult {
  const at = isDate(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(at)) return result('companyAge', factor.weight, factor.unknown, factor.floor, `no incorporation date (custom field "${factor.dateField}")`);
  const limit = new Date(at);
  limit.setUTCMonth(limit.getUTCMonth() + factor.youngerThanMonths);
  const young = now < limit.getTime();
  return result(
    'companyAge',
    factor.weight,
    young ? 1 : 0,
    factor.floor,
    `incorporated ${date}, ${young ? 'less' : 'more'} than ${factor.youngerThanMonths} months ago`,
  );
}

/** One result per rule; the model was checked on save, so every condition parses. */
function questionnaireFactors(rules: RiskModelDefinition['factors']['questionnaire']['rules'], answerOf: AnswerLookup): RiskFactorResult[] {
  return rules.map((rule, i) => {
    const holds = evaluateCondition(parseCondition(rule.condition), answerOf);
    return result(`questionnaire.${i}`, rule.points, holds ? 1 : 0, rule.floor, holds ? rule.explanation : `not met: ${rule.explanation}`);
  });
}
