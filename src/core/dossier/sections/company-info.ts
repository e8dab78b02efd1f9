import { presentCompanyInfo } from '../../forms/company-info.js';
import { field, subheading } from '../pdf-layout.js';
import type { Section } from './section.js';

const LABELS: Array<[string, string]> = [
  ['companyName', 'Name'],
  ['registrationNumber', 'Registration number'],
  ['country', 'Country'],
  ['region', 'Region'],
  ['type', 'Legal form'],
  ['activityCode', 'Activity code'],
  ['tin', 'Tax number'],
  ['brandNames', 'Brand names'],
  ['phone', 'Phone'],
  ['email', 'E-mail'],
  ['website', 'Website'],
  ['operatingAddress', 'Operating address'],
  ['postalAddress', 'Postal address'],
  ['street', 'Street'],
  ['city', 'City'],
  ['postcode', 'Postcode'],
];

/** The company information as the client (or partner) submitted it, custom fields included. */
export const companyInfoSection: Section = {
  title: 'Submitted company information',
  async render(doc, dossier) {
    const info = presentCompanyInfo(dossier.info, dossier.flow) as unknown as Record<string, unknown>;
    const known = new Set(LABELS.map(([key]) => key).concat('additionalInfo'));
    for (const [key, label] of LABELS) field(doc, label, info[key]);
    for (const [key, value] of Object.entries(info)) if (!known.has(key)) field(doc, key, value);
    const custom = Object.values((info.additionalInfo ?? {}) as Record<string, { title: string; value: unknown }>);
    if (custom.length === 0) return;
    subheading(doc, 'Additional information');
    for (const { title, value } of custom) field(doc, title, value);
  },
};
