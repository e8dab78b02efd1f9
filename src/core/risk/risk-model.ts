import type { Db } from '../../db/database.js';
import type { RiskModel, RiskModelDefinition } from '../../schemas/risk.js';
import { fieldErrors, type FieldErrors } from '../errors.js';
import { conditionRefs, ConditionSyntaxError, parseCondition } from '../../shared/condition.js';
import { DEFAULT_RISK_MODEL } from './default-model.js';

export interface LoadedRiskModel {
  definition: RiskModelDefinition;
  /** 0: the built-in default (the partner never saved one). */
  version: number;
  createdAt: number | null;
}

/** The partner's model in force: its latest saved version, else the default. */
export async function readRiskModel(db: Db, partnerId: string): Promise<LoadedRiskModel> {
  const row = await db.selectFrom('risk_models').selectAll().where('partner_id', '=', partnerId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { definition: DEFAULT_RISK_MODEL, version: 0, createdAt: null };
  return { definition: JSON.parse(row.model) as RiskModelDefinition, version: row.version, createdAt: row.created_at };
}

export function presentRiskModel(model: LoadedRiskModel): RiskModel {
  return {
    version: model.version,
    isDefault: model.version === 0,
    updatedAt: model.createdAt === null ? null : new Date(model.createdAt).toISOString(),
    ...model.definition,
  };
}

/** What the schema cannot say: ordered thresholds, a sane depth range, parseable conditions. */
export function checkRiskModel(model: RiskModelDefinition): FieldErrors {
  const errors = fieldErrors();
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const { LOW, MEDIUM, HIGH, VERY_HIGH } = model.levels;
  if (!(LOW < MEDIUM && MEDIUM < HIGH && HIGH < VERY_HIGH)) add('levels', 'must increase strictly: LOW < MEDIUM < HIGH < VERY_HIGH');
  const both = model.countryLists.black.filter((c) => model.countryLists.grey.includes(c));
  if (both.length > 0) add('countryLists.grey', `must not repeat black-listed countries (${both.join(', ')})`);
  const depth = model.factors.ownershipDepth;
  if (depth.fullAtDepth < depth.fromDepth) add('factors.ownershipDepth.fullAtDepth', 'must be at least fromDepth');
  model.factors.questionnaire.rules.forEach((rule, i) => {
    const path = `factors.questionnaire.rules.${i}.condition`;
    try {
      // A rule is read outside any section, so every question is named section.question.
      if (conditionRefs(parseCondition(rule.condition)).some((ref) => ref.section === null)) add(path, 'name each question as section.question');
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
      add(path, error.message);
    }
  });
  return errors;
}
