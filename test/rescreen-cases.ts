import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A generated FtM list in two versions and screened subjects chosen to near-match the entities
 * the second version adds, changes and removes: reordered, transliterated into Cyrillic, with a
 * typo, a dropped middle name, a brand-new alias. Surnames repeat across entities so the
 * candidate cap and the hit limit are exercised, as on real lists.
 */
const LATIN = ['ka', 'ro', 'mi', 'len', 'vos', 'tar', 'dim', 'sha', 'bek', 'nur', 'ol', 'ga', 'ri', 'sto', 'vin', 'zel', 'pa', 'dor', 'lu', 'kem'];
const CYRILLIC = ['ка', 'ро', 'ми', 'лен', 'вос', 'тар', 'дим', 'ша', 'бек', 'нур', 'ол', 'га', 'ри', 'сто', 'вин', 'зел', 'па', 'дор', 'лу', 'кем'];
const ORG_WORDS = ['Northwind', 'Baltic', 'Orion', 'Crescent', 'Vostok', 'Amber', 'Meridian', 'Falcon', 'Granite', 'Harbor', 'Zenith', 'Polar'];
const ORG_KINDS = ['Shipping', 'Trading', 'Holdings', 'Logistics', 'Minerals', 'Energy'];

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Word {
  latin: string;
  cyrillic: string;
}

function word(rand: () => number, syllables: number): Word {
  const picks = Array.from({ length: syllables }, () => Math.floor(rand() * LATIN.length));
  const latin = picks.map((p) => LATIN[p]).join('');
  return {
    latin: latin[0]!.toUpperCase() + latin.slice(1),
    cyrillic: picks
      .map((p) => CYRILLIC[p])
      .join('')
      .replace(/^./, (c) => c.toUpperCase()),
  };
}

export interface ListPerson {
  id: string;
  kind: 'person';
  given: Word;
  middle: Word;
  surname: Word;
  birthDate: string;
  aliases: string[];
}
export interface ListOrg {
  id: string;
  kind: 'organisation';
  name: string;
  aliases: string[];
}
export type ListEntry = ListPerson | ListOrg;

export const fullName = (p: ListPerson) => `${p.given.latin} ${p.middle.latin} ${p.surname.latin}`;

export function listVersionA(rand: () => number, size: number): ListEntry[] {
  const surnames = Array.from({ length: Math.ceil(size / 6) }, () => word(rand, 3));
  return Array.from({ length: size }, (_, i): ListEntry => {
    if (i % 5 === 4) {
      const name = `${ORG_WORDS[Math.floor(rand() * ORG_WORDS.length)]} ${word(rand, 2).latin} ${ORG_KINDS[Math.floor(rand() * ORG_KINDS.length)]} LLC`;
      return { id: `org-${i}`, kind: 'organisation', name, aliases: [] };
    }
    const year = 1950 + Math.floor(rand() * 50);
    return {
      id: `p-${i}`,
      kind: 'person',
      given: word(rand, 2),
      middle: word(rand, 3),
      surname: surnames[Math.floor(rand() * surnames.length)]!,
      birthDate: `${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      aliases: [],
    };
  });
}

/** Version B: `count` entities each added, changed (alias, spelling or birth date) and removed. */
export function listVersionB(rand: () => number, a: ListEntry[], count: number, tag = 'new') {
  const entries = a.map((e) => ({ ...e, aliases: [...e.aliases] }) as ListEntry);
  const pick = () => entries.splice(Math.floor(rand() * entries.length), 1)[0]!;
  const removed = Array.from({ length: count }, pick);
  const changed: ListEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = pick();
    if (entry.kind === 'organisation') entry.aliases.push(`${entry.name.split(' ')[0]} ${word(rand, 2).latin} Group`);
    else if (i % 3 === 0) entry.aliases.push(`${word(rand, 2).latin} ${entry.surname.latin}`);
    else if (i % 3 === 1) entry.surname = word(rand, 3);
    else entry.birthDate = `19${40 + (i % 50)}-05-05`;
    changed.push(entry);
  }
  const added = listVersionA(rand, count).map((e) => ({ ...e, id: `${tag}-${e.id}` }));
  return { entries: [...entries, ...changed, ...added], added, changed, removed };
}

export function ftmLines(entries: ListEntry[]): string {
  return entries
    .map((e) =>
      JSON.stringify(
        e.kind === 'person'
          ? { id: e.id, schema: 'Person', properties: { name: [fullName(e)], alias: e.aliases, birthDate: [e.birthDate], nationality: ['ru'] } }
          : { id: e.id, schema: 'Company', properties: { name: [e.name], alias: e.aliases, jurisdiction: ['cy'] } },
      ),
    )
    .join('\n');
}

export async function writeFtm(entries: ListEntry[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openkyb-ftm-'));
  const file = path.join(dir, 'entities.ftm.json');
  await writeFile(file, ftmLines(entries));
  return file;
}

export interface SubjectNames {
  companyName: string;
  people: { name: string; surname: string; dateOfBirth?: string }[];
}

/** A person as a form would name them, near the listed one: one of five treatments. */
export function nearPerson(rand: () => number, p: ListPerson, treatment: number): SubjectNames['people'][number] {
  const dateOfBirth = rand() < 0.5 ? p.birthDate : undefined;
  const base = dateOfBirth ? { dateOfBirth } : {};
  switch (treatment % 5) {
    case 0:
      return { name: p.surname.latin, surname: `${p.given.latin} ${p.middle.latin}`, ...base };
    case 1:
      return { name: p.given.cyrillic, surname: p.surname.cyrillic, ...base };
    case 2:
      return { name: p.given.latin, surname: p.surname.latin.slice(0, -1) + 'y', ...base };
    case 3:
      return { name: p.given.latin, surname: p.surname.latin, ...base };
    default:
      return { name: `${p.given.latin} ${p.middle.latin}`, surname: p.surname.latin, ...base };
  }
}

export function nearOrg(o: ListOrg, treatment: number): string {
  const words = o.name.replace(/ LLC$/, '').split(' ');
  return treatment % 2 === 0 ? `${words.join(' ')} Ltd` : `${words[1]} ${words[0]} ${words[2]}`;
}
