import type { FieldComparison, UndeclaredPerson } from '../../registries/compare-profile.js';
import type { RegistryPerson, RegistryProfile } from '../../registries/provider.js';
import { field, finishPdf, heading, note, openPdf, paragraph, title, type Pdf } from '../dossier/pdf-layout.js';

const personLine = (person: RegistryPerson) =>
  [
    person.name,
    person.position,
    person.birthMonth ? `born ${person.birthMonth}` : undefined,
    person.nationality,
    person.natureOfControl?.join(', '),
    person.sharesMin !== undefined || person.sharesMax !== undefined ? `${person.sharesMin ?? '?'}-${person.sharesMax ?? '?'} %` : undefined,
    person.ceasedOn ? `ceased ${person.ceasedOn}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

/**
 * The register check as a PDF (govRegistersDocuments' `reportFile`): the register's profile, the
 * comparison with the form and the persons the client did not declare. Its date is the check's,
 * so the same check renders the same way.
 */
export function registerReportPdf(input: {
  profile: RegistryProfile;
  comparison: FieldComparison[];
  undeclared: UndeclaredPerson[];
  checkedAt: number;
}): Promise<Buffer> {
  const { profile, comparison, undeclared } = input;
  const doc = openPdf({ createdAt: new Date(input.checkedAt), password: undefined });
  title(doc, `Register extract: ${profile.name}`);
  note(doc, `Source: ${profile.provider}, data as of ${profile.asOf}; checked ${new Date(input.checkedAt).toISOString()}.`);
  heading(doc, 'Company');
  renderRegisterCompany(doc, profile);
  renderRegisterPeople(doc, profile, heading);
  heading(doc, 'Form compared with the register');
  renderComparison(doc, comparison);
  heading(doc, 'Officers and owners not declared by the client');
  renderUndeclared(
    doc,
    undeclared.map((person) => ({ ...person, status: null })),
  );
  return finishPdf(doc);
}

/** The register's company record, one field a line. */
export function renderRegisterCompany(doc: Pdf, profile: RegistryProfile): void {
  field(doc, 'Name', profile.name);
  field(doc, 'Registration number', profile.number);
  field(doc, 'Country', profile.country);
  field(doc, 'Status', profile.status);
  field(doc, 'Legal form', profile.legalForm ?? null);
  field(doc, 'Incorporated', profile.incorporatedOn ?? null);
  field(doc, 'LEI', profile.lei ?? null);
  field(doc, 'Activity codes', profile.activityCodes.join(', ') || null);
  for (const address of profile.addresses)
    field(doc, `Address (${address.kind})`, [...address.lines, address.postCode, address.city, address.country].filter(Boolean).join(', '));
}

/** The register's officers, owners and parents, each group under `head` (a heading in the extract, a subheading in the dossier). */
export function renderRegisterPeople(doc: Pdf, profile: RegistryProfile, head: (doc: Pdf, text: string) => void): void {
  head(doc, 'Officers');
  if (profile.officers.length === 0) paragraph(doc, 'None given by the register.');
  for (const person of profile.officers) paragraph(doc, personLine(person));
  head(doc, 'Owners (persons with significant control)');
  if (profile.owners.length === 0) paragraph(doc, 'None given by the register.');
  for (const person of profile.owners) paragraph(doc, personLine(person));
  if (profile.parents.length > 0) {
    head(doc, 'Parents');
    for (const parent of profile.parents) paragraph(doc, `${parent.relationship}: ${parent.name ?? ''} (LEI ${parent.lei})`);
  }
}

/** Each form field against the register's: the outcome, then both values. */
export function renderComparison(doc: Pdf, comparison: readonly FieldComparison[]): void {
  if (comparison.length === 0) paragraph(doc, 'The register gives none of the fields the form holds.');
  for (const line of comparison)
    field(
      doc,
      line.field,
      line.match === null
        ? `not in the form; register "${line.reportValue ?? ''}"`
        : `${line.match}: form "${line.systemValue ?? ''}", register "${line.reportValue ?? ''}"`,
    );
}

/** The register's persons the client did not declare, with their screening status when known. */
export function renderUndeclared(doc: Pdf, persons: ReadonlyArray<Pick<UndeclaredPerson, 'name' | 'roles'> & { status: string | null }>): void {
  if (persons.length === 0) paragraph(doc, 'None.');
  for (const person of persons) paragraph(doc, `${person.name} (${person.roles.join(', ')})${person.status === null ? '' : `: screening ${person.status}`}`);
}
