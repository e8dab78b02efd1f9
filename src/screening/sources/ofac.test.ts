import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screeningDataDir } from '../../../test/screening/data-dir.js';
import { ListImportError } from '../errors.js';
import type { ParsedList } from '../model.js';
import { parseList } from './parse-list.js';

const data = screeningDataDir();
let sdn: ParsedList;
beforeAll(async () => {
  sdn = await parseList('ofac-sdn', { path: join(data, 'ofac-sdn') });
});
const byId = (id: string) => sdn.entities.find((e) => e.id === id)!;

describe('OFAC SDN parser on the real files', () => {
  it('reads every record of sdn.csv with its kind', () => {
    expect(sdn.version.entityCount).toBe(7379);
    expect(sdn.version.sha256).toMatch(/^[0-9a-f]{64}$/);
    const people = sdn.entities.filter((e) => e.kind === 'person').length;
    expect(people).toBe(3845);
    expect(sdn.entities.filter((e) => e.kind === 'vessel').length).toBe(323);
  });

  it('attaches aka aliases and addresses to their record', () => {
    const bank = byId('ofac-sdn:306');
    expect(bank.names.map((n) => [n.full, n.kind])).toEqual([
      ['BANCO NACIONAL DE CUBA', 'primary'],
      ['NATIONAL BANK OF CUBA', 'alias'],
      ['BNC', 'weak-alias'],
    ]);
    expect(bank.addresses).toHaveLength(4);
    expect(bank.countries).toContain('CH');
  });

  it('pulls dates of birth, places, identifiers and gender out of the remarks', () => {
    const person = byId('ofac-sdn:26235');
    expect(person.birthDates).toEqual([{ value: '1975-06-14', precision: 'day', isApproximate: false, rangeTo: null }]);
    expect(person.birthPlaces).toEqual(['Leningrad, Russia']);
    expect(person.gender).toBe('male');
    expect(person.identifiers).toEqual([
      { type: 'Passport', value: '717637093', country: 'RU' },
      { type: 'National ID No.', value: '781005202108', country: null },
    ]);
  });

  it('keeps a year-only date of birth at year precision', () => {
    expect(byId('ofac-sdn:2674').birthDates[0]).toMatchObject({ value: '1948-12-10', precision: 'day' });
    const nonSdn = byId('ofac-sdn:306');
    expect(nonSdn.birthDates).toEqual([]);
  });

  it('marks remark aliases in quotes as weak and alt.csv aliases as strong', () => {
    const weak = sdn.entities.flatMap((e) => e.names).filter((n) => n.kind === 'weak-alias');
    expect(weak.length).toBeGreaterThan(1500);
    const tanzanian = byId('ofac-sdn:6925')
      .names.filter((n) => n.kind === 'weak-alias')
      .map((n) => n.full);
    expect(tanzanian).toEqual(['AHMED, A.', 'KHABAR, Abu', 'BAKR, Abu', "'FOOPIE'", "'FUPI'", "'AHMED THE TANZANIAN'"]);
    expect(byId('ofac-sdn:6925').names.filter((n) => n.kind === 'alias').length).toBeGreaterThan(0);
  });

  it('appends the overflow of sdn_comments.csv to the remarks it continues', () => {
    // Entry 12300's remarks run past sdn.csv's column limit; "SALVA LA SELVA" is only in the overflow.
    const long = sdn.entities.find((e) => e.id === 'ofac-sdn:12300');
    expect(long).toBeDefined();
    expect(long!.remarks).toContain('FUNDACION SALVA LA SELVA');
  });
});

describe('OFAC non-SDN parser on the real files', () => {
  it('reads the consolidated list with its own id prefix', async () => {
    const cons = await parseList('ofac-nonsdn', { path: join(data, 'ofac-nonsdn') });
    expect(cons.version.entityCount).toBe(442);
    const haniya = cons.entities.find((e) => e.id === 'ofac-nonsdn:9639')!;
    expect(haniya.names[0]!.full).toBe('HANIYA, Ismail Abdul Salah');
    expect(haniya.birthDates[0]).toMatchObject({ value: '1962', precision: 'year' });
    expect(haniya.birthPlaces).toEqual(['Shati']);
  });
});

describe('OFAC import rejects a file that cannot be trusted whole', () => {
  async function copyWithMain(mutate: (text: string) => string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'ofac-'));
    for (const f of ['alt.csv', 'add.csv', 'sdn_comments.csv']) await copyFile(join(data, 'ofac-sdn', f), join(dir, f));
    const text = await readFile(join(data, 'ofac-sdn', 'sdn.csv'), 'utf8');
    await writeFile(join(dir, 'sdn.csv'), mutate(text));
    return dir;
  }

  it('rejects sdn.csv cut in the middle of a quoted field', async () => {
    const dir = await copyWithMain((t) => t.slice(0, Math.floor(t.length / 2)).replace(/"[^"]*$/, '"CUT OFF'));
    await expect(parseList('ofac-sdn', { path: dir })).rejects.toBeInstanceOf(ListImportError);
  });

  it('rejects sdn.csv cut in the middle of a row', async () => {
    const dir = await copyWithMain((t) => t.slice(0, t.indexOf('\n', 50_000) + 20));
    await expect(parseList('ofac-sdn', { path: dir })).rejects.toThrow(/columns|CSV/);
  });

  it('rejects an empty sdn.csv', async () => {
    const dir = await copyWithMain(() => '');
    await expect(parseList('ofac-sdn', { path: dir })).rejects.toThrow(/empty/);
  });

  it('rejects a missing folder with a clear message', async () => {
    await expect(parseList('ofac-sdn', { path: '/nonexistent/ofac' })).rejects.toThrow(/ofac-sdn.*expected the folder or sdn.csv/);
  });
});
