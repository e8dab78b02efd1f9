import { displayName } from '../../ownership/get-ownership.js';
import { renderOwnershipTree } from '../../ownership/render-tree.js';
import { field, monospace, note, subheading } from '../pdf-layout.js';
import type { Section } from './section.js';

/** The tree as text (as the CLI shows it), then who the persons behind it are. */
export const ownershipSection: Section = {
  title: 'Ownership structure',
  async render(doc, dossier) {
    const loaded = await dossier.ownership();
    const names = new Map(loaded.beneficiaries.map((b) => [b.id, displayName(b)]));
    monospace(doc, renderOwnershipTree({ companyName: loaded.companyName, input: loaded.input, result: loaded.result, nameOf: (id) => names.get(id) ?? id }));
    field(doc, 'UBO threshold', `${loaded.result.threshold} % (${loaded.thresholdSource === 'FLOW' ? 'from the flow' : 'default'})`);
    subheading(doc, 'Persons');
    if (loaded.result.persons.length === 0) return note(doc, 'No person is traced in the tree.');
    for (const person of loaded.result.persons) {
      field(doc, names.get(person.id) ?? person.id, `${person.effectivePercentage} % effective${person.isUbo ? ', UBO' : ''}`);
    }
  },
};
