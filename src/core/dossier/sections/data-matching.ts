import { renderComparison } from '../../company-register/register-report.js';
import { field, note } from '../pdf-layout.js';
import type { Section } from './section.js';

/** The form's company fields against the official register (iDenfy's KybDataMatchingList, GOV_REGISTERS). */
export const dataMatchingSection: Section = {
  title: 'Data matching',
  async render(doc, dossier) {
    const { dataMatching, status } = await dossier.register();
    if (dataMatching === null) return note(doc, `Nothing to compare: the register check's outcome is ${status}.`);
    field(doc, 'Source', `${dataMatching.reportType}, ${dataMatching.created}`);
    renderComparison(doc, dataMatching.companyComparison);
  },
};
