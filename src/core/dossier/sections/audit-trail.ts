import { readCompanyLogs } from '../../audit/read-company-logs.js';
import { note, paragraph } from '../pdf-layout.js';
import type { Section } from './section.js';

/** The company's audit trail, oldest first (ids and outcomes; no personal data is audited). */
export const auditTrailSection: Section = {
  title: 'Audit trail',
  async render(doc, dossier) {
    const { logs, logsCount } = await readCompanyLogs(dossier.ctx.db, { partnerId: dossier.ctx.partnerId, companyId: dossier.company.id });
    if (logs.length < logsCount) note(doc, `The first ${logs.length} of ${logsCount} entries.`);
    for (const log of logs) {
      paragraph(doc, `${log.timestamp}  ${log.logType}  ${log.identifier}: ${log.text}`);
      if (log.additionalText) note(doc, `    ${log.additionalText}`);
    }
  },
};
