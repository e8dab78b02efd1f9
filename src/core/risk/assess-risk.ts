import { newRowId } from '../../db/row-id.js';
import { refreshDeadline } from '../case-review/deadline.js';
import { emptyRecord, parseRecordJson } from '../../shared/records.js';
import { needsRowLocks, type Db } from '../../db/database.js';
import type { CompanyRow, RiskAssessmentRow } from '../../db/tables.js';
import type { RiskAssessment } from '../../schemas/risk.js';
import { recordAudit } from '../audit/record-audit.js';
import type { StoredSections } from '../answers/check-answers.js';
import type { Ctx, PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';
import type { StoredCompanyInfo } from '../forms/company-info.js';
import { openCompanyRow } from '../forms/company-row.js';
import { loadOwnership } from '../ownership/get-ownership.js';
import { openForCompany } from '../privacy/seal.js';
import type { AnswerLookup } from '../../shared/condition.js';
import { presentAssessment } from './present-risk.js';
import { readRiskModel } from './risk-model.js';
import { scoreRisk, type RiskFacts } from './score.js';

export type AssessmentReason = RiskAssessment['reason'];
type FormCompany = CompanyRow & { info: string };

/** For automation: assesses one of the partner's companies now and returns the assessment. */
export async function assessRisk({ ctx, input }: { ctx: PartnerCtx; input: { companyId: string } }): Promise<RiskAssessment> {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await trx
      .selectFrom('companies')
      .selectAll()
      .where('id', '=', input.companyId)
      .where('partner_id', '=', ctx.partnerId)
      .$if(needsRowLocks(trx), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!company?.info) throw notFound('Company');
    return presentAssessment(await storeRiskAssessment(trx, ctx, company as FormCompany, 'AUTOMATION', ctx.clock.now()));
  });
}

/**
 * Scores the case with the partner's model in force and stores the assessment (every factor's
 * contribution and explanation), the company's latest level and an audit row. Runs inside the
 * caller's transaction: submit's, the worker's or assessRisk's.
 */
export async function storeRiskAssessment(
  db: Db,
  ctx: Pick<Ctx, 'keys'>,
  stored: FormCompany,
  reason: AssessmentReason,
  now: number,
): Promise<RiskAssessmentRow> {
  // Opening an already opened row changes nothing, so callers may pass either.
  const company = await openCompanyRow(db, ctx, stored);
  const model = await readRiskModel(db, company.partner_id);
  const scored = scoreRisk(model.definition, await gatherFacts(db, ctx, company, model.definition.factors.companyAge.dateField, now));
  // Strictly after the previous assessment, so "the latest" is never a tie within one millisecond.
  const previous = await db
    .selectFrom('risk_assessments')
    .select('created_at')
    .where('company_id', '=', company.id)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const createdAt = previous && previous.created_at >= now ? previous.created_at + 1 : now;
  const row: RiskAssessmentRow = {
    id: newRowId(),
    partner_id: company.partner_id,
    company_id: company.id,
    score: scored.score,
    level: scored.level,
    factors: JSON.stringify(scored.factors),
    floor: scored.floor ? JSON.stringify(scored.floor) : null,
    model_version: model.version,
    reason,
    created_at: createdAt,
  };
  await db.insertInto('risk_assessments').values(row).execute();
  await db.updateTable('companies').set({ risk_level: scored.level }).where('id', '=', company.id).execute();
  // The deadline depends on the level.
  await refreshDeadline(db, company.id);
  await recordAudit(db, {
    partnerId: company.partner_id,
    companyId: company.id,
    actor: { kind: 'system' },
    action: 'RISK_ASSESSED',
    details: { assessmentId: row.id, score: row.score, level: row.level, modelVersion: row.model_version, reason },
    now,
  });
  return row;
}

const OWNER_TYPES = ['SHAREHOLDER', 'UBO', 'ABO'];
const PERSON_COUNTRY_FIELDS = ['nationality', 'citizenship', 'countryOfResidence', 'country'];

async function gatherFacts(db: Db, ctx: Pick<Ctx, 'keys'>, company: FormCompany, dateField: string, now: number): Promise<RiskFacts> {
  const info = JSON.parse(company.info) as StoredCompanyInfo;
  const ownership = await loadOwnership(db, ctx, company);
  const owners = ownership.beneficiaries
    .filter((b) => (b.ownershipPercentage ?? 0) > 0 || b.beneficiaryTypes.some((t) => OWNER_TYPES.includes(t)))
    .map((b) => {
      const fields = b.info as Record<string, unknown>;
      const keys = b.info.infoType === 'INDIVIDUAL' ? PERSON_COUNTRY_FIELDS : ['country'];
      return { beneficiaryId: b.id, countries: [...new Set(keys.map((k) => fields[k]).filter((v): v is string => typeof v === 'string'))] };
    });
  const subjects = await db.selectFrom('screening_subjects').select('status').where('company_id', '=', company.id).execute();
  const custom = info.additionalInfo ?? {};
  const date = Object.hasOwn(custom, dateField) ? custom[dateField] : null;
  return {
    companyCountry: info.country ?? null,
    legalForm: info.type ?? null,
    incorporationDate: typeof date === 'string' ? date : null,
    owners,
    screeningStatuses: subjects.map((s) => s.status),
    ownership: ownership.result,
    answerOf: await answerLookup(db, ctx, company),
    now,
  };
}

/** Answers of the case's questionnaire; keys are user-chosen, so only own properties are read. */
async function answerLookup(db: Db, ctx: Pick<Ctx, 'keys'>, company: CompanyRow): Promise<AnswerLookup> {
  const row = company.questionnaire_id
    ? await db
        .selectFrom('questionnaire_answers')
        .select('answers')
        .where('company_id', '=', company.id)
        .where('questionnaire_id', '=', company.questionnaire_id)
        .executeTakeFirst()
    : undefined;
  const sections = row ? parseRecordJson<StoredSections>(await openForCompany(db, ctx, company.id, row.answers)) : emptyRecord<StoredSections[string]>();
  return (ref) => {
    if (ref.section === null || !Object.hasOwn(sections, ref.section)) return null;
    const section = sections[ref.section]!;
    return Object.hasOwn(section, ref.question) ? (section[ref.question]!.value ?? null) : null;
  };
}
