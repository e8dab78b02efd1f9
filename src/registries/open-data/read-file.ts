import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { csvRows } from './csv-rows.js';

/**
 * Why an open-data file cannot be trusted whole (unreadable, truncated, malformed). The import
 * that meets one deletes what it staged: the live version stays as it was.
 */
export class RegistryImportError extends Error {
  override readonly name = 'RegistryImportError';
  constructor(dataset: string, path: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot import ${dataset} from ${path}: ${reason}`, options);
  }
}

/** Counts the bytes read, for progress in percent of the file. */
export interface ByteCounter {
  bytes: number;
}

export async function fileSize(dataset: string, path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    if (info.size === 0) throw new RegistryImportError(dataset, path, 'file is empty');
    return info.size;
  } catch (error) {
    if (error instanceof RegistryImportError) throw error;
    throw new RegistryImportError(dataset, path, 'file cannot be read', { cause: error });
  }
}

/** SHA-256 of the file, read as a stream (the files are gigabytes). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The file as a byte stream that counts what it passes and rejects bytes that are not UTF-8. */
function readCounted(path: string, counter: ByteCounter) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counter.bytes += chunk.length;
      try {
        decoder.decode(chunk, { stream: true });
        done(null, chunk);
      } catch {
        done(new Error(`invalid UTF-8 near byte ${counter.bytes}`));
      }
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(new Error('the file ends inside a UTF-8 character (truncated)'));
      }
    },
  });
  return createReadStream(path).pipe(check);
}

/** A CSV row's value by header name ('' when the column is absent or empty). */
export type CsvValue = (column: string) => string;

/** The file as text chunks, counting the bytes read; bytes that are not UTF-8 reject it (a BOM is dropped). */
async function* readText(path: string, counter: ByteCounter): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    counter.bytes += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new Error(`invalid UTF-8 near byte ${counter.bytes}`);
    }
    yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new Error('the file ends inside a UTF-8 character (truncated)');
  }
  if (rest) yield rest;
}

/**
 * CSV rows, read by header name (names trimmed: Companies House pads some with a space). A row
 * with another column count, an unclosed quote (a cut file) or invalid UTF-8 rejects the file.
 * Rows are split as arrays (csv-rows.ts) and read through the header's index.
 */
export async function* csvRecords(path: string, counter: ByteCounter, required: readonly string[]): AsyncGenerator<{ line: number; value: CsvValue }> {
  let index: Map<string, number> | undefined;
  let line = 0;
  for await (const records of csvRows(readText(path, counter))) {
    for (const record of records) {
      line += 1;
      if (!index) {
        index = new Map(record.map((name, i) => [name.trim(), i]));
        const missing = required.filter((name) => !index!.has(name));
        if (missing.length > 0) throw new Error(`the header lacks ${missing.join(', ')}`);
        continue;
      }
      const columns = index;
      yield { line, value: (column) => record[columns.get(column) ?? -1]?.trim() ?? '' };
    }
  }
}

/** JSON lines, one object a line; a line that is not a JSON object rejects the file. */
export async function* jsonLines(path: string, counter: ByteCounter): AsyncGenerator<{ line: number; value: Record<string, unknown> }> {
  const lines = createInterface({ input: readCounted(path, counter), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(`line ${line} is not valid JSON (a cut or corrupted file)`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`line ${line} is not a JSON object`);
    yield { line, value: value as Record<string, unknown> };
  }
}

export type XmlNode = Record<string, unknown>;

const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * The records of a large XML file, one at a time: the text between `<x:Record>` and its end tag
 * is validated and parsed alone, so memory holds one record, not the file. The text before the
 * first record (the header) is handed to `onHeader`. A record that is not well-formed, or a file
 * that does not end with its root's end tag (truncated), rejects the file.
 */
export async function* xmlRecords(
  path: string,
  counter: ByteCounter,
  options: { root: string; record: string; onHeader(header: string): void },
): AsyncGenerator<{ index: number; record: XmlNode }> {
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true, removeNSPrefix: true });
  const open = new RegExp(`<(?:[\\w.-]+:)?${options.record}[\\s>]`, 'g');
  const close = new RegExp(`</(?:[\\w.-]+:)?${options.record}\\s*>`, 'g');
  const rootEnd = new RegExp(`</(?:[\\w.-]+:)?${options.root}\\s*>\\s*$`);
  const rootStart = new RegExp(`<(?:[\\w.-]+:)?${options.root}[\\s>]`);
  let buffer = '';
  let isHeaderRead = false;
  let index = 0;
  const stream = readCounted(path, counter);
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    buffer += chunk;
    for (;;) {
      open.lastIndex = 0;
      const start = open.exec(buffer);
      if (!start) break;
      if (!isHeaderRead) {
        const head = buffer.slice(0, start.index);
        if (!rootStart.test(head)) throw new Error(`no <${options.root}> root element before the first record`);
        options.onHeader(head);
        isHeaderRead = true;
      }
      close.lastIndex = start.index;
      const end = close.exec(buffer);
      if (!end) break;
      const text = buffer.slice(start.index, end.index + end[0].length);
      buffer = buffer.slice(end.index + end[0].length);
      index += 1;
      const valid = XMLValidator.validate(text);
      if (valid !== true) throw new Error(`record ${index} is not well-formed XML (line ${valid.err.line} of the record: ${valid.err.msg})`);
      const parsed = parser.parse(text) as XmlNode;
      yield { index, record: (parsed[options.record] ?? {}) as XmlNode };
    }
    if (buffer.length > MAX_RECORD_CHARS) throw new Error(`a record is longer than ${MAX_RECORD_CHARS} characters, or the file is not ${options.root} XML`);
  }
  if (!isHeaderRead && index === 0) throw new Error(`no <${options.record}> record`);
  if (!rootEnd.test(buffer)) throw new Error(`the file does not end with </${options.root}> (truncated)`);
}

/** The text of the first `<x:tag>` in an XML header, e.g. the file's `ContentDate`. */
export function headerValue(header: string, tag: string): string | null {
  return new RegExp(`<(?:[\\w.-]+:)?${tag}>\\s*([^<]*?)\\s*<`).exec(header)?.[1] || null;
}

/** Text of an XML node parsed with `parseTagValue: false` (a string, or `{ '#text' }` with attributes). */
export function xmlText(node: unknown): string | undefined {
  if (typeof node === 'string') return node === '' ? undefined : node;
  if (node && typeof node === 'object' && '#text' in node) return xmlText((node as XmlNode)['#text']);
  return undefined;
}

/** A YYYY-MM-DD date found in a file name ("...-2021-01-01.csv", "20230605-0800-gleif-...csv"), or null. */
export function dateInFileName(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dashed = /(\d{4})-(\d{2})-(\d{2})/.exec(name);
  const compact = /(?:^|\D)(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(name);
  const found = dashed ?? compact;
  return found ? `${found[1]}-${found[2]}-${found[3]}` : null;
}

/** Whether a file starts (after a byte-order mark and blanks) with `<`: XML rather than CSV. */
export async function isXmlFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<');
  } finally {
    await handle.close();
  }
}
