import type { ReadState } from '../dataset.js';
import { csvRecords, dateInFileName, headerValue, isXmlFile, xmlRecords, type ByteCounter, type CsvValue, type XmlNode } from '../read-file.js';

export const LEI_PATTERN = /^[A-Z0-9]{18}[0-9]{2}$/;

/** How one GLEIF golden-copy file (LEI-CDF, RR-CDF) is read in each of its forms, to the same fields, then to a row. */
export interface GleifFile<F, Row> {
  /** The XML form: its root and record elements, and one record's fields. */
  xml: { root: string; record: string; fields(record: XmlNode): F };
  /** The CSV form: the columns it must have (the XML paths joined with dots), and one line's fields. */
  csv: { required: readonly string[]; fields(value: CsvValue): F };
  /** The record's row; null for one the importer does not keep (counted as skipped); throws on a bad one. */
  toRow(fields: F, where: string): Row | null;
}

/** The rows of a GLEIF file, XML or CSV. */
export async function* gleifRows<F, Row>(path: string, counter: ByteCounter, state: ReadState, file: GleifFile<F, Row>): AsyncGenerator<Row> {
  for await (const { fields, where } of gleifRecords(path, counter, state, file)) {
    const row = file.toRow(fields, where);
    if (row) yield row;
    else state.skipped += 1;
  }
}

/**
 * The records of a GLEIF file, XML or CSV, as their fields and where they stand ("record 12",
 * "line 13") for errors. Published: the XML header's ContentDate, or the date in the CSV's name.
 */
async function* gleifRecords<F>(
  path: string,
  counter: ByteCounter,
  state: ReadState,
  file: GleifFile<F, unknown>,
): AsyncGenerator<{ fields: F; where: string }> {
  if (await isXmlFile(path)) {
    const { root, record, fields } = file.xml;
    const records = xmlRecords(path, counter, { root, record, onHeader: (header) => (state.publishedAt = headerValue(header, 'ContentDate')) });
    for await (const { index, record } of records) yield { fields: fields(record), where: `record ${index}` };
    return;
  }
  state.publishedAt = dateInFileName(path);
  for await (const { line, value } of csvRecords(path, counter, file.csv.required)) yield { fields: file.csv.fields(value), where: `line ${line}` };
}
