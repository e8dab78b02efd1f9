import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screeningDataDir } from '../../../test/screening/data-dir.js';
import { ListImportError } from '../errors.js';
import type { ParsedList } from '../model.js';
import { parseList } from './parse-list.js';

const file = join(screeningDataDir(), 'un/consolidated.xml');
let un: ParsedList;
beforeAll(async () => {
  un = await parseList('un', { path: file });
});

describe('UN consolidated list parser on the real file', () => {
  it('reads all individuals and entities with the publication date', () => {
    expect(un.version.entityCount).toBe(1003);
    expect(un.entities.filter((e) => e.kind === 'person')).toHaveLength(730);
    expect(un.version.publishedAt).toBe('2026-02-27T00:00:09.554Z');
  });

  it('ids entities by their UN reference number', () => {
    expect(un.entities.find((e) => e.id === 'un:CDi.001')?.names[0]?.full).toBe('ERIC BADEGE');
  });

  it('maps alias quality: Low is weak, Good and a.k.a. are strong, f.k.a. is former', () => {
    const gaston = un.entities.find((e) => e.id === 'un:CDi.003')!;
    expect(gaston.names.find((n) => n.full === 'Rumuli')?.kind).toBe('weak-alias');
    expect(gaston.names.find((n) => n.full === 'Victor Rumuri')?.kind).toBe('alias');
    const adf = un.entities.find((e) => e.id === 'un:CDe.001')!;
    expect(adf.names.find((n) => n.full === 'NALU')).toMatchObject({ kind: 'alias', isFormer: true });
  });

  it('keeps original-script names with their script', () => {
    const saddam = un.entities.find((e) => e.id === 'un:IQi.001')!;
    expect(saddam.names).toContainEqual({ full: 'صدام حسين التكريتي', kind: 'original-script', script: 'Arab', isFormer: false });
    expect(un.entities.flatMap((e) => e.names).filter((n) => n.kind === 'original-script')).toHaveLength(378);
  });

  it('reads exact and year-only dates of birth, nationality and documents', () => {
    const saddam = un.entities.find((e) => e.id === 'un:IQi.001')!;
    expect(saddam.birthDates).toEqual([{ value: '1937-04-28', precision: 'day', isApproximate: false, rangeTo: null }]);
    expect(saddam.countries).toEqual(['IQ']);
    const withPassport = un.entities.find((e) => e.identifiers.some((i) => i.value === 'OB 0243318'))!;
    expect(withPassport.identifiers[0]).toMatchObject({ type: 'Passport', country: 'CD' });
  });

  it('rejects a truncated file and keeps nothing from it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'un-'));
    const text = await readFile(file, 'utf8');
    await writeFile(join(dir, 'cut.xml'), text.slice(0, Math.floor(text.length * 0.7)));
    await expect(parseList('un', { path: join(dir, 'cut.xml') })).rejects.toBeInstanceOf(ListImportError);
  });
});
