import { note } from '../pdf-layout.js';
import type { Section } from './section.js';

/**
 * A part iDenfy fills from a check OpenKYB does not perform (registries, bank, website,
 * adverse media...). It still gets its heading, so a requested part is never silently missing.
 */
export function notPerformed(title: string): Section {
  return { title, render: async (doc) => note(doc, 'OpenKYB does not perform this check: nothing to report.') };
}
