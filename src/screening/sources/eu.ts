import { ListImportError } from '../errors.js';
import { newEntity, type BirthDate, type Entity, type ParsedList } from '../model.js';
import { detectScript } from '../normalize/scripts.js';
import { addCountry } from './countries.js';
import { birthDateFromParts } from './dates.js';
import { readXmlList, type XmlNode as Node } from './xml.js';

const REPEATED = new Set(['sanctionEntity', 'nameAlias', 'citizenship', 'birthdate', 'identification', 'address', 'regulation']);

/**
 * EU Financial Sanctions Files, XML 1.1 (`<export generationDate=…>` holding one
 * `<sanctionEntity>` per listing; names, citizenships, birth dates, identifications
 * and addresses as attributes).
 */
export async function parseEu(path: string): Promise<ParsedList> {
  const { file, root } = await readXmlList('eu', path, { rootTag: 'export', repeated: REPEATED, removeNSPrefix: true });
  const nodes = (root['sanctionEntity'] as Node[] | undefined) ?? [];
  const entities: Entity[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    const entity = fromNode(node);
    if (!entity) throw new ListImportError('eu', path, 'a sanctionEntity has no logicalId or no name');
    if (seen.has(entity.id)) throw new ListImportError('eu', path, `duplicate ${entity.id}`);
    seen.add(entity.id);
    entities.push(entity);
  }
  if (entities.length === 0) throw new ListImportError('eu', path, 'no sanctionEntity elements');
  const generated = attr(root, 'generationDate');
  return { source: 'eu', version: { sha256: file.sha256, publishedAt: generated, entityCount: entities.length }, entities, warnings: [] };
}

function fromNode(node: Node): Entity | null {
  const logicalId = attr(node, 'logicalId');
  const subject = node['subjectType'] as Node | undefined;
  const code = subject ? attr(subject, 'code') : null;
  const entity = newEntity({
    id: `eu:${logicalId}`,
    source: 'eu',
    kind: code === 'person' ? 'person' : 'organisation',
    programs: ((node['regulation'] as Node[] | undefined) ?? [])
      .map((r) => attr(r, 'programme'))
      .filter((p): p is string => !!p)
      .filter((p, i, all) => all.indexOf(p) === i),
    remarks: attr(node, 'designationDetails') ?? null,
  });
  for (const alias of (node['nameAlias'] as Node[] | undefined) ?? []) {
    const full =
      attr(alias, 'wholeName') ??
      ['firstName', 'middleName', 'lastName']
        .map((a) => attr(alias, a))
        .filter(Boolean)
        .join(' ');
    if (!full) continue;
    const script = detectScript(full);
    const kind = script !== 'Latn' ? 'original-script' : attr(alias, 'strong') === 'false' ? 'weak-alias' : entity.names.length === 0 ? 'primary' : 'alias';
    entity.names.push({ full, kind, script, isFormer: false });
    const gender = attr(alias, 'gender');
    if (gender === 'M' || gender === 'F') entity.gender = gender === 'M' ? 'male' : 'female';
  }
  const primary = entity.names.find((n) => n.kind !== 'original-script' && n.kind !== 'weak-alias');
  if (primary) primary.kind = 'primary';
  if (!logicalId || entity.names.length === 0) return null;
  for (const c of (node['citizenship'] as Node[] | undefined) ?? []) addCountry(entity.countries, iso2(c));
  for (const b of (node['birthdate'] as Node[] | undefined) ?? []) {
    const date = birthDate(b);
    if (date) entity.birthDates.push(date);
    const place = [attr(b, 'city'), attr(b, 'place'), attr(b, 'countryDescription')].filter(Boolean).join(', ');
    if (place) entity.birthPlaces.push(place);
  }
  for (const i of (node['identification'] as Node[] | undefined) ?? []) {
    const value = attr(i, 'number') ?? attr(i, 'latinNumber');
    if (value) entity.identifiers.push({ type: attr(i, 'identificationTypeDescription') ?? 'Identification', value, country: iso2(i) });
  }
  for (const a of (node['address'] as Node[] | undefined) ?? []) {
    const full = ['street', 'poBox', 'city', 'zipCode', 'region', 'place', 'countryDescription']
      .map((k) => attr(a, k))
      .filter(Boolean)
      .join(', ');
    if (full) entity.addresses.push({ full, country: iso2(a) });
    addCountry(entity.countries, iso2(a));
  }
  return entity;
}

function birthDate(node: Node): BirthDate | null {
  const isApproximate = attr(node, 'circa') === 'true';
  const full = attr(node, 'birthdate');
  if (full) {
    const [y, m, d] = full.split('-');
    return birthDateFromParts(y ?? '', m ?? null, d ?? null, isApproximate);
  }
  const year = attr(node, 'year');
  return year ? birthDateFromParts(year, attr(node, 'monthOfYear'), attr(node, 'dayOfMonth'), isApproximate) : null;
}

function iso2(node: Node): string | null {
  const code = attr(node, 'countryIso2Code');
  return code && /^[A-Za-z]{2}$/.test(code) && code !== '00' ? code.toUpperCase() : null;
}

function attr(node: Node, name: string): string | null {
  const value = node[`@${name}`];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
