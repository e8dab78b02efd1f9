import type { Dataset, ReadState } from '../dataset.js';
import { csvRecords, dateInFileName, headerValue, isXmlFile, xmlRecords, xmlText, type ByteCounter, type XmlNode } from '../read-file.js';

const KINDS: Record<string, 'direct' | 'ultimate'> = { IS_DIRECTLY_CONSOLIDATED_BY: 'direct', IS_ULTIMATELY_CONSOLIDATED_BY: 'ultimate' };
const LEI_PATTERN = /^[A-Z0-9]{18}[0-9]{2}$/;

interface Relationship {
  child: string;
  parent: string;
  type: string;
  status: string;
}

/** A consolidation relationship as a row; fund management and sub-funds are not parents (null). */
function toRow(r: Relationship, where: string) {
  if (!r.type) throw new Error(`${where}: no RelationshipType`);
  if (!LEI_PATTERN.test(r.child) || !LEI_PATTERN.test(r.parent)) throw new Error(`${where}: a start or end node that is not an LEI`);
  const kind = KINDS[r.type];
  if (!kind) return null;
  return { child_lei: r.child, parent_lei: r.parent, kind, status: r.status || 'UNKNOWN' };
}

async function* fromXml(path: string, counter: ByteCounter, state: ReadState) {
  const records = xmlRecords(path, counter, {
    root: 'RelationshipData',
    record: 'RelationshipRecord',
    onHeader: (header) => (state.publishedAt = headerValue(header, 'ContentDate')),
  });
  for await (const { index, record } of records) {
    const relationship = (record['Relationship'] ?? {}) as XmlNode;
    const node = (name: string) => xmlText(((relationship[name] ?? {}) as XmlNode)['NodeID']) ?? '';
    const row = toRow(
      {
        child: node('StartNode'),
        parent: node('EndNode'),
        type: xmlText(relationship['RelationshipType']) ?? '',
        status: xmlText(relationship['RelationshipStatus']) ?? '',
      },
      `record ${index}`,
    );
    if (row) yield row;
    else state.skipped += 1;
  }
}

const CSV_REQUIRED = ['Relationship.StartNode.NodeID', 'Relationship.EndNode.NodeID', 'Relationship.RelationshipType', 'Relationship.RelationshipStatus'];

async function* fromCsv(path: string, counter: ByteCounter, state: ReadState) {
  state.publishedAt = dateInFileName(path);
  for await (const { line, value: r } of csvRecords(path, counter, CSV_REQUIRED)) {
    const row = toRow(
      {
        child: r('Relationship.StartNode.NodeID'),
        parent: r('Relationship.EndNode.NodeID'),
        type: r('Relationship.RelationshipType'),
        status: r('Relationship.RelationshipStatus'),
      },
      `line ${line}`,
    );
    if (row) yield row;
    else state.skipped += 1;
  }
}

/** GLEIF level 2 relationship records (RR-CDF 1.1): who consolidates whom, directly and ultimately. */
export const gleifRrDataset: Dataset = {
  id: 'gleif-rr',
  table: 'registry_relationships',
  async *read(path, counter, state) {
    yield* (await isXmlFile(path)) ? fromXml(path, counter, state) : fromCsv(path, counter, state);
  },
};
