import { ListImportError } from '../errors.js';
import type { Entity, EntityKind, EntityName, ParsedList } from '../model.js';
import { detectScript } from '../normalize/scripts.js';
import { addCountry, toCountryCode } from './countries.js';
import { parseLooseDate } from './dates.js';
import { PepCollector } from './ftm-pep.js';
import { decodeUtf8, readSourceFile } from './read-source.js';

const KINDS: Record<string, EntityKind> = {
  Person: 'person',
  Organization: 'organisation',
  Company: 'organisation',
  LegalEntity: 'organisation',
  PublicBody: 'organisation',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};
const ID_PROPS: Record<string, string> = {
  idNumber: 'ID Number',
  passportNumber: 'Passport',
  taxNumber: 'Tax Number',
  innCode: 'INN',
  registrationNumber: 'Registration Number',
  ogrnCode: 'OGRN',
  leiCode: 'LEI',
  swiftBic: 'SWIFT/BIC',
  imoNumber: 'IMO',
  mmsi: 'MMSI',
  vatCode: 'VAT',
};

interface FtmLine {
  id?: unknown;
  schema?: unknown;
  properties?: Record<string, unknown>;
  datasets?: unknown;
}

/**
 * FollowTheMoney entities, one JSON object a line (OpenSanctions' `entities.ftm.json`,
 * for operators who license it; PEP data arrives this way). Entities of
 * non-screenable schemas (sanctions, ownerships, addresses…) are skipped.
 */
export async function parseFtm(path: string): Promise<ParsedList> {
  const file = await readSourceFile('ftm', path);
  const lines = decodeUtf8('ftm', file).split('\n');
  const entities: Entity[] = [];
  const topicsOf = new Map<Entity, string[]>();
  const peps = new PepCollector();
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let record: FtmLine;
    try {
      record = JSON.parse(line) as FtmLine;
    } catch (error) {
      throw new ListImportError('ftm', path, `line ${i + 1} is not valid JSON (truncated file?)`, { cause: error });
    }
    if (typeof record.id !== 'string' || typeof record.schema !== 'string' || typeof record.properties !== 'object') {
      throw new ListImportError('ftm', path, `line ${i + 1} is not a FollowTheMoney entity`);
    }
    const kind = KINDS[record.schema];
    const values = stringValues(record.properties);
    peps.add(record.schema, record.id, values);
    if (!kind) return;
    const entity = fromRecord(record as Required<FtmLine> & { id: string }, kind);
    entities.push(entity);
    if (kind === 'person') topicsOf.set(entity, values('topics'));
  });
  if (entities.length === 0) throw new ListImportError('ftm', path, 'no screenable entities');
  // Offices may be listed after their holders: tiers are settled once the whole file is read.
  for (const [entity, topics] of topicsOf) {
    const tier = peps.tierOf(entity.id.slice('ftm:'.length), topics);
    if (tier) entity.pepTier = tier;
  }
  return { source: 'ftm', version: { sha256: file.sha256, publishedAt: null, entityCount: entities.length }, entities, warnings: [] };
}

function stringValues(properties: Record<string, unknown>): (key: string) => string[] {
  return (key) => {
    const value = properties[key];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
  };
}

function fromRecord(record: { id: string; properties: Record<string, unknown>; datasets?: unknown }, kind: EntityKind): Entity {
  const props = stringValues(record.properties);
  const names: EntityName[] = [];
  const push = (full: string, nameKind: EntityName['kind'], isFormer = false) => {
    if (names.some((n) => n.full === full)) return;
    const script = detectScript(full);
    names.push({ full, kind: nameKind === 'alias' && script !== 'Latn' ? 'original-script' : nameKind, script, isFormer });
  };
  props('name').forEach((n, i) => push(n, i === 0 ? 'primary' : 'alias'));
  props('alias').forEach((n) => push(n, 'alias'));
  props('previousName').forEach((n) => push(n, 'alias', true));
  props('weakAlias').forEach((n) => push(n, 'weak-alias'));
  const entity: Entity = {
    id: `ftm:${record.id}`,
    source: 'ftm',
    kind,
    names,
    birthDates: props('birthDate')
      .map(parseLooseDate)
      .filter((d) => d !== null),
    birthPlaces: props('birthPlace'),
    countries: [],
    identifiers: [],
    addresses: props('address').map((full) => ({ full, country: null })),
    programs: Array.isArray(record.datasets) ? record.datasets.filter((d): d is string => typeof d === 'string') : [],
    gender: props('gender')[0] === 'male' ? 'male' : props('gender')[0] === 'female' ? 'female' : null,
    remarks: props('notes')[0] ?? null,
  };
  for (const key of ['nationality', 'citizenship', 'country', 'jurisdiction', 'flag']) {
    for (const c of props(key)) addCountry(entity.countries, toCountryCode(c));
  }
  for (const [key, type] of Object.entries(ID_PROPS)) {
    for (const value of props(key)) entity.identifiers.push({ type, value, country: null });
  }
  return entity;
}
