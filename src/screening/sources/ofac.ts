import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ListImportError } from '../errors.js';
import { newEntity, type Entity, type EntityKind, type EntityName, type ParsedList } from '../model.js';
import { detectScript } from '../normalize/scripts.js';
import { addCountry, toCountryCode } from './countries.js';
import { parseOfacRemarks } from './ofac-remarks.js';
import { combinedSha256, decodeUtf8, readSourceFile, type SourceFile } from './read-source.js';

type OfacSource = 'ofac-sdn' | 'ofac-nonsdn';

const FILES: Record<OfacSource, { main: string; alt: string; add: string; comments: string }> = {
  'ofac-sdn': { main: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' },
  'ofac-nonsdn': { main: 'cons_prim.csv', alt: 'cons_alt.csv', add: 'cons_add.csv', comments: 'cons_comments.csv' },
};

/**
 * OFAC's legacy delimited files (no header, `-0-` for null): the main file, its
 * aliases, addresses and the overflow of long remarks. `path` is the folder
 * holding them or the main file itself.
 */
export async function parseOfac(source: OfacSource, path: string): Promise<ParsedList> {
  const folder = (await isDirectory(path)) ? path : dirname(path);
  const names = FILES[source];
  if (!(await isDirectory(path)) && basename(path) !== names.main) {
    throw new ListImportError(source, path, `expected the folder or ${names.main}`);
  }
  const [main, alt, add, comments] = await Promise.all([
    readSourceFile(source, join(folder, names.main)),
    readSourceFile(source, join(folder, names.alt)),
    readSourceFile(source, join(folder, names.add)),
    readSourceFile(source, join(folder, names.comments)).catch(() => null),
  ]);
  const entities = new Map<string, Entity>();
  const remarks = new Map<string, string>();
  for (const row of readRows(source, main, 12)) {
    const id = row[0]!;
    if (!/^\d+$/.test(id) || entities.has(id) || !row[1]) {
      throw new ListImportError(source, main.path, `bad or duplicate record ${id}`);
    }
    entities.set(id, fromMainRow(source, row));
    if (row[11]) remarks.set(id, row[11]);
  }
  if (comments) {
    for (const row of readRows(source, comments, 2)) {
      if (row[1] && remarks.has(row[0]!)) remarks.set(row[0]!, remarks.get(row[0]!) + row[1]);
    }
  }
  let orphans = 0;
  for (const row of readRows(source, alt, 5)) {
    const entity = entities.get(row[0]!);
    if (!entity) {
      orphans++;
      continue;
    }
    const isFormer = row[2]?.toLowerCase() === 'fka';
    if (row[3]) entity.names.push(name(row[3], 'alias', isFormer));
  }
  for (const row of readRows(source, add, 6)) {
    const entity = entities.get(row[0]!);
    if (!entity) {
      orphans++;
      continue;
    }
    const country = toCountryCode(row[4]);
    const full = [row[2], row[3], row[4]].filter(Boolean).join(', ');
    if (full) entity.addresses.push({ full, country });
    addCountry(entity.countries, country);
  }
  for (const [id, text] of remarks) applyRemarks(entities.get(id), text);
  const files = [main, alt, add, ...(comments ? [comments] : [])];
  const list = [...entities.values()];
  if (list.length === 0) throw new ListImportError(source, main.path, 'no records');
  // OFAC publishes the files together, yet snapshots drift apart (the bundled test
  // data is a trimmed sdn.csv with full alias files): rows for absent records are
  // dropped and counted rather than failing the import.
  const warnings = orphans > 0 ? [`${orphans} alias or address rows refer to records absent from ${names.main}`] : [];
  return {
    source,
    version: { sha256: combinedSha256(files), publishedAt: null, entityCount: list.length },
    entities: list,
    warnings,
  };
}

function readRows(source: string, file: SourceFile, columns: number): (string | null)[][] {
  const text = decodeUtf8(source, file).replace(/\x1a\s*$/, '');
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ListImportError(source, file.path, `malformed CSV (${(error as Error).message})`, { cause: error });
  }
  return rows.map((row, i) => {
    if (row.length !== columns) {
      throw new ListImportError(source, file.path, `row ${i + 1} has ${row.length} columns, expected ${columns}`);
    }
    return row.map((cell) => (cell === '-0-' || cell === '' ? null : cell));
  });
}

function fromMainRow(source: OfacSource, row: (string | null)[]): Entity {
  const type = row[2]?.toLowerCase();
  const kind: EntityKind = type === 'individual' ? 'person' : type === 'vessel' ? 'vessel' : type === 'aircraft' ? 'aircraft' : 'organisation';
  const entity = newEntity({
    id: `${source}:${row[0]}`,
    source,
    kind,
    names: [name(row[1]!, 'primary', false)],
    programs: (row[3] ?? '')
      .split(/\]\s*\[/)
      .map((p) => p.trim())
      .filter(Boolean),
  });
  if (row[5]) entity.identifiers.push({ type: 'Call Sign', value: row[5], country: null });
  if (kind === 'vessel') addCountry(entity.countries, toCountryCode(row[9]));
  return entity;
}

function name(full: string, kind: EntityName['kind'], isFormer: boolean): EntityName {
  return { full, kind, script: detectScript(full), isFormer };
}

function applyRemarks(entity: Entity | undefined, text: string): void {
  if (!entity) return;
  entity.remarks = text;
  const parsed = parseOfacRemarks(text);
  entity.birthDates.push(...parsed.birthDates);
  entity.birthPlaces.push(...parsed.birthPlaces);
  for (const code of parsed.countries) addCountry(entity.countries, code);
  entity.identifiers.push(...parsed.identifiers);
  entity.gender = parsed.gender;
  for (const alias of parsed.weakAliases) entity.names.push(name(alias, 'weak-alias', false));
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
