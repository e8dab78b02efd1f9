import { parse } from 'csv-parse/sync';
import { ListImportError } from '../errors.js';
import { newEntity, type Entity, type EntityKind, type ParsedList } from '../model.js';
import { detectScript } from '../normalize/scripts.js';
import { addCountry, toCountryCode } from './countries.js';
import { parseLooseDate } from './dates.js';
import { decodeUtf8, readSourceFile } from './read-source.js';

type Row = Record<string, string>;

const REQUIRED = ['Unique ID', 'Name 6', 'Name type', 'Designation Type'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * UK Sanctions List, FCDO CSV layout: a "Report Date: dd-Mon-yyyy" line, a header
 * row, then one row per name (primary name, aliases, variations) of each
 * designation, grouped by "Unique ID".
 */
export async function parseUk(path: string): Promise<ParsedList> {
  const file = await readSourceFile('uk', path);
  const text = decodeUtf8('uk', file);
  const firstLine = text.slice(0, text.indexOf('\n') + 1);
  const reportDate = /Report Date:\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})/.exec(firstLine);
  const body = firstLine.startsWith('Report Date') ? text.slice(firstLine.length) : text;
  let rows: Row[];
  try {
    rows = parse(body, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new ListImportError('uk', path, `malformed CSV (${(error as Error).message})`, { cause: error });
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (rows.length === 0 || missing.length) {
    throw new ListImportError('uk', path, missing.length ? `missing columns ${missing.join(', ')}` : 'no rows');
  }
  const entities = new Map<string, Entity>();
  for (const row of rows) {
    const uid = row['Unique ID'];
    if (!uid) throw new ListImportError('uk', path, 'a row has no Unique ID');
    let entity = entities.get(uid);
    if (!entity) {
      entity = entityFor(uid, row['Designation Type']);
      entities.set(uid, entity);
    }
    addRow(entity, row);
  }
  for (const entity of entities.values()) {
    if (!entity.names.some((n) => n.kind === 'primary')) {
      const first = entity.names.find((n) => n.kind === 'alias');
      if (first) first.kind = 'primary';
    }
  }
  const list = [...entities.values()];
  const publishedAt = reportDate
    ? `${reportDate[3]}-${String(MONTHS.indexOf(reportDate[2]!.toLowerCase()) + 1).padStart(2, '0')}-${reportDate[1]!.padStart(2, '0')}`
    : null;
  return { source: 'uk', version: { sha256: file.sha256, publishedAt, entityCount: list.length }, entities: list, warnings: [] };
}

function entityFor(uid: string, designationType: string | undefined): Entity {
  const type = designationType?.toLowerCase();
  const kind: EntityKind = type === 'individual' ? 'person' : type === 'ship' ? 'vessel' : 'organisation';
  return newEntity({ id: `uk:${uid}`, source: 'uk', kind });
}

function addRow(entity: Entity, row: Row): void {
  const full = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6']
    .map((c) => row[c])
    .filter(Boolean)
    .join(' ');
  const nameType = row['Name type']?.toLowerCase() ?? '';
  const isWeak = /low/i.test(row['Alias strength'] ?? '');
  const kind = nameType === 'primary name' && !entity.names.some((n) => n.kind === 'primary') ? 'primary' : isWeak ? 'weak-alias' : 'alias';
  pushName(entity, full, kind);
  pushName(entity, row['Name non-latin script'] ?? '', 'original-script');
  pushUnique(entity.programs, row['Regime Name']);
  if (!entity.remarks && row['Other Information']) entity.remarks = row['Other Information'];
  for (const dob of splitValues(row['D.O.B'])) {
    const date = parseLooseDate(dob);
    if (date && !entity.birthDates.some((d) => d.value === date.value)) entity.birthDates.push(date);
  }
  for (const country of [...splitValues(row['Nationality(/ies)']), row['Address Country'], row['Country of birth']]) {
    addCountry(entity.countries, toCountryCode(country));
  }
  const place = [row['Town of birth'], row['Country of birth']].filter(Boolean).join(', ');
  pushUnique(entity.birthPlaces, place);
  for (const [column, type] of [
    ['Passport number', 'Passport'],
    ['National Identifier number', 'National ID'],
    ['IMO number', 'IMO'],
    ['Business registration number (s)', 'Registration Number'],
  ] as const) {
    for (const value of splitValues(row[column])) {
      if (!entity.identifiers.some((i) => i.type === type && i.value === value)) entity.identifiers.push({ type, value, country: null });
    }
  }
  const address = [
    'Address Line 1',
    'Address Line 2',
    'Address Line 3',
    'Address Line 4',
    'Address Line 5',
    'Address Line 6',
    'Address Postal Code',
    'Address Country',
  ]
    .map((c) => row[c])
    .filter(Boolean)
    .join(', ');
  if (address && !entity.addresses.some((a) => a.full === address)) {
    entity.addresses.push({ full: address, country: toCountryCode(row['Address Country']) });
  }
  const gender = row['Gender']?.toLowerCase();
  if (gender === 'male' || gender === 'female') entity.gender = gender;
}

function pushName(entity: Entity, full: string, kind: Entity['names'][number]['kind']): void {
  const trimmed = full.trim();
  if (!trimmed || entity.names.some((n) => n.full === trimmed)) return;
  entity.names.push({ full: trimmed, kind, script: detectScript(trimmed), isFormer: false });
}

function pushUnique(into: string[], value: string | undefined): void {
  if (value && !into.includes(value)) into.push(value);
}

function splitValues(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/\s*[|;]\s*/)
    .map((v) => v.replace(/^\(\d+\)\s*/, '').trim())
    .filter(Boolean);
}
