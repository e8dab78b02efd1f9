import type { Dataset } from '../dataset.js';
import { xmlText, type CsvValue, type XmlNode } from '../read-file.js';
import { gleifRows, LEI_PATTERN } from './gleif-file.js';

const KINDS: Record<string, 'direct' | 'ultimate'> = { IS_DIRECTLY_CONSOLIDATED_BY: 'direct', IS_ULTIMATELY_CONSOLIDATED_BY: 'ultimate' };

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

/** The consolidation relationship of one XML record. */
function xmlFields(record: XmlNode): Relationship {
  const relationship = (record['Relationship'] ?? {}) as XmlNode;
  const node = (name: string) => xmlText(((relationship[name] ?? {}) as XmlNode)['NodeID']) ?? '';
  return {
    child: node('StartNode'),
    parent: node('EndNode'),
    type: xmlText(relationship['RelationshipType']) ?? '',
    status: xmlText(relationship['RelationshipStatus']) ?? '',
  };
}

const CSV_REQUIRED = ['Relationship.StartNode.NodeID', 'Relationship.EndNode.NodeID', 'Relationship.RelationshipType', 'Relationship.RelationshipStatus'];

const csvFields = (r: CsvValue): Relationship => ({
  child: r('Relationship.StartNode.NodeID'),
  parent: r('Relationship.EndNode.NodeID'),
  type: r('Relationship.RelationshipType'),
  status: r('Relationship.RelationshipStatus'),
});

const RR_CDF = {
  xml: { root: 'RelationshipData', record: 'RelationshipRecord', fields: xmlFields },
  csv: { required: CSV_REQUIRED, fields: csvFields },
  toRow,
};

/** GLEIF level 2 relationship records (RR-CDF 1.1): who consolidates whom, directly and ultimately. */
export const gleifRrDataset: Dataset = {
  id: 'gleif-rr',
  table: 'registry_relationships',
  read: (path, counter, state) => gleifRows(path, counter, state, RR_CDF),
};
