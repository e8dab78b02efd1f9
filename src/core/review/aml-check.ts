import type { Ctx } from '../context.js';
import { openHitRow } from '../screening/read-screening.js';
import type { Db } from '../../db/database.js';
import type { ScreeningHitRow, ScreeningSubjectRow } from '../../db/tables.js';
import type { Entity } from '../../screening/model.js';
import type { Hit } from '../../screening/match/hit.js';
import { PRODUCTION_THRESHOLD } from '../../screening/match/hit.js';
import { COUNTRIES } from '../../shared/enums.js';
import { subjectStatus, type AmlCheckStatus } from '../screening/status.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const COUNTRY_SET = new Set<string>(COUNTRIES);
const country = (code: string | null | undefined) => (code && COUNTRY_SET.has(code.toUpperCase()) ? code.toUpperCase() : null);
/** OpenKYB screens sanctions lists only: every listed profile is a current sanction. */
const DATASETS = ['SAN_CURRENT'];
const THRESHOLD = Math.round(PRODUCTION_THRESHOLD * 100);

export interface ScreeningOfCompany {
  subjects: Map<string, ScreeningSubjectRow>;
  hits: Map<string, ScreeningHitRow[]>;
  entities: Map<string, Entity>;
  /** Versions (sha256) of the lists the subjects were screened against that hold PEP data. */
  pepVersions: Set<string>;
}

/**
 * The company's screening: each subject (by company or beneficiary id), its current hits and
 * the listed entities they point to (from the live lists; an entity a list dropped since is
 * shown from the hit's own explanation).
 */
export async function readScreening(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string): Promise<ScreeningOfCompany> {
  const [subjects, hits] = await Promise.all([
    db.selectFrom('screening_subjects').selectAll().where('company_id', '=', companyId).execute(),
    db
      .selectFrom('screening_hits')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('is_current', '=', 1)
      .orderBy('score', 'desc')
      .execute()
      .then((rows) => Promise.all(rows.map((row) => openHitRow(db, ctx, row)))),
  ]);
  const entityIds = [...new Set(hits.map((h) => h.entity_id))];
  const entityRows =
    entityIds.length === 0
      ? []
      : await db
          .selectFrom('screening_entities')
          .innerJoin('screening_lists', 'screening_lists.id', 'screening_entities.list_id')
          .select(['screening_entities.entity_id', 'screening_entities.data'])
          .where('screening_lists.is_live', '=', 1)
          .where('screening_entities.entity_id', 'in', entityIds)
          .execute();
  const versions = [...new Set(subjects.flatMap((s) => (JSON.parse(s.list_versions) as { sha256: string }[]).map((v) => v.sha256)))];
  const pepVersions =
    versions.length === 0
      ? []
      : await db.selectFrom('screening_lists').select('sha256').where('sha256', 'in', versions).where('pep_entity_count', '>', 0).execute();
  const byRow = new Map<string, ScreeningHitRow[]>();
  for (const hit of hits) byRow.set(hit.subject_row_id, [...(byRow.get(hit.subject_row_id) ?? []), hit]);
  return {
    subjects: new Map(subjects.map((s) => [s.subject_id, s])),
    hits: new Map(subjects.map((s) => [s.subject_id, byRow.get(s.id) ?? []])),
    entities: new Map(entityRows.map((row) => [row.entity_id, JSON.parse(row.data) as Entity])),
    pepVersions: new Set(pepVersions.map((v) => v.sha256)),
  };
}

function searchResult(hit: ScreeningHitRow, entity: Entity | undefined, person: boolean) {
  const detail = JSON.parse(hit.detail) as Hit;
  const primary = entity?.names.find((n) => n.kind === 'primary')?.full ?? detail.listedName;
  const addresses = (entity?.addresses ?? []).flatMap((a) => (country(a.country) ? [{ geography: country(a.country)! }] : []));
  const base = {
    resourceId: hit.entity_id,
    score: Math.round(hit.score * 100),
    match: detail.listedName,
    name: primary,
    addresses,
    datasets: DATASETS,
    currentSanBodyIds: [] as number[],
    formerSanBodyIds: [] as number[],
  };
  if (!person) return base;
  const gender = entity?.gender === 'male' ? 'MALE' : entity?.gender === 'female' ? 'FEMALE' : undefined;
  return {
    ...base,
    nationalities: [...new Set((entity?.countries ?? []).map(country).filter((c): c is string => c !== null))],
    datesOfBirth: (entity?.birthDates ?? []).map((d) => d.value),
    ...(gender ? { gender } : {}),
  };
}

/** iDenfy's PersonAmlCheck or CompanyAmlCheck for one screened subject, or null if never screened. */
export function amlCheckOf(
  screening: ScreeningOfCompany,
  subjectId: string,
  options: {
    clientId: string;
    person: { fullName: string; nationality: string | null; dateOfBirth: string | null } | null;
    company: { companyName: string; country: string | null } | null;
  },
) {
  const subject = screening.subjects.get(subjectId);
  if (!subject) return null;
  const isPerson = options.person !== null;
  return {
    id: subject.id,
    clientId: options.clientId,
    checkedAt: iso(subject.checked_at),
    created: iso(subject.checked_at ?? subject.updated_at)!,
    userType: isPerson ? 'PERSON' : 'COMPANY',
    input: isPerson
      ? {
          fullName: options.person!.fullName.slice(0, 200),
          nationality: country(options.person!.nationality),
          dateOfBirth: options.person!.dateOfBirth,
          sex: null,
        }
      : { companyName: options.company!.companyName, country: country(options.company!.country) },
    filter: isPerson
      ? { threshold: THRESHOLD, datasets: DATASETS, sanctionBodies: null, dateOfBirthMatching: null, pepTiers: null }
      : { threshold: THRESHOLD, datasets: DATASETS, sanctionBodies: null },
    amlCheck: (screening.hits.get(subjectId) ?? []).map((hit) => searchResult(hit, screening.entities.get(hit.entity_id), isPerson)),
    adverseMedia: null,
    overallStatus: subject.status,
    monitoring: null,
  };
}

/**
 * Lists are re-screened whenever they change, so each screened subject is monitored: iDenfy's
 * monitoring alert status follows the subject's status.
 */
export function monitoringOf(screening: ScreeningOfCompany, subjectId: string) {
  const subject = screening.subjects.get(subjectId);
  // Not screened yet: monitoring starts with the first screening.
  if (!subject) return { monitoringId: subjectId, alertStatus: 'PENDING' };
  const alertStatus =
    { FLAGS_FOUND: 'ALERT', TRUE_POSITIVE: 'DECLINED', FALSE_POSITIVE: 'ACCEPTED', NO_FLAGS: 'ACCEPTED', NOT_CHECKED: 'PENDING' }[subject.status] ?? 'PENDING';
  return { monitoringId: subject.id, alertStatus };
}

/** When a reviewer last decided on one of the subject's hits. */
/**
 * iDenfy's pepsCheckStatus for a subject: its alerts on politically exposed persons (hits whose
 * entity has a PEP tier), as subjectStatus judges alerts; NOT_CHECKED until it was screened
 * against a list version holding PEP data.
 */
export function pepsStatusOf(screening: ScreeningOfCompany, subjectId: string): AmlCheckStatus {
  const subject = screening.subjects.get(subjectId);
  if (!subject || subject.checked_at === null) return 'NOT_CHECKED';
  const versions = JSON.parse(subject.list_versions) as { sha256: string }[];
  if (!versions.some((v) => screening.pepVersions.has(v.sha256))) return 'NOT_CHECKED';
  const alerts = (screening.hits.get(subjectId) ?? []).filter((h) => h.is_alert === 1 && (JSON.parse(h.detail) as Hit).pepTier !== undefined);
  return subjectStatus(alerts, subject.status_reason);
}

/** When a reviewer last resolved one of the subject's PEP hits. */
export function pepsStatusSetAt(screening: ScreeningOfCompany, subjectId: string): string | null {
  const times = (screening.hits.get(subjectId) ?? [])
    .filter((h) => (JSON.parse(h.detail) as Hit).pepTier !== undefined)
    .map((h) => h.resolved_at)
    .filter((t): t is number => t !== null);
  return times.length > 0 ? iso(Math.max(...times)) : null;
}

export function statusSetAt(screening: ScreeningOfCompany, subjectId: string): string | null {
  const times = (screening.hits.get(subjectId) ?? []).map((h) => h.resolved_at).filter((t): t is number => t !== null);
  return times.length > 0 ? iso(Math.max(...times)) : null;
}
