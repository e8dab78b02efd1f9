import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../../test/harness.js';
import { dialectOf, type Db } from '../../db/database.js';
import { DATASETS } from './datasets/index.js';
import { importDataset } from './import-dataset.js';
import { nameKeys, numberKey } from './keys.js';
import { gleifOpenDataProvider, ukOpenDataProvider } from './open-data-providers.js';
import type { Dataset, DatasetId } from './dataset.js';
import { importRows, liveImport } from './search.js';

const fixture = (name: string) => path.join(import.meta.dirname, '../../../test/fixtures/registries', name);
const NOW = Date.parse('2026-11-28T03:00:00Z');

/** The tables imports made for themselves (on SQLite their indexes, word indexes and the word indexes' shadow tables too). */
async function importTables(db: Db): Promise<string[]> {
  const query =
    dialectOf(db) === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
      : sql<{ name: string }>`select name from sqlite_master where type in ('table', 'index')`;
  const { rows } = await query.execute(db);
  return rows
    .map((row) => row.name)
    .filter((name) => /^registry_[a-z]+_[0-9a-f]{32}/.test(name))
    .sort();
}

/** A company row as an importer stages it (a test's own, not from a file). */
function companyRow(name: string, number: string) {
  const keys = nameKeys(name);
  const names = { name, search_text: keys.searchText, name_key: keys.nameKey };
  const data = JSON.stringify({ addresses: [], activityCodes: [] });
  return {
    country: 'GB',
    number,
    number_key: numberKey(number),
    ...names,
    status: 'active',
    legal_form: null,
    incorporated_on: null,
    registered_number_key: null,
    data,
  };
}

/** A Companies House basic-data "file" read from a script: `between(i)` runs before row i is read. */
function scriptedCompanies(names: string[], between: (index: number) => Promise<void>): Dataset {
  return {
    id: 'uk-basic',
    table: 'registry_companies',
    async *read() {
      for (const [i, name] of names.entries()) {
        await between(i);
        yield companyRow(name, String(90_000_000 + i));
      }
    },
  };
}

/** A database of its own for the enclosing describe block. */
function testDatabase(dialect: (typeof DIALECTS)[number]): { db: Db } {
  const opened = {} as { db: Db };
  let cleanup = async () => {};
  beforeAll(async () => {
    const test = await openTestDatabase(dialect);
    opened.db = test.handle.db;
    cleanup = test.cleanup;
  });
  afterAll(() => cleanup());
  return opened;
}

for (const dialect of DIALECTS) {
  describe(`open-data registers [${dialect}]`, () => {
    const opened = testDatabase(dialect);
    const load = (dataset: DatasetId, file: string, force = false) =>
      importDataset({ db: opened.db, dataset: DATASETS[dataset], path: fixture(file), now: NOW, force, replacedGraceMs: 0 });
    /** Rows of a dataset's live version, wherever they are kept. */
    const count = async (dataset: DatasetId) => {
      const live = await liveImport(opened.db, dataset);
      if (!live) return 0;
      const rows = await importRows(opened.db, live, DATASETS[dataset].table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(rows.n);
    };

    it('imports the Companies House basic data CSV with its hash, date and row count', async () => {
      const result = await load('uk-basic', 'uk-basic-2021-01-01.csv');
      expect(result).toMatchObject({ dataset: 'uk-basic', rowCount: 31, publishedAt: '2021-01-01', isUnchanged: false, previous: null });
      expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await count('uk-basic')).toBe(31);
      const again = await load('uk-basic', 'uk-basic-2021-01-01.csv');
      expect(again.isUnchanged).toBe(true);
    });

    it('refuses a truncated or malformed basic data file whole and keeps the live version', async () => {
      const { db } = opened;
      await expect(load('uk-basic', 'uk-basic-truncated.csv')).rejects.toThrow(/cannot import uk-basic/);
      await expect(load('uk-basic', 'uk-basic-malformed.csv')).rejects.toThrow(/Invalid Record Length|column/i);
      expect(await count('uk-basic')).toBe(31);
      const imports = await db.selectFrom('registry_imports').selectAll().where('dataset', '=', 'uk-basic').execute();
      expect(imports.map((row) => row.is_live)).toEqual([1]);
      // Nothing of the refused files stays: the live version's table is the only one.
      expect((await importTables(db)).filter((name) => !name.startsWith(imports[0]!.rows_table!))).toEqual([]);
    });

    it('finds a company by number whatever its spacing and leading zeros', async () => {
      const { db } = opened;
      const uk = ukOpenDataProvider(db);
      const [hit] = await uk.search({ country: 'GB', number: ' 8209948 ' });
      expect(hit).toMatchObject({ number: '08209948', name: '! LTD', status: 'active', legalForm: 'Private Limited Company', incorporatedOn: '2012-09-11' });
      expect(hit!.address).toMatchObject({ kind: 'registered', city: 'LEEDS', postCode: 'LS10 2RU' });
      expect((await uk.search({ country: 'GB', number: 'sc 313991' })).map((each) => each.number)).toEqual(['SC313991']);
      expect((await uk.search({ country: 'GB', number: 'SC 0606-050' })).map((each) => each.number)).toEqual(['SC606050']);
      expect(await uk.search({ country: 'GB', number: '0000000' })).toEqual([]);
    });

    it('imports the PSC snapshot and reads owners in the profile; refuses a cut snapshot', async () => {
      const { db } = opened;
      await expect(load('uk-psc', 'uk-psc-truncated.jsonl')).rejects.toThrow(/not valid JSON/);
      await expect(load('uk-psc', 'uk-psc-no-totals.jsonl')).rejects.toThrow(/totals line/);
      expect(await count('uk-psc')).toBe(0);
      const result = await load('uk-psc', 'uk-psc-2024-11-22.jsonl');
      expect(result).toMatchObject({ rowCount: 18, skipped: 1, publishedAt: '2024-11-22T03:43:03Z' });
      const profile = await ukOpenDataProvider(db).profile('GB', '8209948');
      expect(profile).toMatchObject({ number: '08209948', activityCodes: ['99999 - Dormant Company'], asOf: '2021-01-01' });
      expect(profile!.owners).toEqual([
        expect.objectContaining({
          kind: 'individual',
          role: 'owner',
          name: 'Mr Marc Anthony Feldman',
          firstName: 'Marc',
          lastName: 'Feldman',
          birthMonth: '1961-12',
          sharesMin: 75,
          sharesMax: 100,
          natureOfControl: ['ownership-of-shares-75-to-100-percent'],
        }),
      ]);
      expect(await ukOpenDataProvider(db).profile('GB', '99999999')).toBeNull();
    });

    it('imports the LEI golden copy from XML and from CSV alike', async () => {
      const { db } = opened;
      await expect(load('gleif-lei', 'gleif-lei-truncated.xml')).rejects.toThrow(/truncated/);
      await expect(load('gleif-lei', 'gleif-lei-malformed.xml')).rejects.toThrow(/record 7 is not well-formed/);
      await expect(load('gleif-lei', 'gleif-lei-truncated.csv')).rejects.toThrow(/cannot import gleif-lei/);
      const fromXml = await load('gleif-lei', 'gleif-lei-20230605.xml');
      expect(fromXml).toMatchObject({ rowCount: 13, publishedAt: '2023-06-05T08:20:51Z' });
      const gleif = gleifOpenDataProvider(db);
      const xmlProfile = await gleif.profile('GB', '213800FERQ5LE3H7WJ58');
      const fromCsv = await load('gleif-lei', 'gleif-lei-20230605.csv');
      expect(fromCsv).toMatchObject({ rowCount: 13, publishedAt: '2023-06-05', previous: { rowCount: 13 } });
      const csvProfile = await gleif.profile('GB', '213800FERQ5LE3H7WJ58');
      expect(xmlProfile).toMatchObject({
        name: 'DENTSU INTERNATIONAL LIMITED',
        country: 'GB',
        legalForm: 'H0PO',
        incorporatedOn: '1978-12-05',
        lei: '213800FERQ5LE3H7WJ58',
      });
      expect({ ...csvProfile, asOf: '' }).toEqual({ ...xmlProfile, asOf: '' });
      // The register's own number finds the LEI record too.
      expect((await gleif.profile('GB', '1403668'))?.number).toBe('213800FERQ5LE3H7WJ58');
      expect((await count('uk-basic')) + (await count('gleif-lei'))).toBe(31 + 13);
    });

    it('knows direct and ultimate parents from the relationship records', async () => {
      const { db } = opened;
      await expect(load('gleif-rr', 'gleif-rr-truncated.xml')).rejects.toThrow(/truncated/);
      await expect(load('gleif-rr', 'gleif-rr-malformed.csv')).rejects.toThrow(/not an LEI/);
      expect(await load('gleif-rr', 'gleif-rr-20230605.xml')).toMatchObject({ rowCount: 2, skipped: 8 });
      expect(await load('gleif-rr', 'gleif-rr-20230605.csv')).toMatchObject({ rowCount: 2, skipped: 8 });
      await load('gleif-rr', 'gleif-rr-consolidation-synthetic.csv', true);
      const profile = await gleifOpenDataProvider(db).profile('GB', '213800FERQ5LE3H7WJ58');
      expect(profile!.parents).toEqual([
        { lei: '00W0SLGGVF0QQ5Q36N03', relationship: 'direct', name: 'GE Pacific-3 Holdings, Inc.' },
        { lei: '004L5FPTUREIWK9T2N63', relationship: 'ultimate', name: 'Hutchin Hill Capital, LP' },
      ]);
      expect(await count('gleif-rr')).toBe(3);
      // Every version is kept in a table of its own: the common tables stay empty.
      expect(
        Number(
          (
            await db
              .selectFrom('registry_companies')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(0);
    });

    it('finds names whatever their case, accents, punctuation, legal-form spelling and word order', async () => {
      const { db } = opened;
      const uk = ukOpenDataProvider(db);
      const gleif = gleifOpenDataProvider(db);
      const first = async (provider: typeof uk, country: string, name: string) => (await provider.search({ country, name }))[0]?.name;
      expect(await first(gleif, 'GB', 'Dentsu International Ltd.')).toBe('DENTSU INTERNATIONAL LIMITED');
      expect(await first(gleif, 'GB', 'international dentsu limited')).toBe('DENTSU INTERNATIONAL LIMITED');
      expect(await first(gleif, 'GB', 'DENTSU-INTERNATIONAL')).toBe('DENTSU INTERNATIONAL LIMITED');
      expect(await first(gleif, 'SE', 'Swedeit Italian AB')).toBe('Swedeit Italian Aktiebolag');
      expect(await first(gleif, 'US', 'aristeia capital llc')).toBe('ARISTEIA CAPITAL, L.L.C.');
      expect(await first(gleif, 'US', 'Greater Morristown Young Mens Christian Association')).toBe(
        "The Greater Morristown Young Men's Christian Association, Inc.",
      );
      expect(await first(gleif, 'US', 'Morristown')).toBe("The Greater Morristown Young Men's Christian Association, Inc.");
      expect(await first(gleif, 'SE', 'Vastra Frolunda')).toBeUndefined();
      expect(await first(gleif, 'GB', 'Aristeia Capital')).toBeUndefined();
      expect(await first(uk, 'GB', '1 C O limited')).toBe('"1 C O LIMITED"');
      expect(await first(uk, 'GB', 'the all wrapped up events management limited')).toBeUndefined();
      expect(await first(uk, 'GB', 'All Wrapped Up - Events Management Ltd.')).toBe('"ALL WRAPPED UP" EVENTS MANAGEMENT LTD');
      expect(await first(uk, 'GB', 'events management, all wrapped up')).toBe('"ALL WRAPPED UP" EVENTS MANAGEMENT LTD');
      expect(await first(uk, 'GB', 'ALTAI CASHMERE L.L.C.')).toBe('"ALTAI CASHMERE" LLC');
      expect(await first(uk, 'GB', 'Altai')).toBe('"ALTAI CASHMERE" LLC');
      expect(await first(uk, 'GB', 'tuscany taste')).toBe('"A TASTE OF TUSCANY" LTD');
    });
  });

  describe(`open-data import tables [${dialect}]`, () => {
    const opened = testDatabase(dialect);
    const NAMES = ['ZEBRA NEWCO LIMITED', 'QUOKKA TRADING LTD', 'NARWHAL HOLDINGS PLC', 'OKAPI SERVICES LIMITED', 'AXOLOTL LLP'];

    it('keeps the old version readable until the new one is live, then drops its table', async () => {
      const { db } = opened;
      const first = await importDataset({ db, dataset: DATASETS['uk-basic'], path: fixture('uk-basic-2021-01-01.csv'), now: NOW });
      const firstTable = (await liveImport(db, 'uk-basic'))!.rows_table!;
      const uk = ukOpenDataProvider(db);
      const seen: Array<{ staged: number; old: number; new: number }> = [];
      const dataset = scriptedCompanies(NAMES, async (i) => {
        if (i !== 4) return;
        // A batch of two rows or two are in the new version's table (the second may be committing), which no reader reads yet.
        const staged = await db
          .selectFrom('registry_imports')
          .select('rows_table')
          .where('dataset', '=', 'uk-basic')
          .where('is_live', '=', 0)
          .executeTakeFirstOrThrow();
        const stagedRows = await sql<{ n: number }>`select count(*) as n from ${sql.table(staged.rows_table!)}`.execute(db);
        seen.push({
          staged: Number(stagedRows.rows[0]!.n),
          old: (await uk.search({ country: 'GB', number: '8209948' })).length,
          new: (await uk.search({ country: 'GB', name: 'zebra newco' })).length,
        });
      });
      // Another file's bytes: only its hash is read (the rows come from the script).
      const second = await importDataset({ db, dataset, path: fixture('uk-basic-malformed.csv'), now: NOW, force: true, batchRows: 2, replacedGraceMs: 0 });
      expect(seen).toHaveLength(1);
      expect([2, 4]).toContain(seen[0]!.staged);
      expect(seen[0]).toMatchObject({ old: 1, new: 0 });
      expect(second).toMatchObject({ rowCount: 5, previous: { sha256: first.sha256, rowCount: 31 } });
      expect((await uk.search({ country: 'GB', name: 'Zebra Newco Ltd.' })).map((hit) => hit.number)).toEqual(['90000000']);
      expect((await uk.search({ country: 'GB', name: 'narwhal' })).map((hit) => hit.name)).toEqual(['NARWHAL HOLDINGS PLC']);
      expect(await uk.search({ country: 'GB', number: '8209948' })).toEqual([]);
      const tables = await importTables(db);
      expect(tables.filter((name) => name.startsWith(firstTable))).toEqual([]);
      expect(tables.length).toBeGreaterThan(0);
    });

    it('stores every character a name can hold, quotes, backslashes and braces included', async () => {
      const { db } = opened;
      // PostgreSQL takes a batch as array literals (import-table.ts encodeRows): these are the
      // characters that literal quotes or escapes, and NULL spelt as a name.
      const names = ['O"Brien \\ Sons Ltd', '{Braces}, Commas & Co', 'Back\\slash"', 'NULL', '"', '\\'];
      // Another file's bytes than the neighbouring tests': only its hash is read.
      await importDataset({
        db,
        dataset: scriptedCompanies(names, async () => {}),
        path: fixture('uk-basic-truncated.csv'),
        now: NOW,
        force: true,
        replacedGraceMs: 0,
      });
      const live = (await liveImport(db, 'uk-basic'))!;
      const rows = await importRows(db, live, 'registry_companies').select(['name', 'legal_form']).execute();
      expect(rows.map((row) => row.name).sort()).toEqual([...names].sort());
      expect(rows.every((row) => row.legal_form === null)).toBe(true);
    });

    it('drops the table of an import that fails half-way, and of one found left behind', async () => {
      const { db } = opened;
      const before = await importTables(db);
      const failing = scriptedCompanies(NAMES, async (i) => {
        if (i === 3) throw new Error('the disk went away');
      });
      await expect(
        importDataset({ db, dataset: failing, path: fixture('uk-basic-2021-01-01.csv'), now: NOW, force: true, batchRows: 2, replacedGraceMs: 0 }),
      ).rejects.toThrow(/cannot import uk-basic .*the disk went away/);
      expect(await importTables(db)).toEqual(before);
      expect(await db.selectFrom('registry_imports').select('id').where('is_live', '=', 0).where('row_count', '=', 0).execute()).toEqual([]);
      // A killed import leaves its entry and its table: the next import of the dataset drops both.
      const killed = { id: '00000000-0000-4000-8000-000000000001', rows_table: 'registry_companies_00000000000040008000000000000001' };
      await db
        .insertInto('registry_imports')
        .values({ ...killed, dataset: 'uk-basic', sha256: 'x', file_name: 'killed.csv', row_count: 0, published_at: null, imported_at: NOW, is_live: 0 })
        .execute();
      await sql`create table ${sql.table(killed.rows_table)} (id integer)`.execute(db);
      await importDataset({
        db,
        dataset: scriptedCompanies(NAMES.slice(0, 3), async () => {}),
        path: fixture('uk-basic-2021-01-01.csv'),
        now: NOW,
        force: true,
        replacedGraceMs: 0,
      });
      expect((await importTables(db)).filter((name) => name.startsWith(killed.rows_table))).toEqual([]);
      expect(await db.selectFrom('registry_imports').select('id').where('id', '=', killed.id).execute()).toEqual([]);
    });

    it('reads an import made before import tables from the common table, and replaces it', async () => {
      const { db } = opened;
      // As migration 20261128T0300 left it: the rows in registry_companies under their import.
      const legacy = { id: '00000000-0000-4000-8000-000000000002', rows_table: null };
      await db
        .insertInto('registry_imports')
        .values({ ...legacy, dataset: 'gleif-lei', sha256: 'y', file_name: 'old.xml', row_count: 1, published_at: null, imported_at: NOW, is_live: 1 })
        .execute();
      const row = { ...companyRow('Old Register Entity Ltd', '213800OLDOLDOLDOLD00'), import_id: legacy.id };
      await db.insertInto('registry_companies').values(row).execute();
      const gleif = gleifOpenDataProvider(db);
      expect((await gleif.search({ country: 'GB', name: 'register entity' })).map((hit) => hit.number)).toEqual(['213800OLDOLDOLDOLD00']);
      expect((await gleif.profile('GB', '213800OLDOLDOLDOLD00'))?.name).toBe('Old Register Entity Ltd');
      await importDataset({ db, dataset: DATASETS['gleif-lei'], path: fixture('gleif-lei-20230605.xml'), now: NOW, replacedGraceMs: 0 });
      expect(await gleif.profile('GB', '213800OLDOLDOLDOLD00')).toBeNull();
      expect((await gleif.profile('GB', '213800FERQ5LE3H7WJ58'))?.name).toBe('DENTSU INTERNATIONAL LIMITED');
      expect(await db.selectFrom('registry_companies').select('id').where('import_id', '=', legacy.id).execute()).toEqual([]);
    });
  });
}
