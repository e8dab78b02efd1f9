import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/screening/data-dir.js';
import { ListImportError } from '../errors.js';
import type { ParsedList, SourceId } from '../model.js';
import { parseList } from './parse-list.js';

/** A fixture parsed as `source`, its version checked against `version`. */
async function parsedFixture(source: SourceId, name: string, version: Partial<ParsedList['version']>): Promise<ParsedList> {
  const list = await parseList(source, { path: fixturePath(name) });
  expect(list.version).toMatchObject(version);
  return list;
}

/** The parsed entity with this id (the test fails on a missing one). */
function entity(list: ParsedList, id: string): ParsedList['entities'][number] {
  const found = list.entities.find((e) => e.id === id);
  expect(found, id).toBeDefined();
  return found!;
}

async function truncatedCopy(name: string, fraction: number): Promise<string> {
  const text = await readFile(fixturePath(name), 'utf8');
  const path = join(await mkdtemp(join(tmpdir(), 'list-')), name);
  await writeFile(path, text.slice(0, Math.floor(text.length * fraction)));
  return path;
}

describe('EU consolidated list (FSF XML 1.1) parser', () => {
  it('reads persons and enterprises with names, dates, citizenship and documents', async () => {
    const eu = await parsedFixture('eu', 'eu-fsf-1.1.xml', { publishedAt: '2024-01-15T17:01:15.153+01:00', entityCount: 3 });
    const saddam = entity(eu, 'eu:13');
    expect(saddam.kind).toBe('person');
    expect(saddam.names.map((n) => n.kind)).toEqual(['primary', 'weak-alias', 'original-script']);
    expect(saddam.birthDates[0]).toMatchObject({ value: '1937-04-28', precision: 'day' });
    expect(saddam.countries).toEqual(['IQ']);
    expect(saddam.programs).toEqual(['IRQ']);
    const malkevich = entity(eu, 'eu:140000');
    expect(malkevich.identifiers).toEqual([{ type: 'National passport', value: '717637093', country: 'RU' }]);
    expect(malkevich.names[1]).toMatchObject({ kind: 'original-script', script: 'Cyrl' });
    const argument = entity(eu, 'eu:7012');
    expect(argument.kind).toBe('organisation');
    expect(argument.names.map((n) => n.full)).toEqual(['Joint Stock Company Argument', 'JSC Argument']);
  });

  it('rejects a truncated file', async () => {
    await expect(parseList('eu', { path: await truncatedCopy('eu-fsf-1.1.xml', 0.6) })).rejects.toBeInstanceOf(ListImportError);
  });
});

describe('UK Sanctions List (FCDO CSV) parser', () => {
  it('groups name rows by Unique ID and keeps the report date', async () => {
    const uk = await parsedFixture('uk', 'uk-sanctions-list.csv', { publishedAt: '2026-01-28', entityCount: 3 });
    const person = entity(uk, 'uk:RUS0251');
    expect(person.kind).toBe('person');
    expect(person.names.map((n) => [n.full, n.kind])).toEqual([
      ['Alexander Aleksandrovich MALKEVICH', 'primary'],
      ['Александр Александрович Малькевич', 'original-script'],
      ['Aleksandr MALKEVICH', 'alias'],
      ['Sasha', 'weak-alias'],
    ]);
    expect(person.birthDates).toEqual([{ value: '1975-06-14', precision: 'day', isApproximate: false, rangeTo: null }]);
    expect(person.identifiers.map((i) => i.value)).toEqual(['717637093', '781005202108']);
    expect(person.countries).toEqual(['RU']);
    expect(entity(uk, 'uk:RUS1900')).toMatchObject({ kind: 'vessel', identifiers: [{ type: 'IMO', value: '9160748' }] });
  });

  it('rejects a file cut inside a row', async () => {
    await expect(parseList('uk', { path: await truncatedCopy('uk-sanctions-list.csv', 0.5) })).rejects.toBeInstanceOf(ListImportError);
  });
});

describe('FollowTheMoney (OpenSanctions) parser', () => {
  it('reads screenable schemas and skips the others', async () => {
    const ftm = await parseList('ftm', { path: fixturePath('opensanctions.ftm.jsonl') });
    expect(ftm.version.entityCount).toBe(3);
    const maduro = entity(ftm, 'ftm:Q1045488');
    expect(maduro.names.map((n) => n.kind)).toEqual(['primary', 'alias', 'original-script', 'weak-alias']);
    expect(maduro.countries).toEqual(['VE']);
    expect(maduro.identifiers).toEqual([{ type: 'Passport', value: 'V5892464', country: null }]);
    const argument = entity(ftm, 'ftm:NK-argument');
    expect(argument.names[1]).toMatchObject({ full: 'Argument LLC', isFormer: true });
  });

  it('rejects a file whose last line was cut', async () => {
    await expect(parseList('ftm', { path: await truncatedCopy('opensanctions.ftm.jsonl', 0.4) })).rejects.toThrow(/not valid JSON/);
  });
});

describe('parseList on a file of the wrong format', () => {
  it('rejects a CSV file handed in as the EU XML', async () => {
    await expect(parseList('eu', { path: fixturePath('uk-sanctions-list.csv') })).rejects.toBeInstanceOf(ListImportError);
  });

  it('rejects an XML file handed in as the UK CSV', async () => {
    await expect(parseList('uk', { path: fixturePath('eu-fsf-1.1.xml') })).rejects.toThrow(/missing columns|malformed/);
  });
});
