import type { RiskAssessmentRow } from '../../db/tables.js';
import type { RiskAssessment, RiskAssessmentSummary, RiskFactorResult } from '../../schemas/risk.js';

export function presentAssessment(row: RiskAssessmentRow): RiskAssessment {
  return {
    id: row.id,
    companyId: row.company_id,
    score: row.score,
    level: row.level,
    modelVersion: row.model_version,
    reason: row.reason as RiskAssessment['reason'],
    floor: row.floor ? (JSON.parse(row.floor) as RiskAssessment['floor']) : null,
    factors: JSON.parse(row.factors) as RiskFactorResult[],
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * iDenfy's RiskAssessmentSummary (CompanyDetail.riskAssessment) from the latest assessment;
 * null when the company was never assessed. The comment names what drove the score.
 */
export function presentRiskSummary(assessment: RiskAssessment | null): RiskAssessmentSummary | null {
  if (!assessment) return null;
  const drivers = assessment.factors
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3)
    .map((f) => `${f.factor} +${f.contribution}`);
  const floor = assessment.floor ? [`raised to ${assessment.floor.level} by ${assessment.floor.factor}`] : [];
  const parts = [...floor, ...drivers];
  return { id: assessment.id, riskScore: assessment.score, riskLevel: assessment.level, comment: parts.length > 0 ? parts.join('; ') : null };
}
