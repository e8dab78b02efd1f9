import type { CompanyScreeningView, ScreeningHitView } from '../../screening/read-screening.js';
import type { DossierCase } from '../dossier-case.js';
import { field, note, paragraph, subheading, type Pdf } from '../pdf-layout.js';
import type { Section } from './section.js';

type Subject = CompanyScreeningView['subjects'][number];

/** The company's own AML screening, or its beneficiaries': each subject's status and every hit's evidence. */
export function screeningSection(subjectType: Subject['subjectType']): Section {
  return {
    title: subjectType === 'COMPANY' ? 'Company AML check' : 'Beneficiary AML checks',
    async render(doc, dossier) {
      const screening = await dossier.screening();
      if (screening.isPending) note(doc, 'A screening is pending; the results below may be outdated.');
      const subjects = screening.subjects.filter((s) => s.subjectType === subjectType);
      if (subjects.length === 0) return note(doc, 'Not screened yet.');
      for (const subject of subjects) await renderSubject(doc, dossier, subject);
    },
  };
}

async function renderSubject(doc: Pdf, dossier: DossierCase, subject: Subject): Promise<void> {
  subheading(doc, subject.subjectType === 'COMPANY' ? dossier.info.companyName : await dossier.beneficiaryName(subject.subjectId));
  field(doc, 'Status', subject.status);
  if (subject.statusReason) field(doc, 'Reason', subject.statusReason);
  field(doc, 'Checked at', subject.checkedAt);
  field(
    doc,
    'Lists',
    subject.lists.map((l) => `${l.source} (published ${l.publishedAt ?? 'unknown'}, sha256 ${l.sha256.slice(0, 12)})`),
  );
  field(doc, 'Hits', subject.hits.length);
  for (const hit of subject.hits) renderHit(doc, hit);
}

/** What the matcher saw: which tokens matched which, what was left over, what qualified it. */
function renderHit(doc: Pdf, hit: ScreeningHitView): void {
  const { match } = hit;
  doc.moveDown(0.3);
  paragraph(
    doc,
    `${match.listedName} (${match.entityKind}, ${hit.entityId}): score ${hit.score}${hit.isAlert ? ', alert' : ''}${hit.isCurrent ? '' : ', no longer listed'}`,
  );
  field(
    doc,
    'Resolution',
    hit.resolution ? `${hit.resolution} at ${hit.resolvedAt ?? '-'}${hit.resolutionComment ? `: ${hit.resolutionComment}` : ''}` : 'unresolved',
  );
  field(doc, 'Name score', `${match.nameScore} (${match.nameKind})`);
  for (const pair of match.tokenPairs) paragraph(doc, `${pair.query} ~ ${pair.listed}: ${pair.similarity} (${pair.kind})`, { indent: 10 });
  if (match.unmatchedQuery.length > 0) field(doc, 'Unmatched in the query', match.unmatchedQuery);
  if (match.unmatchedListed.length > 0) field(doc, 'Unmatched in the listing', match.unmatchedListed);
  for (const q of match.qualifiers) paragraph(doc, `${q.type}: ${q.outcome} (${q.detail})`, { indent: 10 });
  field(doc, 'Seen', `${hit.firstSeenAt} to ${hit.lastSeenAt}`);
}
