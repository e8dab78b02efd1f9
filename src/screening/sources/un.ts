import { ListImportError } from '../errors.js';
import { newEntity, type BirthDate, type Entity, type EntityName, type ParsedList } from '../model.js';
import { detectScript } from '../normalize/scripts.js';
import { addCountry, toCountryCode } from './countries.js';
import { birthDateFromParts } from './dates.js';
import { readXmlList, type XmlNode as Node } from './xml.js';

const REPEATED = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'VALUE',
  'NAME_ORIGINAL_SCRIPT',
]);

/** UN Security Council consolidated list (the XML behind scsanctions.un.org). */
export async function parseUn(path: string): Promise<ParsedList> {
  const { file, root } = await readXmlList('un', path, { rootTag: 'CONSOLIDATED_LIST', repeated: REPEATED });
  const people = asNodes((root['INDIVIDUALS'] as Node | undefined)?.['INDIVIDUAL']);
  const orgs = asNodes((root['ENTITIES'] as Node | undefined)?.['ENTITY']);
  const entities = [...people.map((n) => fromNode(n, 'person')), ...orgs.map((n) => fromNode(n, 'organisation'))];
  if (entities.length === 0) throw new ListImportError('un', path, 'no individuals or entities');
  const seen = new Set<string>();
  for (const entity of entities) {
    if (seen.has(entity.id)) throw new ListImportError('un', path, `duplicate reference ${entity.id}`);
    seen.add(entity.id);
  }
  const generated = root['@dateGenerated'];
  return {
    source: 'un',
    version: { sha256: file.sha256, publishedAt: typeof generated === 'string' ? generated : null, entityCount: entities.length },
    entities,
    warnings: [],
  };
}

function fromNode(node: Node, kind: 'person' | 'organisation'): Entity {
  const prefix = kind === 'person' ? 'INDIVIDUAL' : 'ENTITY';
  const ref = text(node['REFERENCE_NUMBER']) ?? `dataid-${text(node['DATAID'])}`;
  const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((tag) => text(node[tag]))
    .filter(Boolean)
    .join(' ');
  const entity = newEntity({
    id: `un:${ref}`,
    source: 'un',
    kind,
    names: [name(primary, 'primary', false)],
    programs: [text(node['UN_LIST_TYPE'])].filter((p): p is string => !!p),
    gender: genderOf(text(node['GENDER'])),
    remarks: text(node['COMMENTS1']),
  });
  for (const alias of asNodes(node[`${prefix}_ALIAS`])) {
    const full = text(alias['ALIAS_NAME']);
    if (!full) continue;
    const quality = text(alias['QUALITY'])?.toLowerCase();
    entity.names.push(name(full, quality === 'low' ? 'weak-alias' : 'alias', quality === 'f.k.a.'));
  }
  for (const original of asNodes(node['NAME_ORIGINAL_SCRIPT'])) {
    const full = text(original);
    if (full) entity.names.push(name(full, 'original-script', false));
  }
  for (const value of asNodes((node['NATIONALITY'] as Node | undefined)?.['VALUE'])) {
    addCountry(entity.countries, toCountryCode(text(value)));
  }
  for (const address of asNodes(node[`${prefix}_ADDRESS`])) {
    const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'].map((t) => text(address[t])).filter(Boolean);
    const country = toCountryCode(text(address['COUNTRY']));
    if (parts.length) entity.addresses.push({ full: parts.join(', '), country });
    addCountry(entity.countries, country);
  }
  for (const dob of asNodes(node['INDIVIDUAL_DATE_OF_BIRTH'])) {
    const date = birthDate(dob);
    if (date) entity.birthDates.push(date);
  }
  for (const pob of asNodes(node['INDIVIDUAL_PLACE_OF_BIRTH'])) {
    const place = ['CITY', 'STATE_PROVINCE', 'COUNTRY']
      .map((t) => text(pob[t]))
      .filter(Boolean)
      .join(', ');
    if (place) entity.birthPlaces.push(place);
  }
  for (const doc of asNodes(node['INDIVIDUAL_DOCUMENT'])) {
    const value = text(doc['NUMBER']);
    if (!value) continue;
    const issuer = text(doc['ISSUING_COUNTRY']) ?? text(doc['COUNTRY_OF_ISSUE']);
    entity.identifiers.push({ type: text(doc['TYPE_OF_DOCUMENT']) ?? 'Document', value, country: toCountryCode(issuer) });
  }
  return entity;
}

function birthDate(node: Node): BirthDate | null {
  const type = text(node['TYPE_OF_DATE'])?.toUpperCase();
  const exact = text(node['DATE']);
  if (exact) {
    const [y, m, d] = exact.slice(0, 10).split('-');
    return birthDateFromParts(y ?? '', m ?? null, d ?? null, type === 'APPROXIMATELY');
  }
  const year = text(node['YEAR']);
  if (year) return birthDateFromParts(year, null, null, type === 'APPROXIMATELY');
  const from = text(node['FROM_YEAR']);
  const to = text(node['TO_YEAR']);
  if (from && to) {
    const date = birthDateFromParts(from, null, null, true);
    return date ? { ...date, rangeTo: to } : null;
  }
  return null;
}

function name(full: string, kind: EntityName['kind'], isFormer: boolean): EntityName {
  return { full, kind, script: detectScript(full), isFormer };
}

function asNodes(value: unknown): Node[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as Node[];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text((value as Node)['#text']);
  return null;
}

function genderOf(raw: string | null): 'male' | 'female' | null {
  const g = raw?.toLowerCase();
  return g === 'male' ? 'male' : g === 'female' ? 'female' : null;
}
