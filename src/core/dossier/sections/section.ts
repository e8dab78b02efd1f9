import type { DossierCase } from '../dossier-case.js';
import type { Pdf } from '../pdf-layout.js';

/** One part of the dossier: its heading, and what it writes below it. */
export interface Section {
  title: string;
  render(doc: Pdf, dossier: DossierCase): Promise<void>;
}
