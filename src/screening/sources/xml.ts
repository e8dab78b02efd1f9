import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ListImportError } from '../errors.js';
import type { SourceId } from '../model.js';
import { decodeUtf8, readSourceFile, type SourceFile } from './read-source.js';

export type XmlNode = Record<string, unknown>;

export interface XmlListOptions {
  /** The document element every file of this source has. */
  rootTag: string;
  /** Tags that may repeat: always parsed as arrays, so one element and many read alike. */
  repeated: ReadonlySet<string>;
  /** Drops `ns:` prefixes from tag and attribute names (the EU's files carry a default namespace). */
  removeNSPrefix?: boolean;
}

/**
 * Reads an XML list file and parses it the way every XML source wants it: strict UTF-8, well-formed
 * (a malformed file is refused with its line, never half-imported), attributes as `@name`, values
 * kept as trimmed text (an identifier such as `007` must not become the number 7).
 */
export async function readXmlList(source: SourceId, path: string, options: XmlListOptions): Promise<{ file: SourceFile; root: XmlNode }> {
  const file = await readSourceFile(source, path);
  const xml = decodeUtf8(source, file);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ListImportError(source, path, `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: options.removeNSPrefix ?? false,
    isArray: (tag) => options.repeated.has(tag),
  });
  const root = (parser.parse(xml) as XmlNode)[options.rootTag] as XmlNode | undefined;
  if (!root) throw new ListImportError(source, path, `no <${options.rootTag}> root element`);
  return { file, root };
}
