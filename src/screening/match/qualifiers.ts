import type { BirthDate, Entity } from '../model.js';

export type QualifierOutcome = 'matched' | 'near' | 'mismatched';

export interface Qualifier {
  type: 'birth-date' | 'country' | 'identifier';
  outcome: QualifierOutcome;
  /** What was compared, e.g. "1975-06-14 vs 1975-06-14" or "RU". */
  detail: string;
}

export interface QualifierQuery {
  birthDate?: string;
  countries?: string[];
  identifiers?: string[];
}

/**
 * Score adjustments. Dates of birth weigh most for people; a mismatch is a
 * strong hint of a namesake, yet lists and clients both get dates wrong, so a
 * year apart is only "near". Country data in lists is noisy (addresses of
 * offices, past residences): it moves the score a little. An identifier match
 * is near proof; a different identifier proves nothing (people hold many).
 */
export const ADJUSTMENT = {
  birthDateMatched: 0.04,
  birthDateMismatched: -0.12,
  countryMatched: 0.02,
  countryMismatched: -0.03,
  identifierMatched: 0.2,
} as const;

export function compareQualifiers(
  entity: Pick<Entity, 'birthDates' | 'countries' | 'identifiers'>,
  query: QualifierQuery,
): { qualifiers: Qualifier[]; adjustment: number } {
  const qualifiers: Qualifier[] = [];
  let adjustment = 0;
  if (!query.birthDate && !query.countries?.length && !query.identifiers?.length) return { qualifiers, adjustment };
  if (query.birthDate && entity.birthDates.length > 0) {
    const outcome = bestDateOutcome(query.birthDate, entity.birthDates);
    qualifiers.push({ type: 'birth-date', outcome, detail: `${query.birthDate} vs ${entity.birthDates.map((d) => d.value).join(', ')}` });
    if (outcome === 'matched') adjustment += ADJUSTMENT.birthDateMatched;
    if (outcome === 'mismatched') adjustment += ADJUSTMENT.birthDateMismatched;
  }
  const countries = (query.countries ?? []).map((c) => c.toUpperCase());
  if (countries.length > 0 && entity.countries.length > 0) {
    const common = countries.filter((c) => entity.countries.includes(c));
    const matched = common.length > 0;
    qualifiers.push({
      type: 'country',
      outcome: matched ? 'matched' : 'mismatched',
      detail: matched ? common.join(', ') : `${countries.join(', ')} vs ${entity.countries.join(', ')}`,
    });
    adjustment += matched ? ADJUSTMENT.countryMatched : ADJUSTMENT.countryMismatched;
  }
  const wanted = new Set((query.identifiers ?? []).map(canonicalIdentifier).filter((v) => v.length >= 4));
  const hit = entity.identifiers.find((i) => wanted.has(canonicalIdentifier(i.value)));
  if (hit) {
    qualifiers.push({ type: 'identifier', outcome: 'matched', detail: `${hit.type} ${hit.value}` });
    adjustment += ADJUSTMENT.identifierMatched;
  }
  return { qualifiers, adjustment };
}

export function canonicalIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function bestDateOutcome(queryDate: string, listed: readonly BirthDate[]): QualifierOutcome {
  const rank = { matched: 2, near: 1, mismatched: 0 } as const;
  let best: QualifierOutcome = 'mismatched';
  for (const date of listed) {
    const outcome = compareDate(queryDate, date);
    if (rank[outcome] > rank[best]) best = outcome;
  }
  return best;
}

function compareDate(queryDate: string, listed: BirthDate): QualifierOutcome {
  const [qy, qm, qd] = queryDate.split('-').map(Number);
  const [ly, lm, ld] = listed.value.split('-').map(Number);
  if (!qy || !ly) return 'near';
  const to = listed.rangeTo ? Number(listed.rangeTo.slice(0, 4)) : ly;
  if (qy < ly || qy > to) {
    const gap = Math.min(Math.abs(qy - ly), Math.abs(qy - to));
    return gap <= 1 || (listed.isApproximate && gap <= 2) ? 'near' : 'mismatched';
  }
  if (qm && lm && qm !== lm) return 'near';
  if (qd && ld && qd !== ld) return 'near';
  return 'matched';
}
