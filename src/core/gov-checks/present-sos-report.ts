import type { SosReportRow } from '../../db/tables.js';
import type { SosReportDocument } from '../../schemas/gov-checks.js';
import type { GovOrderStatus } from '../../shared/gov-checks.js';
import type { Ctx } from '../context.js';
import { signedFileUrl } from '../files/signed-url.js';

/** iDenfy's SosReportDocument (and SosReportWebhook, the same fields): files as signed links ending in .json and .pdf. */
export function presentSosReport(ctx: Ctx, row: SosReportRow): SosReportDocument {
  const link = (hash: string | null, mime: string, filename: string) => (hash === null ? null : signedFileUrl(ctx, { hash, mime, filename }));
  return {
    id: row.id,
    checkedAt: row.checked_at === null ? null : new Date(Number(row.checked_at)).toISOString(),
    status: row.status as GovOrderStatus,
    dataFile: link(row.data_file_hash, 'application/json', 'sos-report.json'),
    reportFile: link(row.report_file_hash, 'application/pdf', 'sos-report.pdf'),
    companyName: row.company_name,
    formationDate: row.formation_date,
    entityType: row.entity_type as SosReportDocument['entityType'],
    watchlistHitsCount: row.watchlist_hits_count,
  };
}
