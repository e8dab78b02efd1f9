import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../../test/harness.js';
import type { Db } from '../../db/database.js';
import { DATASETS } from './datasets/index.js';
import { importDataset } from './import-dataset.js';
import { gleifOpenDataProvider, ukOpenDataProvider } from './open-data-providers.js';
import type { DatasetId } from './dataset.js';

const fixture = (name: string) => path.join(import.meta.dirname, '../../../test/fixtures/registries', name);
const NOW = Date.parse('2026-11-28T03:00:00Z');

for (const dialect of DIALECTS) {
  describe(`open-data registers [${dialect}]`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    const load = (dataset: DatasetId, file: string, force = false) => importDataset({ db, dataset: DATASETS[dataset], path: fixture(file), now: NOW, force });
    const count = async (table: 'registry_companies' | 'registry_persons' | 'registry_relationships') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      const test = await openTestDatabase(dialect);
      db = test.handle.db;
      cleanup = test.cleanup;
    });
    afterAll(() => cleanup());

    it('imports the Companies House basic data CSV with its hash, date and row count', async () => {
      const result = await load('uk-basic', 'uk-basic-2021-01-01.csv');
      expect(result).toMatchObject({ dataset: 'uk-basic', rowCount: 31, publishedAt: '2021-01-01', isUnchanged: false, previous: null });
      expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await count('registry_companies')).toBe(31);
      const again = await load('uk-basic', 'uk-basic-2021-01-01.csv');
      expect(again.isUnchanged).toBe(true);
    });

    it('refuses a truncated or malformed basic data file whole and keeps the live version', async () => {
      await expect(load('uk-basic', 'uk-basic-truncated.csv')).rejects.toThrow(/cannot import uk-basic/);
      await expect(load('uk-basic', 'uk-basic-malformed.csv')).rejects.toThrow(/Invalid Record Length|column/i);
      expect(await count('registry_companies')).toBe(31);
      const imports = await db.selectFrom('registry_imports').selectAll().where('dataset', '=', 'uk-basic').execute();
      expect(imports.map((row) => row.is_live)).toEqual([1]);
    });

    it('finds a company by number whatever its spacing and leading zeros', async () => {
      const uk = ukOpenDataProvider(db);
      const [hit] = await uk.search({ country: 'GB', number: ' 8209948 ' });
      expect(hit).toMatchObject({ number: '08209948', name: '! LTD', status: 'active', legalForm: 'Private Limited Company', incorporatedOn: '2012-09-11' });
      expect(hit!.address).toMatchObject({ kind: 'registered', city: 'LEEDS', postCode: 'LS10 2RU' });
      expect((await uk.search({ country: 'GB', number: 'sc 313991' })).map((each) => each.number)).toEqual(['SC313991']);
      expect((await uk.search({ country: 'GB', number: 'SC 0606-050' })).map((each) => each.number)).toEqual(['SC606050']);
      expect(await uk.search({ country: 'GB', number: '0000000' })).toEqual([]);
    });

    it('imports the PSC snapshot and reads owners in the profile; refuses a cut snapshot', async () => {
      await expect(load('uk-psc', 'uk-psc-truncated.jsonl')).rejects.toThrow(/not valid JSON/);
      await expect(load('uk-psc', 'uk-psc-no-totals.jsonl')).rejects.toThrow(/totals line/);
      expect(await count('registry_persons')).toBe(0);
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
      expect(await count('registry_companies')).toBe(31 + 13);
    });

    it('knows direct and ultimate parents from the relationship records', async () => {
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
      expect(await count('registry_relationships')).toBe(3);
    });

    it('finds names whatever their case, accents, punctuation, legal-form spelling and word order', async () => {
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
}
