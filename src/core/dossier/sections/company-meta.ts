import { latestAssessment } from '../../risk/get-risk.js';
import { field, isoTime, note, paragraph, subheading } from '../pdf-layout.js';
import type { Section } from './section.js';

/** The case's state and dates, and the latest risk assessment with what each factor added. */
export const companyMetaSection: Section = {
  title: 'Case',
  async render(doc, dossier) {
    const { company } = dossier;
    field(doc, 'Company id', company.id);
    field(doc, 'Client id', company.client_id);
    field(doc, 'External reference', company.external_ref);
    field(doc, 'Status', company.status);
    field(doc, 'Approval status', company.approval_status);
    field(doc, 'Deny reason', company.deny_reason);
    field(doc, 'Sole proprietor', company.sole_proprietor === 1 ? 'yes' : 'no');
    field(doc, 'Created', isoTime(company.created_at));
    field(doc, 'Form created', isoTime(company.form_created_at));
    field(doc, 'First submitted', isoTime(company.initial_submission_time));
    field(doc, 'Submitted', isoTime(company.submission_time));
    field(doc, 'Expiration status', company.expiration_status);

    subheading(doc, 'Risk assessment');
    const risk = await latestAssessment(dossier.ctx.db, company.id);
    if (!risk) return note(doc, 'The company has not been assessed yet.');
    field(doc, 'Score', `${risk.score} of 100`);
    field(doc, 'Level', risk.level);
    field(doc, 'Assessed', `${risk.createdAt} (${risk.reason}, model version ${risk.modelVersion})`);
    if (risk.floor) field(doc, 'Raised to', `${risk.floor.level} by ${risk.floor.factor}`);
    for (const factor of [...risk.factors].sort((a, b) => b.contribution - a.contribution)) {
      paragraph(
        doc,
        `${factor.factor}: +${factor.contribution} (weight ${factor.weight}, severity ${factor.severity}${factor.isFloorApplied ? ', floor applied' : ''}). ${factor.explanation}`,
        { indent: 10 },
      );
    }
  },
};
