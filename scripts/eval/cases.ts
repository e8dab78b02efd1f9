import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Entity } from '../../src/screening/model.js';
import { normalizeName } from '../../src/screening/normalize/normalize-name.js';
import { detectScript } from '../../src/screening/normalize/scripts.js';
import { sample, seededRandom } from './prng.js';
import { ORGANISATION_TREATMENTS, PERSON_TREATMENTS } from './treatments.js';

export interface EvalCase {
  query: string;
  kind: 'person' | 'organisation';
  /** The listed entity a positive must find; null for negatives. */
  targetId: string | null;
  treatment: string;
  script: string;
  birthDate?: string;
  countries?: string[];
}

export interface CaseSizes {
  persons: number;
  organisations: number;
}

/** A listed person's name in natural order: OFAC prints "LAST, First Middle". */
function naturalOrder(full: string): string {
  const comma = full.indexOf(', ');
  return comma > 0 ? `${full.slice(comma + 2)} ${full.slice(0, comma)}` : full;
}

export function treatedPositives(entities: readonly Entity[], sizes: CaseSizes, seed: number): EvalCase[] {
  const random = seededRandom(seed);
  const eligible = (kind: 'person' | 'organisation') =>
    entities.filter(
      (e) =>
        e.kind === kind &&
        (e.source === 'ofac-sdn' || e.source === 'un') &&
        e.names[0]!.script === 'Latn' &&
        normalizeName(e.names[0]!.full).tokens.length >= 2,
    );
  const out: EvalCase[] = [];
  for (const [kind, count, treatments] of [
    ['person', sizes.persons, PERSON_TREATMENTS],
    ['organisation', sizes.organisations, ORGANISATION_TREATMENTS],
  ] as const) {
    for (const entity of sample(random, eligible(kind), count)) {
      const full = kind === 'person' ? naturalOrder(entity.names[0]!.full) : entity.names[0]!.full;
      const words = full.split(/\s+/).filter(Boolean);
      for (const [treatment, apply] of Object.entries(treatments)) {
        const query = apply(words, random);
        if (query === null || query.trim() === '') continue;
        out.push({ query, kind, targetId: entity.id, treatment, script: detectScript(query) });
      }
    }
  }
  return out;
}

/** UN original-script names (Arabic, Cyrillic) as queries for their entity. */
export function originalScriptPositives(entities: readonly Entity[]): EvalCase[] {
  return entities
    .filter((e) => e.source === 'un')
    .flatMap((e) =>
      e.names
        .filter((n) => n.kind === 'original-script')
        .map((n) => ({
          query: n.full,
          kind: e.kind === 'person' ? ('person' as const) : ('organisation' as const),
          targetId: e.id,
          treatment: 'original script',
          script: n.script,
        })),
    );
}

interface EvalRow {
  full_name: string;
  date_of_birth: string;
  nationality: string;
}

export function readEvalCsv(dataDir: string, file: string): EvalRow[] {
  return parse(readFileSync(join(dataDir, 'eval', file), 'utf8'), { columns: true, skip_empty_lines: true });
}

/**
 * The provided treated UN set (yente benchmark), row-aligned with the untreated
 * one: the untreated name locates the target entity, the treated one is the query.
 */
export function providedTreatedPositives(dataDir: string, entities: readonly Entity[]): { cases: EvalCase[]; unresolved: number } {
  const byName = new Map<string, Entity[]>();
  for (const entity of entities.filter((e) => e.source === 'un')) {
    for (const name of entity.names) {
      const key = signature(name.full);
      byName.set(key, [...(byName.get(key) ?? []), entity]);
    }
  }
  const untreated = readEvalCsv(dataDir, 'positives_un_untreated.csv');
  const treated = readEvalCsv(dataDir, 'positives_un_treated.csv');
  const cases: EvalCase[] = [];
  let unresolved = 0;
  untreated.forEach((row, i) => {
    const matches = byName.get(signature(row.full_name)) ?? [];
    const target = matches.find((e) => e.birthDates.some((d) => row.date_of_birth.startsWith(d.value.slice(0, 4)))) ?? matches[0];
    const query = treated[i]?.full_name;
    if (!target || !query) {
      unresolved++;
      return;
    }
    cases.push({
      query,
      kind: target.kind === 'person' ? 'person' : 'organisation',
      targetId: target.id,
      treatment: query === row.full_name ? 'provided set, unchanged' : 'provided set, treated',
      script: detectScript(query),
      birthDate: treated[i]!.date_of_birth || undefined,
      countries: treated[i]!.nationality ? [treated[i]!.nationality.toUpperCase()] : undefined,
    });
  });
  return { cases, unresolved };
}

export function negatives(dataDir: string, file: string, treatment: string): EvalCase[] {
  return readEvalCsv(dataDir, file).map((row) => ({
    query: row.full_name,
    kind: 'person' as const,
    targetId: null,
    treatment,
    script: detectScript(row.full_name),
    birthDate: row.date_of_birth || undefined,
  }));
}

function signature(name: string): string {
  return normalizeName(name)
    .tokens.map((t) => t.text)
    .sort()
    .join(' ');
}
