import { displayName } from '../../ownership/get-ownership.js';
import { field, note, subheading } from '../pdf-layout.js';
import type { Section } from './section.js';

/** Every related person and company with all the data they were declared with. */
export const beneficiariesSection: Section = {
  title: 'Related subjects',
  async render(doc, dossier) {
    const { beneficiaries } = await dossier.ownership();
    if (beneficiaries.length === 0) return note(doc, 'No beneficiaries were declared.');
    for (const b of beneficiaries) {
      subheading(doc, displayName(b) || b.id);
      field(doc, 'Kind', b.info.infoType === 'INDIVIDUAL' ? 'person' : 'company');
      field(doc, 'Roles', b.beneficiaryTypes);
      field(doc, 'Positions', b.positions);
      field(doc, 'Ownership', b.ownershipPercentage === null ? null : `${b.ownershipPercentage} %`);
      field(doc, 'Owned through', b.parent === null ? dossier.info.companyName : await dossier.beneficiaryName(b.parent));
      field(doc, 'Filled in the form', b.formFiller ? 'yes' : 'no');
      for (const [key, value] of Object.entries(b.info)) if (key !== 'infoType') field(doc, key, value);
    }
  },
};
