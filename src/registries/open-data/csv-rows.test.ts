import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-rows.js';
import { csvRecords } from './read-file.js';

/** The records of `text` fed in chunks of `size` characters. */
async function rows(text: string, size = text.length || 1): Promise<string[][]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const out: string[][] = [];
  for await (const records of csvRows(chunks())) out.push(...records);
  return out;
}

const SAMPLE = [
  'CompanyName, CompanyNumber,RegAddress.CareOf,Note',
  '"ACME ""THE BEST"" LIMITED","01234567","",""',
  '"LINE, BREAK\nLTD","SC000001","c/o ME",plain',
  '',
  'unquoted,02,,"last"',
  '"PLAIN LTD","03","x","y"',
  '"","","",""',
].join('\n');

describe('csvRows', () => {
  it('reads quoted, escaped, multi-line and unquoted fields as csv-parse does, whatever the chunks', async () => {
    const expected = parse(SAMPLE, { skip_empty_lines: true, relax_column_count: false }) as string[][];
    expect(expected).toHaveLength(6);
    expect(expected[2]).toEqual(['LINE, BREAK\nLTD', 'SC000001', 'c/o ME', 'plain']);
    for (let size = 1; size <= SAMPLE.length; size += 1) expect(await rows(SAMPLE, size)).toEqual(expected);
    // A final line end or none is the same file; CRLF line ends too.
    expect(await rows(`${SAMPLE}\n`, 7)).toEqual(expected);
    const crlf = SAMPLE.replace(/\n(?!LTD)/g, '\r\n');
    for (const size of [1, 2, 3, 64]) expect(await rows(crlf, size)).toEqual(expected);
  });

  it('rejects a cut quote, a stray quote and a record with another column count', async () => {
    for (const size of [1, 5, 1000]) {
      await expect(rows('a,b\n"x","y\n', size)).rejects.toThrow(/line 2: a quote is never closed/);
      await expect(rows('a,b\n"x"z,"y"\n', size)).rejects.toThrow(/line 2: a character after a closing quote/);
      await expect(rows('a,b\nx"z,y\n', size)).rejects.toThrow(/line 2: a quote inside an unquoted field/);
      await expect(rows('a,b\n"1","2"\n"3"\n', size)).rejects.toThrow(/line 3: 1 columns where the header has 2/);
      await expect(rows('a,b\n"1","2","3"', size)).rejects.toThrow(/line 2: 3 columns where the header has 2/);
    }
  });

  it('reads nothing from an empty text', async () => {
    expect(await rows('')).toEqual([]);
    expect(await rows('\n\n')).toEqual([]);
  });

  it('reads a file by header name after its byte-order mark, and refuses bytes that are not UTF-8', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openkyb-csv-rows-'));
    const file = path.join(dir, 'basic.csv');
    const read = async (required: string[]) => {
      const out: Array<[number, string, string]> = [];
      for await (const { line, value } of csvRecords(file, { bytes: 0 }, required)) out.push([line, value('Name'), value('Number')]);
      return out;
    };
    try {
      writeFileSync(file, '\uFEFF Name,Number\r\n"ACME LTD"," 01"\r\n');
      expect(await read(['Name', 'Number'])).toEqual([[2, 'ACME LTD', '01']]);
      await expect(read(['Name', 'Status'])).rejects.toThrow(/the header lacks Status/);
      writeFileSync(file, Buffer.concat([Buffer.from('Name,Number\n"AC'), Buffer.from([0xff]), Buffer.from('ME","1"\n')]));
      await expect(read([])).rejects.toThrow(/invalid UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
